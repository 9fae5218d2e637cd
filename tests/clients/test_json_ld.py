"""Structured data as a search engine's extractor reads it: extruct, beside the page's canonical link.

A block must name absolute addresses, and the page it describes must be the
one the canonical link names, in the language that address is in: an
English page that only repeats a French release is the French release.
"""

from urllib.parse import urlsplit

import extruct
import pytest

from tests import factories
from tests.public_html import canonical, html, meta

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

URL_KEYS = {"url", "@id", "logo", "image", "mainEntityOfPage"}


def read_page(client, url):
    page = html(client.get(url))
    blocks = extruct.extract(page, base_url=f"http://testserver{url}", syntaxes=["json-ld"], uniform=True)["json-ld"]
    assert blocks, url
    return page, {block["@type"]: block for block in blocks}


def addresses(data):
    """Every URL-valued property in a block, nested ones included."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in URL_KEYS and isinstance(value, str):
                yield value
            else:
                yield from addresses(value)
    elif isinstance(data, list):
        for value in data:
            if isinstance(value, str) and value.startswith(("/", "http")):
                yield value
            else:
                yield from addresses(value)


def language_of(url):
    return urlsplit(url).path.split("/")[1]


def assert_absolute(blocks):
    for block in blocks.values():
        found = list(addresses(block))
        assert found or block["@type"] == "Person", block  # a contact has no page of their own
        for url in found:
            assert url.startswith(("http://testserver/", "https://")), (block["@type"], url)


def assert_describes_canonical_page(page, entity):
    """The block's page is the canonical one, in the canonical address's language."""
    address = canonical(page)
    main = entity["mainEntityOfPage"]
    assert main["@type"] == "WebPage"
    assert main["@id"] == main["url"] == address
    assert main["inLanguage"] == language_of(address)


@pytest.mark.parametrize(("language", "name", "parent", "parent_alternate"), [
    ("fr", "OIM France", "Organisation internationale pour les migrations", "International Organization for Migration"),
    ("en", "IOM France", "International Organization for Migration", "Organisation internationale pour les migrations"),
])
def test_home_names_the_organisation_in_its_language(client, language, name, parent, parent_alternate):
    page, blocks = read_page(client, f"/{language}/")
    assert set(blocks) == {"GovernmentOrganization", "WebSite"}
    assert_absolute(blocks)
    organisation = blocks["GovernmentOrganization"]
    assert organisation["name"] == name
    assert organisation["url"] == canonical(page) == f"http://testserver/{language}/"
    assert organisation["parentOrganization"]["name"] == parent
    assert parent_alternate in organisation["parentOrganization"]["alternateName"]
    site = blocks["WebSite"]
    assert site["url"] == canonical(page) and site["inLanguage"] == language == language_of(canonical(page))
    assert site["name"] == site["publisher"]["name"] == name


@pytest.mark.parametrize("language", ["fr", "en"])
def test_translated_release_is_an_article_at_its_own_address(client, png_upload, language):
    release = factories.NewsReleaseFactory(title_fr="Titre français", title_en="English title",
                                           image=png_upload(size=(1600, 800)))
    page, blocks = read_page(client, release.get_absolute_url_in(language))
    assert_absolute(blocks)
    article = blocks["NewsArticle"]
    assert canonical(page) == f"http://testserver{release.get_absolute_url_in(language)}"
    assert article["url"] == canonical(page) == meta(page, "og:url")
    assert article["inLanguage"] == language
    assert_describes_canonical_page(page, article)
    assert article["headline"] == {"fr": "Titre français", "en": "English title"}[language]
    assert article["image"] == [meta(page, "og:image")]
    assert article["publisher"]["name"] == article["author"]["name"] == {"fr": "OIM France", "en": "IOM France"}[
        language]


def test_english_page_of_a_french_only_release_describes_the_french_article(client):
    release = factories.NewsReleaseFactory(title_fr="Seulement en français", title_en="", lead_en="", body_en="")
    page, blocks = read_page(client, release.get_absolute_url_in("en"))
    assert_absolute(blocks)
    article = blocks["NewsArticle"]
    french = f"http://testserver{release.get_absolute_url_in('fr')}"
    assert canonical(page) == meta(page, "og:url") == french
    assert article["url"] == french and article["inLanguage"] == "fr"
    assert_describes_canonical_page(page, article)
    assert article["headline"] == "Seulement en français"
    assert "image" not in article


def test_half_translated_release_is_described_in_french_throughout(client):
    release = factories.NewsReleaseFactory(title_fr="Titre", title_en="Title", lead_fr="Chapeau.", lead_en="")
    page, blocks = read_page(client, release.get_absolute_url_in("en"))
    article = blocks["NewsArticle"]
    assert article["inLanguage"] == "fr" == language_of(canonical(page))
    assert (article["headline"], article["description"]) == ("Titre", "Chapeau.")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_partner_is_an_organisation_whose_page_is_the_canonical_one(client, png_upload, language):
    partner = factories.PartnerFactory(logo=png_upload(size=(800, 400)))
    page, blocks = read_page(client, partner.get_absolute_url_in(language))
    assert_absolute(blocks)
    organisation = blocks["Organization"]
    assert organisation["url"] == "https://example.org/"
    assert organisation["name"] == (partner.name_fr if language == "fr" else partner.name_en)
    assert_describes_canonical_page(page, organisation)


def test_untranslated_partner_points_to_its_french_page(client):
    partner = factories.PartnerFactory(name_en="", summary_en="")
    page, blocks = read_page(client, partner.get_absolute_url_in("en"))
    assert language_of(canonical(page)) == "fr"
    assert_describes_canonical_page(page, blocks["Organization"])


@pytest.mark.parametrize("language", ["fr", "en"])
def test_office_is_a_place_at_its_canonical_address(client, language):
    office = factories.OfficeFactory()
    factories.PersonFactory(office=office, given_names="Jeanne", family_name="Martin", name="Jeanne Martin")
    page, blocks = read_page(client, office.get_absolute_url_in(language))
    assert_absolute(blocks)
    place = blocks["Place"]
    assert place["url"] == canonical(page)
    assert_describes_canonical_page(page, place)
    assert place["address"]["addressCountry"] == "FR"
    person = blocks["Person"]
    assert (person["givenName"], person["familyName"]) == ("Jeanne", "Martin")
    assert person["worksFor"]["name"] == {"fr": "OIM France", "en": "IOM France"}[language]
