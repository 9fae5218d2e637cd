"""The back-office, as communications staff use it: every model's changelist,
add and change pages, in both admin languages, and what each group may do."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from core.models import Status
from editorial.models import Draft
from news.models import NewsRelease
from offices.models import ActivityDomain, Office, Person
from pages.models import Page
from partners.models import Partner
from programmes.models import ProgrammeArea, Project, Publication
from tests import factories

pytestmark = pytest.mark.django_db


def management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def publishing(status="published"):
    return {"status": status, "publication_date_0": "2024-03-01", "publication_date_1": "10:00:00"}


def page_data(n):
    return {"title_fr": f"À propos {n}", "title_en": f"About {n}", "slug_fr": f"a-propos-{n}", "slug_en": f"about-{n}",
            "summary_fr": "Résumé", "summary_en": "Summary", "body_fr": "<p>Texte</p>", "body_en": "<p>Text</p>",
            "order": "1", "show_in_menu": "on", **publishing()}


def office_data(n):
    return {"name_fr": f"Bureau de Marseille {n}", "name_en": f"Marseille office {n}", "slug_fr": f"marseille-{n}",
            "slug_en": f"marseille-office-{n}", "role_fr": "CIFORM", "role_en": "CIFORM", "city_fr": "Marseille",
            "city_en": "Marseille", "address_fr": "1 rue X", "phone": "04 91 00 00 00", "email": "m@example.org",
            "opening_date": "2007-10-01", "order": "2", **publishing(),
            **management("domains", 1), "domains-0-title_fr": "Information", "domains-0-title_en": "Information",
            "domains-0-order": "1"}


def person_data(n):
    office = factories.OfficeFactory()
    return {"name": f"Jeanne Martin {n}", "job_title_fr": "Chargée de presse", "job_title_en": "Press officer",
            "office": str(office.pk), "email": "jm@example.org", "phone": "+33 1 40 44 06 40", "order": "1",
            "show_on_team_page": "on", **publishing()}


def domain_data(n):
    office = factories.OfficeFactory()
    return {"office": str(office.pk), "title_fr": f"Formation {n}", "title_en": f"Training {n}", "order": "1"}


def partner_data(n):
    return {"name_fr": f"Organisation {n}", "name_en": f"Organisation {n}", "acronym_fr": "OCDE", "acronym_en": "OECD",
            "slug_fr": f"ocde-{n}", "slug_en": f"oecd-{n}", "kind": "intergovernmental",
            "headquarters_city_fr": "Paris", "headquarters_city_en": "Paris", "website": "https://www.oecd.org/",
            "summary_fr": "Coopération", "summary_en": "Cooperation", "order": "1", **publishing()}


def area_data(n):
    return {"title_fr": f"Insertion professionnelle {n}", "title_en": f"Labour inclusion {n}",
            "slug_fr": f"insertion-{n}", "slug_en": f"labour-{n}", "summary_fr": "Résumé", "order": "1",
            **publishing(), **management("projects", 1), **management("publications", 1),
            "projects-0-name_fr": "Projet COMMIT", "projects-0-acronym": "COMMIT", "projects-0-order": "1",
            "publications-0-title_fr": "Rapport", "publications-0-year": "2021", "publications-0-language": "en",
            "publications-0-url": "https://publications.iom.int/", "publications-0-order": "1"}


def project_data(n):
    area = factories.ProgrammeAreaFactory()
    return {"area": str(area.pk), "name_fr": f"Safarni {n}", "name_en": f"Safarni {n}", "acronym": "SAF",
            "countries_fr": "Liban", "url": "https://www.iom.int/", "order": "1"}


def publication_data(n):
    area = factories.ProgrammeAreaFactory()
    return {"area": str(area.pk), "title_fr": f"Guide {n}", "title_en": f"Guide {n}", "year": "2019",
            "language": "en", "url": "https://publications.iom.int/", "order": "1"}


def release_data(n):
    person = factories.PersonFactory()
    area = factories.ProgrammeAreaFactory()
    return {"title_fr": f"Communiqué {n}", "title_en": f"Release {n}", "slug_fr": f"communique-{n}",
            "slug_en": f"release-{n}", "dateline_fr": "Genève", "dateline_en": "Geneva", "lead_fr": "Chapeau",
            "lead_en": "Lead", "body_fr": "<p>Corps</p>", "body_en": "<p>Body</p>",
            "media_contacts": [str(person.pk)], "programme_areas": [str(area.pk)], **publishing(),
            **management("links", 1), "links-0-label_fr": "Site de l’OIM", "links-0-label_en": "IOM website",
            "links-0-url": "https://www.iom.int/", "links-0-order": "1"}


CASES = [
    (Page, factories.PageFactory, page_data, "title_fr"),
    (Office, factories.OfficeFactory, office_data, "name_fr"),
    (Person, factories.PersonFactory, person_data, "name"),
    (ActivityDomain, factories.ActivityDomainFactory, domain_data, "title_fr"),
    (Partner, factories.PartnerFactory, partner_data, "name_fr"),
    (ProgrammeArea, factories.ProgrammeAreaFactory, area_data, "title_fr"),
    (Project, factories.ProjectFactory, project_data, "name_fr"),
    (Publication, factories.PublicationFactory, publication_data, "title_fr"),
    (NewsRelease, factories.NewsReleaseFactory, release_data, "title_fr"),
]
IDS = [case[0].__name__ for case in CASES]


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture(params=["fr", "en"])
def admin_language(request, admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = request.param
    return request.param


@pytest.mark.parametrize(("model", "factory", "data", "field"), CASES, ids=IDS)
def test_changelist_add_and_change_pages_answer(admin_client, admin_language, model, factory, data, field):
    obj = factory()
    changelist = admin_client.get(url(model, "changelist"))
    assert changelist.status_code == 200
    assert str(obj) in changelist.content.decode()
    assert admin_client.get(url(model, "changelist"), {"q": "x"}).status_code == 200
    add = admin_client.get(url(model, "add"))
    assert add.status_code == 200
    assert add.headers["Content-Language"] == admin_language
    assert admin_client.get(url(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize(("model", "factory", "data", "field"), CASES, ids=IDS)
def test_valid_post_creates_the_object_in_both_languages(admin_client, admin_language, model, factory, data, field):
    payload = data(1)
    response = admin_client.post(url(model, "add"), payload)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    # A new child of a published parent is in the parent's draft: public once the parent is published.
    assert publish_drafts() == (1 if model in (Project, Publication, ActivityDomain) else 0)
    obj = model.objects.get(**{field: payload[field]})
    for key, value in payload.items():
        if key.endswith("_en") and "-" not in key:
            assert getattr(obj, key) == value


def publish_drafts():
    """Publish every pending draft as a superuser would; returns how many there were."""
    from django.contrib.auth import get_user_model

    from editorial.workflow import content_publish

    boss = get_user_model().objects.filter(is_superuser=True).first() or factories.UserFactory(is_superuser=True)
    drafts = list(Draft.objects.all())
    for draft in drafts:
        assert content_publish(obj=draft.content_object, user=boss) == []
    return len(drafts)


@pytest.mark.parametrize(("model", "factory", "data", "field"), CASES, ids=IDS)
def test_a_save_of_a_published_item_is_a_draft_until_it_is_published(admin_client, model, factory, data, field):
    obj = factory()
    before = getattr(obj, field)
    payload = data(2)
    if "area" in payload:  # a child: edited under its own parent
        payload["area"] = str(obj.area_id)
    if "office" in payload and model is ActivityDomain:
        payload["office"] = str(obj.office_id)
    response = admin_client.post(url(model, "change", obj.pk), payload)
    assert response.status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, field) == before  # the live row is untouched
    assert Draft.objects.count() == 1
    # The change form shows the draft.
    assert payload[field] in admin_client.get(url(model, "change", obj.pk)).content.decode()

    assert publish_drafts() == 1
    obj.refresh_from_db()
    assert getattr(obj, field) == payload[field]


def test_inlines_are_saved_with_their_translations(admin_client):
    admin_client.post(url(NewsRelease, "add"), release_data(3))
    release = NewsRelease.objects.get(title_fr="Communiqué 3")
    link = release.links.get()
    assert (link.label_fr, link.label_en, link.url) == ("Site de l’OIM", "IOM website", "https://www.iom.int/")
    admin_client.post(url(ProgrammeArea, "add"), area_data(4))
    area = ProgrammeArea.objects.get(title_fr="Insertion professionnelle 4")
    assert area.projects.get().acronym == "COMMIT"
    assert area.publications.get().language == "en"


def test_phone_is_normalised_and_bad_input_gets_a_message_not_a_500(admin_client):
    payload = person_data(5)
    assert admin_client.post(url(Person, "add"), payload).status_code == 302
    assert Person.objects.get(name="Jeanne Martin 5").phone == "+33140440640"
    bad = {**person_data(6), "phone": "abc", "email": "nope"}
    response = admin_client.post(url(Person, "add"), bad)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "n’est pas un numéro de téléphone valide" in str(errors["phone"])
    assert "email" in errors
    assert not Person.objects.filter(name="Jeanne Martin 6").exists()


def test_missing_french_title_is_refused_in_the_editor_language(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    payload = {**release_data(7), "title_fr": ""}
    response = admin_client.post(url(NewsRelease, "add"), payload)
    assert response.status_code == 200
    assert "Ce champ est obligatoire" in response.content.decode()


def test_bad_image_upload_is_refused_with_a_message(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from library.models import Image

    payload = {"file": SimpleUploadedFile("photo.png", b"<script>alert(1)</script>"), "title": "Photo"}
    response = admin_client.post(url(Image, "add"), payload)
    assert response.status_code == 200
    assert "n’est pas une image valide" in " ".join(response.context["adminform"].form.errors["file"])
    assert not Image.objects.exists()


def test_rich_text_is_sanitised_through_the_admin(admin_client):
    # A draft: the hostile image has no alt text, which would block publishing.
    payload = {**release_data(9), "status": "draft", "body_fr": '<p onclick="x()">ok<script>alert(1)</script></p>',
               "body_en": '<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>'}
    assert admin_client.post(url(NewsRelease, "add"), payload).status_code == 302
    release = NewsRelease.objects.get(title_fr="Communiqué 9")
    assert release.body_fr == "<p>ok</p>"
    assert "javascript" not in release.body_en and "onerror" not in release.body_en


def test_changelists_show_thumbnails_and_english_column(admin_client, png_upload):
    factories.NewsReleaseFactory(image=png_upload(), image_alt_fr="Photo", title_en="")
    content = admin_client.get(url(NewsRelease, "changelist")).content.decode()
    assert '<img src="/media/renditions/' in content  # a small rendition, never the original
    assert "icon-no.svg" in content  # the release has no English title


# --- Groups and permissions ---------------------------------------------------------------------------------------


def test_setup_roles_is_idempotent():
    call_command("setup_roles", verbosity=0)
    call_command("setup_roles", verbosity=0)
    assert set(Group.objects.values_list("name", flat=True)) >= {"Rédaction", "Publication"}
    editors = Group.objects.get(name="Rédaction").permissions.values_list("codename", flat=True)
    assert "add_newsrelease" in editors and "change_newsrelease" in editors
    assert "delete_newsrelease" not in editors and "publish_newsrelease" not in editors


def test_editor_can_write_a_draft_but_not_publish(client, editor):
    client.force_login(editor)
    payload = release_data(10)  # asks for "published"
    response = client.post(url(NewsRelease, "add"), payload)
    assert response.status_code == 302
    release = NewsRelease.objects.get(title_fr="Communiqué 10")
    assert release.status == Status.DRAFT
    form_page = client.get(url(NewsRelease, "change", release.pk)).content.decode()
    assert 'name="status"' not in form_page


def test_editor_cannot_publish_through_the_action_nor_delete(client, editor):
    release = factories.NewsReleaseFactory(status=Status.DRAFT)
    client.force_login(editor)
    changelist = client.get(url(NewsRelease, "changelist")).content.decode()
    assert 'value="publish"' not in changelist
    client.post(url(NewsRelease, "changelist"), {"action": "publish", "_selected_action": [release.pk]})
    release.refresh_from_db()
    assert release.status == Status.DRAFT
    assert client.get(url(NewsRelease, "delete", release.pk)).status_code == 403
    assert client.post(url(NewsRelease, "delete", release.pk), {"post": "yes"}).status_code == 403
    assert NewsRelease.objects.filter(pk=release.pk).exists()


def test_editor_edits_a_published_item_without_changing_its_status(client, editor):
    release = factories.NewsReleaseFactory()
    client.force_login(editor)
    title = release.title_fr
    payload = {**release_data(11), "status": "draft", "publication_date_0": "01/01/2099"}
    assert client.post(url(NewsRelease, "change", release.pk), payload).status_code == 302
    release.refresh_from_db()
    assert (release.title_fr, release.status) == (title, Status.PUBLISHED)  # the live row is untouched
    draft = Draft.objects.for_object(release).get()
    assert draft.data["object"]["fields"]["title_fr"] == "Communiqué 11"
    # Neither the status nor the date comes from Rédaction's draft.
    assert draft.data["object"]["fields"]["status"] == Status.PUBLISHED
    assert draft.data["object"]["fields"]["publication_date"].startswith(str(release.publication_date.year))


@pytest.mark.parametrize("model_factory", [factories.NewsReleaseFactory, factories.PartnerFactory,
                                           factories.PageFactory, factories.OfficeFactory,
                                           factories.ProgrammeAreaFactory])
def test_publisher_publishes_unpublishes_and_deletes(client, publisher, model_factory):
    obj = model_factory(status=Status.DRAFT)
    model = type(obj)
    client.force_login(publisher)
    client.post(url(model, "changelist"), {"action": "publish", "_selected_action": [obj.pk]})
    obj.refresh_from_db()
    assert obj.status == Status.PUBLISHED
    client.post(url(model, "changelist"), {"action": "unpublish", "_selected_action": [obj.pk]})
    obj.refresh_from_db()
    assert obj.status == Status.DRAFT
    response = client.post(url(model, "delete", obj.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not model.objects.filter(pk=obj.pk).exists()


def test_editor_upload_is_for_staff_only_and_takes_real_images(client, editor, png_upload):
    upload = reverse("ckeditor_upload")
    response = client.post(upload, {"upload": png_upload()})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(editor)
    response = client.post(upload + "?responseType=json", {"upload": png_upload(name="x.gif")})
    assert response.status_code == 200
    assert response.json()["url"].endswith(".png")
    from django.core.files.uploadedfile import SimpleUploadedFile

    from library.models import Image

    image = Image.objects.get()  # the upload is a library image, with who sent it
    assert image.uploaded_by == editor and image.title == "x" and response.json()["url"] == image.file.url
    fake = SimpleUploadedFile("x.png", b"GIF89a<script>alert(1)</script>", content_type="image/png")
    response = client.post(upload + "?responseType=json", {"upload": fake})
    # CKEditor shows the message only from a 200 answer (otherwise a bare "HTTP error 400").
    assert response.status_code == 200 and response.json()["uploaded"] == 0
    assert "n’est pas une image valide" in response.json()["error"]["message"]
    assert Image.objects.count() == 1


@pytest.mark.parametrize(("model", "factory", "data", "field"), CASES, ids=IDS)
def test_changelists_have_no_n_plus_one(admin_client, model, factory, data, field):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert admin_client.get(url(model, "changelist")).status_code == 200
        return len(ctx)

    # The first request after a change also reads content types and renews the content state (scheduled
    # changes come due on admin pages too): once per change, not per row, so each count follows a warm-up.
    factory.create_batch(2)
    count()
    few = count()
    factory.create_batch(12)
    count()
    assert count() == few
