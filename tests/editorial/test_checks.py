"""Accessibility and quality checks: they block publishing, never saving a draft."""

import pytest
from django.utils import translation

from core.models import Status
from editorial.checks import check_object, check_rich_text
from news.models import NewsRelease
from pages.models import Page
from tests import factories

from .conftest import admin_url, page_form

pytestmark = pytest.mark.django_db


def messages_of(problems):
    return [str(p) for p in problems]


@pytest.mark.parametrize("html", [
    "<h2>Contexte</h2><p>Texte</p><h3>Détail</h3><h2>Suite</h2><h3>Fin</h3><h4>Note</h4>",
    '<p>Voir <a href="/fr/bureaux/paris/">le bureau de Paris</a>.</p>',
    '<p><img src="/media/editor/carte.png" alt="Carte des bureaux"></p>',
    "<p>Ici commence le texte ; cliquez ici n’est pas un lien.</p>",
])
def test_good_rich_text_passes(html):
    assert check_rich_text(html, "body_fr") == []


@pytest.mark.parametrize(("html", "expected"), [
    ("<h1>Titre</h1>", "titre de niveau 1 (h1)"),
    ("<h2>A</h2><h4>B</h4>", "un titre h4 suit un titre h2"),
    ("<h3>Premier intertitre</h3>", "un titre h3 suit un titre h1"),
    ('<img src="/media/editor/photo.png">', "n’a pas de texte alternatif (photo.png)"),
    ('<img src="/media/editor/photo.png" alt="  ">', "n’a pas de texte alternatif"),
    ('<a href="/x">Cliquez ICI</a>', "« Cliquez ICI »"),
    ('<a href="/x"> ici </a>', "« ici »"),
    ('<a href="/x">lien</a>', "« lien »"),
    ('<a href="/x">click   here</a>', "« click   here »"),
    ('<a href="/x">Here.</a>', "« Here. »"),
    ('<a href="/x">Read more</a>', "« Read more »"),
])
def test_each_bad_pattern_is_explained(html, expected):
    problems = check_rich_text(html, "body_en")
    assert len(problems) == 1 and problems[0].field == "body_en"
    assert expected in str(problems[0])


def test_release_image_needs_alt_unless_decorative(png_upload):
    release = factories.NewsReleaseFactory(image=png_upload(), image_alt_fr="")
    problems = check_object(release)
    assert [p.field for p in problems] == ["image_alt_fr"]
    assert "médiathèque" in str(problems[0]) and "décorative" in str(problems[0])
    # The use's own text, the library's text, or the library's "decorative" flag: each is enough.
    release.image_alt_fr = "Des personnes devant le bureau de Paris"
    assert check_object(release) == []
    release.image_alt_fr = ""
    release.image.alt_text_fr = "Des personnes devant le bureau de Paris"
    assert check_object(release) == []
    release.image.alt_text_fr = ""
    release.image.decorative = True
    assert check_object(release) == []


def test_a_library_image_in_the_body_takes_the_library_alt(png_upload):
    image = factories.LibraryImageFactory(file=png_upload(size=(900, 600)))
    release = factories.NewsReleaseFactory(body_fr=f'<p>Texte</p><p><img src="{image.file.url}"></p>')
    assert [p.field for p in check_object(release)] == ["body_fr"]
    image.alt_text_fr = "Une permanence du CIFORM à Marseille"
    image.save()
    assert check_object(release) == []
    image.alt_text_fr, image.decorative = "", True
    image.save()
    assert check_object(release) == []


def test_partner_logo_needs_alt(png_upload):
    partner = factories.PartnerFactory(logo=png_upload(), logo_alt_fr="")
    assert [p.field for p in check_object(partner)] == ["logo_alt_fr"]


def test_both_languages_are_checked():
    page = factories.PageFactory.build(body_fr="<p>ok</p>", body_en='<h4>Notes</h4><a href="/en/">here</a>')
    assert [p.field for p in check_object(page)] == ["body_en", "body_en"]


def test_english_messages():
    with translation.override("en"):
        messages = messages_of(check_rich_text('<h1>T</h1><a href="/x">ici</a>'))
    assert messages == [
        "The text contains a level 1 heading (h1): this level is reserved for the page title. "
        "Use “Heading 2” for subheadings.",
        "The link text “ici” does not say where the link leads: write the title of the page or document "
        "it points to instead.",
    ]


def test_draft_failing_the_checks_can_still_be_saved(publisher_client):
    data = page_form(body_fr='<h3>Saut</h3><p><a href="/fr/">cliquez ici</a></p>', status="draft")
    response = publisher_client.post(admin_url(Page, "add"), data)
    assert response.status_code == 302
    assert Page.objects.get(title_fr="À propos").status == Status.DRAFT


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "ne dit pas où mène le lien"),
    ("en", "does not say where the link leads"),
])
def test_admin_form_refuses_to_publish_with_a_clear_message(publisher_client, language, expected):
    data = page_form(body_en='<p><a href="/en/">click here</a></p>', status="published")
    response = publisher_client.post(admin_url(Page, "add"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert any(expected in error for error in form.errors["body_en"])
    assert expected in response.content.decode()
    assert not Page.objects.exists()


def test_a_failing_change_to_a_published_item_saves_as_a_draft_with_a_warning_and_cannot_be_published(
        editor_client, publisher):
    from editorial.drafts import draft_for
    from editorial.workflow import content_publish

    page = factories.PageFactory(title_fr="À propos", slug_fr="a-propos", slug_en="about")
    data = page_form(body_fr="<h4>Trop profond</h4>")
    response = editor_client.post(admin_url(page, "change"), data, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "à corriger avant publication" in html and "un titre h4 suit un titre h1" in html
    assert "Trop profond" in draft_for(page).data["object"]["fields"]["body_fr"]
    problems = content_publish(obj=page, user=publisher)
    assert any("h4" in str(problem) for problem in problems)
    page.refresh_from_db()
    assert "Trop profond" not in page.body_fr


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "n’est pas publié"),
    ("en", "was not published"),
])
def test_publish_action_skips_failing_items_and_says_why(publisher_client, png_upload, language, expected):
    bad = factories.NewsReleaseFactory(status=Status.DRAFT, image=png_upload(), image_alt_fr="")
    good = factories.NewsReleaseFactory(status=Status.DRAFT)
    NewsRelease.objects.filter(pk=good.pk).update(body_fr="<h2>Contexte</h2>")
    response = publisher_client.post(
        admin_url(NewsRelease, "changelist"),
        {"action": "publish", "_selected_action": [bad.pk, good.pk]},
        HTTP_ACCEPT_LANGUAGE=language, follow=True,
    )
    bad.refresh_from_db()
    good.refresh_from_db()
    assert (bad.status, good.status) == (Status.DRAFT, Status.PUBLISHED)
    messages = [str(m) for m in response.context["messages"]]
    title = bad.title_fr if language == "fr" else bad.title_en
    assert any(expected in m and title in m for m in messages), messages


def test_publish_action_refuses_h1_even_when_it_reached_the_database(publisher_client):
    from django.db import connection

    page = factories.PageFactory(status=Status.DRAFT)
    with connection.cursor() as cursor:  # bypasses the sanitiser, as a raw import might
        cursor.execute("UPDATE pages_page SET body_fr = %s WHERE id = %s", ["<h1>Titre</h1>", page.pk])
    publisher_client.post(admin_url(Page, "changelist"), {"action": "publish", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.status == Status.DRAFT


def release_form(release, status, label_en):
    from .conftest import management

    return {
        "title_fr": release.title_fr, "title_en": release.title_en, "slug_fr": release.slug_fr,
        "slug_en": release.slug_en, "status": status, "publication_date_0": "2024-03-01",
        "publication_date_1": "10:00:00", **management("links", 1),
        "links-0-label_fr": "Rapport annuel 2024", "links-0-label_en": label_en,
        "links-0-url": "https://www.iom.int/", "links-0-order": "1",
    }


def test_vague_related_link_label_blocks_publishing_in_the_form(publisher_client):
    release = factories.NewsReleaseFactory(status=Status.DRAFT)
    response = publisher_client.post(admin_url(release, "change"), release_form(release, "published", "Read more"))
    assert response.status_code == 200
    assert "« Read more »" in response.content.decode()
    release.refresh_from_db()
    assert release.status == Status.DRAFT and not release.links.exists()
    # The same links on a draft save fine.
    response = publisher_client.post(admin_url(release, "change"), release_form(release, "draft", "Read more"))
    assert response.status_code == 302 and release.links.count() == 1


def test_publish_action_checks_saved_related_links(publisher_client):
    link = factories.RelatedLinkFactory(release__status=Status.DRAFT, label_fr="ici")
    publisher_client.post(admin_url(NewsRelease, "changelist"),
                          {"action": "publish", "_selected_action": [link.release.pk]})
    link.release.refresh_from_db()
    assert link.release.status == Status.DRAFT
