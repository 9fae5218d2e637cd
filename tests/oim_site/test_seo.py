import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from core.models import Status
from core.templatetags.site_tags import jsonld
from tests import factories
from tests.public_html import (
    canonical,
    count_queries,
    hreflangs,
    html,
    json_ld,
    meta,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", SITEMAP):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)}
        entries[url.findtext("s:loc", namespaces=SITEMAP)] = (url.findtext("s:lastmod", namespaces=SITEMAP), alternates)
    return entries


def test_sitemap_lists_public_pages_in_both_languages_with_alternates_and_lastmod(client):
    release = factories.NewsReleaseFactory(title_fr="Communiqué traduit", title_en="Translated release")
    partner = factories.PartnerFactory()
    office = factories.OfficeFactory()
    area = factories.ProgrammeAreaFactory()
    page = factories.PageFactory()
    factories.PersonFactory(office=None)  # the team page is in the sitemap when someone is on it
    entries = sitemap_entries(client)
    base = "http://testserver"
    for obj in (release, partner, office, area, page):
        french, english = base + obj.get_absolute_url_in("fr"), base + obj.get_absolute_url_in("en")
        assert french in entries and english in entries
        lastmod, alternates = entries[english]
        assert alternates == {"fr": french, "en": english, "x-default": french}
        assert lastmod == timezone.localdate(obj.updated_at).isoformat()  # Paris date (past midnight UTC+1 too)
    for listing in ("/fr/", "/en/", "/fr/actualites/", "/en/news/", "/en/offices/team/", "/fr/partenaires/"):
        assert base + listing in entries


def test_sitemap_leaves_out_drafts_scheduled_and_untranslated_english(client):
    draft = factories.NewsReleaseFactory(status=Status.DRAFT)
    scheduled = factories.NewsReleaseFactory(publication_date=timezone.now() + timedelta(days=1))
    french_only = factories.NewsReleaseFactory(title_fr="Seulement en français", title_en="", lead_en="", body_en="")
    section_page = factories.PageFactory(section="news:list", slug_fr="rubrique-actualites")
    entries = sitemap_entries(client)
    locations = "\n".join(entries)
    assert draft.slug_fr not in locations and scheduled.slug_fr not in locations
    french = "http://testserver" + french_only.get_absolute_url_in("fr")
    assert french in entries
    assert "http://testserver" + french_only.get_absolute_url_in("en") not in entries
    assert entries[french][1] == {"fr": french, "x-default": french}
    assert section_page.slug_fr not in locations


def test_sitemap_query_count_does_not_grow(client):
    factories.NewsReleaseFactory.create_batch(5)
    first = count_queries(client, "/sitemap.xml")
    factories.NewsReleaseFactory.create_batch(20)
    factories.PartnerFactory.create_batch(10)
    assert count_queries(client, "/sitemap.xml") == first


@pytest.fixture
def every_page(db):
    area = factories.ProgrammeAreaFactory()
    partner = factories.PartnerFactory()
    office = factories.OfficeFactory()
    release = factories.NewsReleaseFactory(programme_areas=[area], partners=[partner])
    page = factories.PageFactory()
    urls = ["/", "/actualites/", "/programmes/", "/partenaires/", "/bureaux/", "/bureaux/equipe/"]
    french = [f"/fr{url}" if url != "/" else "/fr/" for url in urls]
    objects = [area, partner, office, release, page]
    french += [obj.get_absolute_url_in("fr") for obj in objects]
    english = [obj.get_absolute_url_in("en") for obj in objects] + [
        "/en/", "/en/news/", "/en/programmes/", "/en/partners/", "/en/offices/", "/en/offices/team/"]
    return french + english


def test_every_page_has_title_description_canonical_hreflang_and_social_tags(client, every_page):
    for url in every_page:
        page = html(client.get(url))
        title = re.search(r"<title>(.+?)</title>", page).group(1)
        assert title.endswith({"fr": "OIM France", "en": "IOM France"}[url[1:3]]), url
        assert meta(page, "description"), url
        assert canonical(page).startswith("http://testserver/"), url
        assert set(hreflangs(page)) == {"fr", "en", "x-default"}, url
        assert hreflangs(page)[url[1:3]] == canonical(page), url
        for name in ("og:title", "og:description", "og:url", "og:type", "og:locale", "twitter:card", "twitter:title"):
            assert meta(page, name), (url, name)
        for block in json_ld(page):
            assert block["@context"] == "https://schema.org"


def test_release_shares_its_image_and_lead(client, png_upload):
    release = factories.NewsReleaseFactory(lead_fr="Un chapeau à partager.", image=png_upload(size=(1600, 800)))
    page = html(client.get(release.get_absolute_url_in("fr")))
    assert meta(page, "description") == "Un chapeau à partager."
    assert meta(page, "og:type") == "article"
    assert meta(page, "twitter:card") == "summary_large_image"
    assert re.match(r"http://testserver/media/renditions/.+\.webp$", meta(page, "og:image"))
    assert meta(page, "og:image:width") == "1200"


def test_json_ld_escapes_what_could_close_the_script_element():
    rendered = str(jsonld({"name": "</script><script>alert('x')</script> & <!--"}))
    assert rendered.startswith('<script type="application/ld+json">') and rendered.count("</script>") == 1
    assert "\\u003C/script\\u003E" in rendered and "\\u0026" in rendered


def test_every_json_ld_block_parses(client, every_page):
    factories.PersonFactory()
    types = set()
    for url in every_page:
        for block in json_ld(html(client.get(url))):
            types.add(block["@type"])
    assert {"GovernmentOrganization", "NewsArticle", "Organization", "Place"} <= types


def test_filtered_and_paginated_lists_name_the_same_address_in_canonical_and_hreflang(client):
    area = factories.ProgrammeAreaFactory()
    factories.NewsReleaseFactory.create_batch(11, programme_areas=[area])
    page = html(client.get(f"/fr/actualites/?area={area.pk}&page=2&utm_source=x"))
    # The filtered list is its own page (not the unfiltered ?page=2); tracking parameters are dropped.
    assert canonical(page) == f"http://testserver/fr/actualites/?area={area.pk}&page=2"
    assert hreflangs(page) == {"fr": f"http://testserver/fr/actualites/?area={area.pk}&page=2",
                               "x-default": f"http://testserver/fr/actualites/?area={area.pk}&page=2",
                               "en": f"http://testserver/en/news/?area={area.pk}&page=2"}


def test_pages_without_an_image_of_their_own_share_the_sites_default_image(client, every_page):
    from django.conf import settings
    from django.contrib.staticfiles import finders
    from PIL import Image

    configured = settings.SITE_SHARE_IMAGE
    with Image.open(finders.find(configured["path"])) as image:
        assert image.size == (configured["width"], configured["height"])  # the tags tell the truth
    for url in every_page:
        page = html(client.get(url))
        assert meta(page, "og:image") == f"http://testserver/static/{configured['path']}", url
        assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "630"), url
        assert meta(page, "twitter:card") == "summary_large_image", url
