"""The sitemap as a crawler reads it: valid against the sitemaps.org schema, with its hreflang alternates.

The schemas are in schemas/ (README.md there says where they come from).
"""

from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmlschema

from tests import factories
from tests.public_html import hreflangs, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

SCHEMAS = Path(__file__).parent / "schemas"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def schema():
    # No fallback: xmlschema's bundled XHTML schema would accept any <link>.
    return xmlschema.XMLSchema([str(SCHEMAS / "sitemap.xsd"), str(SCHEMAS / "xhtml-link.xsd")], use_fallback=False)


@pytest.fixture
def content(db):
    area = factories.ProgrammeAreaFactory()
    return {
        "translated": factories.NewsReleaseFactory(programme_areas=[area]),
        "french_only": factories.NewsReleaseFactory(title_en="", lead_en="", body_en=""),
        "partner": factories.PartnerFactory(),
        "office": factories.OfficeFactory(),
        "area": area,
        "page": factories.PageFactory(),
    }


def entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_is_valid_against_the_sitemaps_org_schema(client, schema, content):
    response = client.get("/sitemap.xml")
    schema.validate(response.content.decode())


def test_the_schema_rejects_what_a_crawler_would_not_read(schema):
    """The test above could not fail if the schema accepted any foreign element."""
    valid = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
             '<url><loc>http://testserver/fr/</loc>'
             '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/fr/"/></url></urlset>')
    assert schema.is_valid(valid)
    assert not schema.is_valid(valid.replace('hreflang="x-default"', 'hreflang="par défaut"'))
    assert not schema.is_valid(valid.replace("xhtml:link", "xhtml:meta"))
    assert not schema.is_valid(valid.replace("<loc>http://testserver/fr/</loc>", ""))


def test_every_entry_names_its_french_page_as_x_default(client, content):
    found = entries(client)
    assert len(found) > 10
    for location, alternates in found.items():
        assert alternates["x-default"] == alternates["fr"], location
        assert alternates["x-default"].startswith("http://testserver/fr/"), location
        assert location in alternates.values(), location


def test_x_default_agrees_with_the_pages_hreflang(client, content):
    found = entries(client)
    for obj in content.values():
        for language in ("fr", "en"):
            location = f"http://testserver{obj.get_absolute_url_in(language)}"
            if location in found:
                page = html(client.get(obj.get_absolute_url_in(language)))
                assert hreflangs(page)["x-default"] == found[location]["x-default"], location


def test_french_only_release_is_listed_once_with_its_french_x_default(client, content):
    release = content["french_only"]
    french = f"http://testserver{release.get_absolute_url_in('fr')}"
    found = entries(client)
    assert f"http://testserver{release.get_absolute_url_in('en')}" not in found
    assert found[french] == {"fr": french, "x-default": french}
