"""Every page, feed and card names the site in its own language, as the identity says.

English pages say "IOM France" and name the International Organization for
Migration; French pages say "OIM France" and "Organisation internationale
pour les migrations": in the <title>, og:site_name, the JSON-LD (read by
extruct), the feeds' titles (read by feedparser) and the vCard's ORG (read
by vobject).
"""

import extruct
import feedparser
import pytest
import vobject
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from tests import factories
from tests.public_html import html, meta

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site", "site_identity")]

NAMES = {"fr": "OIM France", "en": "IOM France"}
PARENTS = {"fr": "Organisation internationale pour les migrations", "en": "International Organization for Migration"}
LANGUAGES = ["fr", "en"]


@pytest.fixture
def pages(db):
    """One page of every type, at its address in each language."""
    area = factories.ProgrammeAreaFactory()
    partner = factories.PartnerFactory()
    office = factories.OfficeFactory()
    release = factories.NewsReleaseFactory(programme_areas=[area], partners=[partner])
    page = factories.PageFactory()
    factories.PersonFactory(office=office)
    objects = {"release": release, "partner": partner, "office": office, "area": area, "page": page}
    fixed = {"home": "home", "news": "news:list", "partners": "partners:list", "offices": "offices:list",
             "team": "offices:team", "programmes": "programmes:list", "search": "search"}

    def url(kind, language):
        if kind in objects:
            return objects[kind].get_absolute_url_in(language)
        with override(language):
            return reverse(fixed[kind])

    return url


PAGE_KINDS = ["home", "news", "release", "partners", "partner", "offices", "office", "team", "programmes", "area",
              "page", "search"]


def title(page):
    import re

    return re.search(r"<title>(.+?)</title>", page).group(1)


def blocks(page, url):
    found = extruct.extract(page, base_url=f"http://testserver{url}", syntaxes=["json-ld"], uniform=True)["json-ld"]
    return {block["@type"]: block for block in found}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_names_the_site_in_its_language(client, pages, kind, language):
    url = pages(kind, language)
    page = html(client.get(url))
    assert title(page).endswith(f"– {NAMES[language]}") or title(page) == NAMES[language], (url, title(page))
    assert meta(page, "og:site_name") == NAMES[language], url
    other = NAMES["en" if language == "fr" else "fr"]
    assert f"<title>{other}" not in page and f'content="{other}"' not in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_json_ld_names_the_office_and_its_parent_in_the_page_language(client, site_identity, language):
    url = f"/{language}/"
    organisation = blocks(html(client.get(url)), url)["GovernmentOrganization"]
    assert organisation["name"] == NAMES[language]
    assert organisation["parentOrganization"]["name"] == PARENTS[language]
    assert organisation["logo"] == f"http://testserver{site_identity.emblem.file.url}"
    assert NAMES["en" if language == "fr" else "fr"] in organisation["alternateName"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_release_is_published_by_the_site_under_its_emblem(client, pages, site_identity, language):
    url = pages("release", language)
    article = blocks(html(client.get(url)), url)["NewsArticle"]
    assert article["publisher"]["name"] == article["author"]["name"] == NAMES[language]
    assert article["publisher"]["logo"]["url"] == f"http://testserver{site_identity.emblem.file.url}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["news:feed_rss", "news:feed_atom", "news:area_feed_rss", "news:area_feed_atom"])
def test_feeds_name_the_site_in_their_language(client, name, language):
    area = factories.ProgrammeAreaFactory(title_fr="Intégration", title_en="Integration")
    factories.NewsReleaseFactory(programme_areas=[area])
    with override(language):
        url = reverse(name, kwargs={"area": area.slug} if "area" in name else {})
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title.startswith(f"{NAMES[language]} – "), feed.feed.title
    assert feed.feed.subtitle.startswith(NAMES[language]), feed.feed.subtitle
    assert "OIM" not in feed.feed.subtitle if language == "en" else "IOM" not in feed.feed.subtitle


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_advertises_its_feeds_under_the_sites_name(client, language):
    page = html(client.get(f"/{language}/"))
    assert f'title="{NAMES[language]} – ' in page and "(RSS)" in page and "(Atom)" in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_card_names_the_site_as_organisation(client, language):
    person = factories.PersonFactory(office=factories.OfficeFactory())
    with override(language):
        url = reverse("person_vcard", kwargs={"pk": person.pk})
    card = vobject.readOne(client.get(url).content.decode())
    assert card.org.value == [NAMES[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_error_page_names_the_site_in_its_language_without_a_database(language):
    with override(language):
        page = render_to_string("500.html")
    assert f"– {NAMES[language]}</title>" in page
    assert f">{NAMES[language]}</span>" in page  # the brand in the header


def test_pages_without_an_image_share_the_one_publication_chose(client, site_identity, png_upload):
    site_identity.share_image = factories.LibraryImageFactory(file=png_upload("partage.png", size=(1600, 1000)))
    site_identity.save()
    page = html(client.get("/en/"))
    assert meta(page, "og:image").startswith("http://testserver/media/renditions/")
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630")


def test_the_social_links_are_those_filled_in(site_identity):
    from core.registry import registry

    site_identity.linkedin_url = "https://www.linkedin.com/company/example"
    site_identity.save()
    assert [(link.name, link.url) for link in registry.identity().social_links] == [
        ("LinkedIn", "https://www.linkedin.com/company/example")]
