"""Live and draft: what Rédaction saves on a published item waits for Publication; no edit is lost.

Service-level and admin-level tests of editorial.drafts and editorial.workflow.
The browser flows are in tests/browser/.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import Status
from editorial.drafts import draft_for, materialized, serialize_graph
from editorial.models import Draft, DraftState
from editorial.workflow import content_publish, content_unpublish, draft_reject, draft_save, draft_submit
from news.models import NewsRelease, RelatedLink
from tests import factories
from tests.oim_site.test_admin import release_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def token_of(response):
    return re.search(r'name="editorial_token" value="([^"]*)"', response.content.decode()).group(1)


@pytest.fixture
def release():
    release = factories.NewsReleaseFactory(title_fr="Titre en ligne", slug_fr="titre-en-ligne")
    factories.RelatedLinkFactory(release=release, label_fr="Site de l’OIM", url="https://www.iom.int/")
    return release


def test_an_editor_edit_of_a_live_release_leaves_the_public_page_unchanged(client, editor, release):
    public_before = client.get(release.get_absolute_url()).content.decode()
    payload = {**release_data(5), "slug_fr": "titre-en-ligne", "links-0-label_fr": "Nouveau lien utile"}
    response = logged_in(editor).post(change_url(release), payload)
    assert response.status_code == 302

    release.refresh_from_db()
    assert release.title_fr == "Titre en ligne"
    assert list(release.links.values_list("label_fr", flat=True)) == ["Site de l’OIM"]
    public_after = client.get(release.get_absolute_url()).content.decode()
    assert "Communiqué 5" not in public_after and "Nouveau lien utile" not in public_after
    assert "Titre en ligne" in public_after and public_before.count("Site de l’OIM") == public_after.count(
        "Site de l’OIM")
    draft = Draft.objects.for_object(release).get()
    assert draft.data["object"]["fields"]["title_fr"] == "Communiqué 5"
    assert sorted(link["fields"]["label_fr"] for link in draft.data["children"]["links"]) == [
        "Nouveau lien utile", "Site de l’OIM"]


def test_publishing_the_draft_makes_it_live_with_its_links_and_relations(client, publisher, release):
    area = factories.ProgrammeAreaFactory(title_fr="Intégration")
    with materialized(release):
        release.title_fr = "Titre révisé"
        release.save()
        release.programme_areas.add(area)
        RelatedLink.objects.create(release=release, label_fr="Rapport annuel", url="https://www.iom.int/fr")
        graph = serialize_graph(release)
    draft_save(obj=release, graph=graph, user=publisher)
    assert release.title_fr == "Titre en ligne" and not release.programme_areas.exists()

    assert content_publish(obj=release, user=publisher) == []
    release.refresh_from_db()
    assert release.title_fr == "Titre révisé"
    assert list(release.programme_areas.all()) == [area]
    assert sorted(release.links.values_list("label_fr", flat=True)) == ["Rapport annuel", "Site de l’OIM"]
    assert draft_for(release) is None
    assert "Titre révisé" in client.get(release.get_absolute_url()).content.decode()


def test_a_new_slug_goes_live_with_its_redirect_only_when_published(client, editor, publisher, release):
    payload = {**release_data(6), "slug_fr": "nouvelle-adresse"}
    logged_in(editor).post(change_url(release), payload)
    assert client.get("/fr/actualites/titre-en-ligne/").status_code == 200
    assert client.get("/fr/actualites/nouvelle-adresse/").status_code == 404

    assert content_publish(obj=release, user=publisher) == []
    assert client.get("/fr/actualites/nouvelle-adresse/").status_code == 200
    response = client.get("/fr/actualites/titre-en-ligne/")
    assert response.status_code == 301 and response["Location"] == "/fr/actualites/nouvelle-adresse/"


def test_only_publication_may_publish_schedule_send_back_or_unpublish(editor, release):
    draft_save(obj=release, graph=serialize_graph(release), user=editor)
    for service, kwargs in ((content_publish, {}), (draft_reject, {"comment": "non"}), (content_unpublish, {})):
        with pytest.raises(PermissionDenied):
            service(obj=release, user=editor, **kwargs)
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED


def test_the_editor_submits_and_publication_sends_back_with_a_comment(editor, publisher, release):
    draft_submit(obj=release, user=editor, message="À relire avant jeudi")
    draft = draft_for(release)
    assert (draft.state, draft.message, draft.author) == (DraftState.SUBMITTED, "À relire avant jeudi", editor)
    draft_reject(obj=release, user=publisher, comment="Le chapeau est trop long.")
    draft = draft_for(release)
    assert (draft.state, draft.review_comment) == (DraftState.DRAFT, "Le chapeau est trop long.")


def test_a_later_save_of_the_same_item_is_refused_and_keeps_what_was_typed(editor, publisher, release):
    first, second = logged_in(editor), logged_in(publisher)
    token_first = token_of(first.get(change_url(release)))
    token_second = token_of(second.get(change_url(release)))
    assert token_first == token_second

    ok = first.post(change_url(release), {**release_data(7), "editorial_token": token_first,
                                          "dateline_fr": "Lyon"})
    assert ok.status_code == 302
    refused = second.post(change_url(release), {**release_data(8), "editorial_token": token_second,
                                                "dateline_fr": "Strasbourg"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert editor.get_username() in page and "pendant que vous le modifiiez" in page
    assert 'value="Strasbourg"' in page  # what the second person typed is still in the form
    assert draft_for(release).data["object"]["fields"]["dateline_fr"] == "Lyon"


def test_restoring_an_old_version_of_a_live_item_makes_a_draft(admin_client, release):
    from reversion import revisions
    from reversion.models import Version

    with revisions.create_revision():
        release.save()
    old = Version.objects.get_for_object(release).first()
    with revisions.create_revision():
        release.title_fr = "Titre corrigé en ligne"
        release.save()
    url = reverse("admin:news_newsrelease_revision", args=[release.pk, old.pk])
    response = admin_client.post(url, {**release_data(9), "title_fr": "Titre en ligne"})
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.title_fr == "Titre corrigé en ligne"  # live unchanged
    assert draft_for(release).data["object"]["fields"]["title_fr"] == "Titre en ligne"


def test_the_preview_shows_the_draft_and_the_public_page_does_not(client, admin_client, release):
    admin_client.post(change_url(release), {**release_data(10), "slug_fr": "titre-en-ligne"})
    preview = admin_client.get(reverse("admin:news_newsrelease_preview", args=[release.pk]))
    assert "Communiqué 10" in preview.content.decode()
    assert "Communiqué 10" not in client.get(release.get_absolute_url()).content.decode()
    assert NewsRelease.objects.get(pk=release.pk).title_fr == "Titre en ligne"


def test_a_new_project_under_a_published_area_is_public_only_once_published(client, editor, publisher):
    area = factories.ProgrammeAreaFactory(title_fr="Intégration")
    response = logged_in(editor).post(reverse("admin:programmes_project_add"), {
        "area": str(area.pk), "name_fr": "Projet caché", "name_en": "Hidden project", "order": "1",
    })
    assert response.status_code == 302
    assert "Projet caché" not in client.get(area.get_absolute_url()).content.decode()
    assert content_publish(obj=area, user=publisher) == []
    assert "Projet caché" in client.get(area.get_absolute_url()).content.decode()


def test_a_scheduled_draft_of_a_live_release_goes_live_on_the_first_request_after_its_time(
        client, settings, publisher, release):
    settings.PAGE_CACHE_SECONDS = 600
    with materialized(release):
        release.title_fr = "Titre programmé"
        release.save()
        graph = serialize_graph(release)
    draft_save(obj=release, graph=graph, user=publisher)
    at = timezone.now() + timedelta(minutes=2)
    assert content_publish(obj=release, user=publisher, at=at) == []
    assert draft_for(release).state == DraftState.SCHEDULED
    url = release.get_absolute_url()
    assert "Titre en ligne" in client.get(url).content.decode()
    assert client.get(url)["X-Cache"] == "HIT"

    with time_machine.travel(at + timedelta(seconds=1), tick=False):
        page = client.get(url).content.decode()
    assert "Titre programmé" in page
    assert draft_for(release) is None


def test_an_expiry_date_takes_the_item_offline_by_itself(client, publisher, release):
    release.expiry_date = timezone.now() + timedelta(hours=1)
    release.save()
    assert client.get(release.get_absolute_url()).status_code == 200
    with time_machine.travel(release.expiry_date + timedelta(seconds=1), tick=False):
        assert client.get(release.get_absolute_url()).status_code == 404
        assert not NewsRelease.objects.published().filter(pk=release.pk).exists()


def test_a_new_person_is_public_only_once_published(client, editor, publisher):
    from offices.models import Person

    office = factories.OfficeFactory()
    response = logged_in(editor).post(reverse("admin:offices_person_add"), {
        "name": "Nina Nouvelle", "job_title_fr": "Stagiaire", "office": str(office.pk), "order": "1",
        "show_on_team_page": "on", "publication_date_0": "01/01/2024", "publication_date_1": "10:00:00",
    })
    assert response.status_code == 302
    person = Person.objects.get(name="Nina Nouvelle")
    assert person.status == Status.DRAFT
    assert "Nina Nouvelle" not in client.get("/fr/bureaux/equipe/").content.decode()
    assert content_publish(obj=person, user=publisher) == []
    assert "Nina Nouvelle" in client.get("/fr/bureaux/equipe/").content.decode()


def test_the_lists_editable_order_is_publications_decision(editor, publisher):
    page = factories.PageFactory(order=1)
    data = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(page.pk), "form-0-order": "9",
            "_save": "Enregistrer"}
    logged_in(editor).post(reverse("admin:pages_page_changelist"), data)
    page.refresh_from_db()
    assert page.order == 1
    logged_in(publisher).post(reverse("admin:pages_page_changelist"), data)
    page.refresh_from_db()
    assert page.order == 9


def test_publish_scheduled_command_applies_what_is_due(publisher, release):
    from io import StringIO

    from django.core.management import call_command

    draft = draft_save(obj=release, graph=serialize_graph(release), user=publisher)
    draft.data["object"]["fields"]["title_fr"] = "Titre de la commande"
    draft.state, draft.go_live_at = DraftState.SCHEDULED, timezone.now() - timedelta(seconds=5)
    draft.save()
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    assert "1 brouillon" in out.getvalue()
    release.refresh_from_db()
    assert release.title_fr == "Titre de la commande"


def test_preview_renders_what_is_in_the_form_in_both_languages_and_saves_nothing(client, editor, release):
    editor_client = logged_in(editor)
    url = reverse("admin:news_newsrelease_preview_form", args=[release.pk])
    payload = {**release_data(12), "slug_fr": "titre-en-ligne", "title_en": "Unsaved English title",
               "body_fr": "<h1>Titre de niveau un</h1><p>Corps</p>"}
    response = editor_client.post(f"{url}?lang=fr", payload)
    assert response.status_code == 302
    shown = editor_client.get(response["Location"])
    html = shown.content.decode()
    assert "Communiqué 12" in html and "rien n’est enregistré" in html
    assert "niveau 1" in html  # the checks run on the preview and are shown beside it
    english = editor_client.get(response["Location"].replace("lang=fr", "lang=en") + "&device=phone")
    assert "Unsaved English title" in english.content.decode()
    assert "form-preview__frame--phone" in english.content.decode()

    release.refresh_from_db()
    assert release.title_fr == "Titre en ligne" and draft_for(release) is None  # nothing saved, not even a draft
    assert "Communiqué 12" not in client.get(release.get_absolute_url()).content.decode()


def test_preview_of_a_new_item_before_its_first_save(editor):
    editor_client = logged_in(editor)
    response = editor_client.post(reverse("admin:news_newsrelease_add_preview_form") + "?lang=fr", release_data(13))
    assert response.status_code == 302
    assert "Communiqué 13" in editor_client.get(response["Location"]).content.decode()
    assert not NewsRelease.objects.filter(title_fr="Communiqué 13").exists()


def test_a_stored_preview_is_only_for_its_author(editor, publisher, release):
    response = logged_in(editor).post(
        reverse("admin:news_newsrelease_preview_form", args=[release.pk]) + "?lang=fr",
        {**release_data(14), "slug_fr": "titre-en-ligne"})
    assert logged_in(publisher).get(response["Location"]).status_code == 404


def test_publication_schedules_and_sets_an_expiry_from_the_change_form(client, publisher, release):
    publisher_client = logged_in(publisher)
    at = timezone.localtime(timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    payload = {**release_data(15), "slug_fr": "titre-en-ligne"}
    response = publisher_client.post(change_url(release), {**payload, "_schedule": "1", "editorial_go_live_at": at},
                                     follow=True)
    assert "sera publié le" in response.content.decode()
    draft = draft_for(release)
    assert draft.state == DraftState.SCHEDULED and timezone.localtime(draft.go_live_at).strftime(
        "%Y-%m-%dT%H:%M") == at
    assert "Titre en ligne" in client.get(release.get_absolute_url()).content.decode()

    response = publisher_client.post(change_url(release), {**payload, "_expire": "1", "editorial_expire_at": at},
                                     follow=True)
    assert "quittera le site le" in response.content.decode()
    release.refresh_from_db()
    assert release.expiry_date is not None and release.is_published


def test_the_editor_sees_submit_and_not_publish(editor, publisher, release):
    editor_page = logged_in(editor).get(change_url(release)).content.decode()
    assert 'name="_submit"' in editor_page and 'name="_publish"' not in editor_page
    publisher_page = logged_in(publisher).get(change_url(release)).content.decode()
    assert 'name="_publish"' in publisher_page and 'name="_schedule"' in publisher_page
    assert 'name="_unpublish"' in publisher_page


def test_the_change_form_of_a_release_with_a_draft_says_so_and_links_to_the_comparison(editor, release):
    editor_client = logged_in(editor)
    editor_client.post(change_url(release), {**release_data(16), "slug_fr": "titre-en-ligne"})
    page = editor_client.get(change_url(release)).content.decode()
    assert "Modifications non publiées depuis le" in page
    assert reverse("admin:news_newsrelease_draft_compare", args=[release.pk]) in page


def test_the_publication_date_is_the_moment_of_first_publication(editor, publisher):
    with time_machine.travel(timezone.now() - timedelta(days=4), tick=False):  # Monday: drafted
        response = logged_in(editor).post(reverse("admin:news_newsrelease_add"), release_data(17))
        assert response.status_code == 302
    release = NewsRelease.objects.get(title_fr="Communiqué 17")
    assert content_publish(obj=release, user=publisher) == []  # Friday: published
    release.refresh_from_db()
    assert timezone.now() - release.publication_date < timedelta(minutes=1)


def test_a_date_publication_chose_is_kept(publisher):
    client = logged_in(publisher)
    payload = {**release_data(18), "status": "draft", "publication_date_0": "2011-10-21",
               "publication_date_1": "10:00:00"}
    assert client.post(reverse("admin:news_newsrelease_add"), payload).status_code == 302
    release = NewsRelease.objects.get(title_fr="Communiqué 18")
    assert content_publish(obj=release, user=publisher) == []
    release.refresh_from_db()
    assert timezone.localtime(release.publication_date).date().isoformat() == "2011-10-21"


def test_view_on_site_and_the_language_switch_of_a_draft_lead_to_its_preview(admin_client):
    draft = factories.NewsReleaseFactory(status=Status.DRAFT, slug_fr="brouillon", slug_en="draft")
    page = admin_client.get(change_url(draft)).content.decode()
    preview_url = reverse("admin:news_newsrelease_preview", args=[draft.pk])
    assert f'href="{preview_url}"' in page and 'class="viewsitelink"' in page
    preview = admin_client.get(preview_url + "?lang=fr").content.decode()
    assert f'href="{preview_url}?lang=en"' in preview
    assert admin_client.get(preview_url + "?lang=en").status_code == 200
    assert 'href="/en/news/draft/"' not in preview  # the public address of a draft is a 404


def test_a_shared_links_language_switch_stays_in_the_preview(client, admin_client):
    from editorial.models import PreviewLink

    draft = factories.NewsReleaseFactory(status=Status.DRAFT)
    link = PreviewLink.objects.create(content_object=draft)
    page = client.get(f"/fr/preview/{link.token}/").content.decode()
    assert f'href="/en/preview/{link.token}/"' in page
    assert client.get(f"/en/preview/{link.token}/").status_code == 200


def test_changelists_show_and_filter_the_six_steps(admin_client, editor, publisher):
    from editorial.models import Draft

    items = {
        "Brouillon": factories.NewsReleaseFactory(title_fr="Rel brouillon", status=Status.DRAFT),
        "Soumis": factories.NewsReleaseFactory(title_fr="Rel soumis", status=Status.DRAFT),
        "Programmé": factories.NewsReleaseFactory(title_fr="Rel programmé",
                                                  publication_date=timezone.now() + timedelta(days=1)),
        "Publié": factories.NewsReleaseFactory(title_fr="Rel publié"),
        "Publié avec modifications": factories.NewsReleaseFactory(title_fr="Rel modifié"),
        "Expiré": factories.NewsReleaseFactory(title_fr="Rel expiré", expiry_date=timezone.now() - timedelta(hours=1)),
    }
    draft_submit(obj=items["Soumis"], user=editor)
    draft_save(obj=items["Publié avec modifications"], graph=serialize_graph(items["Publié avec modifications"]),
               user=editor)
    assert Draft.objects.count() == 2
    changelist = reverse("admin:news_newsrelease_changelist")
    from editorial.status import STATES

    for value, label in STATES:
        page = admin_client.get(changelist, {"etape": value}).content.decode()
        shown = [name for name, obj in items.items() if obj.title_fr in page]
        assert shown == [str(label)], (value, shown)


def test_the_form_says_it_saves_a_draft_and_shows_the_checks_under_their_fields(editor):
    page = factories.PageFactory(body_fr="<h1>Titre interdit</h1><p>Texte</p>")
    html = logged_in(editor).get(change_url(page)).content.decode()
    assert 'value="Enregistrer le brouillon"' in html
    assert "À corriger avant publication" in html and "niveau 1" in html
