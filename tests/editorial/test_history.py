"""History without loss: every admin save is a revision; restore, recover, compare."""

import pytest
from django.utils import translation
from reversion.models import Version

from core.models import Status
from news.models import NewsRelease
from pages.models import Page
from tests import factories

from .conftest import add_page, admin_url, management, page_form

pytestmark = pytest.mark.django_db



def test_every_admin_save_keeps_a_revision_with_its_author(publisher_client, publisher):
    page = add_page(publisher_client)
    publisher_client.post(admin_url(page, "change"), page_form(title_fr="À propos de nous"))
    versions = Version.objects.get_for_object(page)
    assert versions.count() == 2
    assert {v.revision.user for v in versions} == {publisher}
    assert [bool(v.revision.get_comment()) for v in versions] == [True, True]  # "Ajout." / "Modification de …"


def test_history_page_lists_versions_with_author_and_compare_form(publisher_client, publisher):
    page = add_page(publisher_client)
    publisher_client.post(admin_url(page, "change"), page_form(title_fr="À propos de nous"))
    content = publisher_client.get(admin_url(page, "history")).content.decode()
    assert content.count('name="a"') == 2 and content.count('name="b"') == 2
    assert publisher.username in content
    assert admin_url(page, "history_compare") in content


def test_restore_brings_back_both_languages(publisher_client):
    page = add_page(publisher_client)
    first = Version.objects.get_for_object(page).get()
    publisher_client.post(admin_url(page, "change"), page_form(
        title_fr="Nouveau titre", title_en="New title", body_fr="<p>Réécrit</p>", body_en="<p>Rewritten</p>"))
    page.refresh_from_db()
    assert (page.title_fr, page.title_en) == ("Nouveau titre", "New title")

    # The revision page shows the old version's form, filled in both languages.
    revision_url = admin_url(page, "revision", page.pk, first.pk)
    form_page = publisher_client.get(revision_url).content.decode()
    assert 'value="À propos"' in form_page and 'value="About"' in form_page
    assert 'value="Nouveau titre"' not in form_page
    page.refresh_from_db()
    assert page.title_fr == "Nouveau titre"  # looking does not restore

    assert publisher_client.post(revision_url, page_form()).status_code == 302
    page.refresh_from_db()
    assert (page.title_fr, page.title_en) == ("À propos", "About")
    assert (page.body_fr, page.body_en) == ("<p>Texte français</p>", "<p>English text</p>")
    assert Version.objects.get_for_object(page).count() == 3  # the restore is itself a revision


@pytest.mark.parametrize("active_language", ["fr", "en"])
def test_reverting_a_version_restores_each_language_column_whatever_the_active_language(active_language):
    from reversion import revisions

    with revisions.create_revision():
        page = factories.PageFactory(title_fr="Titre v1", title_en="")
    with revisions.create_revision():
        page.title_fr, page.title_en = "Titre v2", "Title v2"
        page.save()
    with translation.override(active_language):
        Version.objects.get_for_object(page).last().revision.revert()
    page.refresh_from_db()
    # English was empty in v1: it must not come back as a copy of the French.
    assert (page.title_fr, page.title_en) == ("Titre v1", "")


def test_restoring_a_release_restores_its_related_links(publisher_client):
    from reversion import revisions

    with revisions.create_revision():
        link = factories.RelatedLinkFactory(label_fr="Rapport annuel", label_en="Annual report")
    release = link.release
    with revisions.create_revision():
        release.title_fr = "Modifié"
        release.save()
        link.label_fr, link.label_en = "Autre", "Other"
        link.save()
    Version.objects.get_for_object(release).last().revision.revert(delete=True)
    link.refresh_from_db()
    release.refresh_from_db()
    assert (link.label_fr, link.label_en) == ("Rapport annuel", "Annual report")
    assert release.title_fr != "Modifié"


def test_deleted_object_can_be_recovered_in_both_languages(publisher_client):
    page = add_page(publisher_client)
    pk = page.pk
    response = publisher_client.post(admin_url(page, "delete"), {"post": "yes"})
    assert response.status_code == 302 and not Page.objects.filter(pk=pk).exists()

    recover_list = publisher_client.get(admin_url(Page, "recoverlist")).content.decode()
    deleted = Version.objects.get_deleted(Page).get()
    assert "À propos" in recover_list and admin_url(Page, "recover", deleted.pk) in recover_list

    response = publisher_client.post(admin_url(Page, "recover", deleted.pk), page_form())
    assert response.status_code == 302
    page = Page.objects.get(pk=pk)
    assert (page.title_fr, page.title_en) == ("À propos", "About")


def test_compare_shows_field_by_field_differences_in_both_languages(publisher_client):
    page = add_page(publisher_client)
    publisher_client.post(admin_url(page, "change"), page_form(title_en="About us", body_fr="<p>Texte revu</p>"))
    older, newer = Version.objects.get_for_object(page).order_by("pk")
    response = publisher_client.get(admin_url(page, "history_compare"), {"a": newer.pk, "b": older.pk})
    rows = {row["name"]: row for row in response.context["rows"]}
    assert set(rows) == {"title_en", "body_fr"}  # unchanged fields and timestamps are not listed
    assert (rows["title_en"]["old"], rows["title_en"]["new"]) == ("About", "About us")
    content = response.content.decode()
    assert "<del>français</del><ins>revu</ins>" in content.replace("\n", "")
    assert "Titre (anglais)" in content


def test_compare_refuses_versions_of_another_object(publisher_client):
    page = add_page(publisher_client)
    other = add_page(publisher_client, title_fr="Autre", slug_fr="autre", slug_en="other")
    mine = Version.objects.get_for_object(page).get()
    theirs = Version.objects.get_for_object(other).get()
    response = publisher_client.get(admin_url(page, "history_compare"), {"a": mine.pk, "b": theirs.pk})
    assert response.status_code == 404


def test_publish_and_unpublish_actions_are_revisions_with_who_and_what(publisher_client, publisher):
    page = factories.PageFactory(status=Status.DRAFT)
    changelist = admin_url(Page, "changelist")
    publisher_client.post(changelist, {"action": "publish", "_selected_action": [page.pk]})
    publisher_client.post(changelist, {"action": "unpublish", "_selected_action": [page.pk]})
    versions = Version.objects.get_for_object(page).order_by("pk")
    assert [(v.revision.get_comment(), v.revision.user) for v in versions] == [
        ("Publié", publisher), ("Dépublié", publisher)]
    assert [v.field_dict["status"] for v in versions] == ["published", "draft"]


def test_editor_restoring_a_published_version_does_not_publish(editor_client):
    from reversion import revisions

    with revisions.create_revision():
        page = factories.PageFactory(title_fr="À propos", title_en="About", slug_fr="a-propos", slug_en="about")
    Page.objects.filter(pk=page.pk).update(status=Status.DRAFT)
    version = Version.objects.get_for_object(page).get()
    response = editor_client.post(admin_url(page, "revision", page.pk, version.pk), page_form(status="published"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.status == Status.DRAFT


def test_release_history_includes_inline_links(publisher_client):
    release = factories.NewsReleaseFactory(status=Status.DRAFT)
    data = {
        "title_fr": release.title_fr, "title_en": release.title_en, "slug_fr": release.slug_fr,
        "slug_en": release.slug_en, "status": "draft", "publication_date_0": "2024-03-01",
        "publication_date_1": "10:00:00", **management("links", 1),
        "links-0-label_fr": "Site de l’OIM", "links-0-label_en": "IOM website",
        "links-0-url": "https://www.iom.int/", "links-0-order": "1",
    }
    assert publisher_client.post(admin_url(release, "change"), data).status_code == 302
    version = Version.objects.get_for_object(release).get()
    labels = [v.field_dict.get("label_en") for v in version.revision.version_set.all() if v.object_repr != str(release)]
    assert labels == ["IOM website"]
    assert NewsRelease.objects.get(pk=release.pk).links.count() == 1


def test_restoring_an_older_draft_version_keeps_the_item_published(publisher_client):
    page = add_page(publisher_client)  # saved as a draft
    first = Version.objects.get_for_object(page).get()
    publisher_client.post(admin_url(Page, "changelist"), {"action": "publish", "_selected_action": [page.pk]})
    publisher_client.post(admin_url(page, "change"), page_form(title_fr="Nouveau titre", status="published"))
    response = publisher_client.post(admin_url(page, "revision", page.pk, first.pk), page_form(status="draft"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.title_fr, page.status) == ("À propos", Status.PUBLISHED)


def test_editor_recovering_a_deleted_item_gets_a_draft(publisher_client, editor, client):
    page = add_page(publisher_client, status="published")
    publisher_client.post(admin_url(page, "delete"), {"post": "yes"})
    deleted = Version.objects.get_deleted(Page).get()
    client.force_login(editor)
    response = client.post(admin_url(Page, "recover", deleted.pk), page_form(status="published"))
    assert response.status_code == 302
    assert Page.objects.get(title_fr="À propos").status == Status.DRAFT


def test_compare_shows_changes_to_related_links(publisher_client):
    from reversion import revisions

    with revisions.create_revision():
        link = factories.RelatedLinkFactory(label_fr="Rapport annuel", label_en="Annual report")
    release = link.release
    with revisions.create_revision():
        link.label_en = "Yearly report"
        link.save()
        factories.RelatedLinkFactory(release=release, label_fr="Nouveau lien")
        release.save()
    older, newer = Version.objects.get_for_object(release).order_by("pk")
    response = publisher_client.get(admin_url(release, "history_compare"), {"a": older.pk, "b": newer.pk})
    rows = [(row["label"], row["old"], row["new"]) for row in response.context["rows"]]
    assert ("Lien associé « Rapport annuel » : libellé (anglais)", "Annual report", "Yearly report") in rows
    assert any(label.startswith("Lien associé « Nouveau lien »") and new == "ajouté" for label, _old, new in rows)
