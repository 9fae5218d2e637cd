"""The identity costs a page one query after it changed, none otherwise, none on a page-cache hit."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.registry import registry
from identity.models import SiteIdentity
from tests import factories

pytestmark = pytest.mark.django_db

PAGES = ["/en/", "/fr/actualites/", "/en/partners/"]


def identity_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries if "identity_siteidentity" in query["sql"]]


@pytest.mark.usefixtures("public_site", "site_identity")
@pytest.mark.parametrize("url", PAGES)
def test_a_page_reads_the_identity_once_then_never_until_it_changes(client, url):
    factories.NewsReleaseFactory()
    factories.PartnerFactory()
    assert len(identity_queries(client, url)) == 1  # the row and both images, joined
    assert identity_queries(client, url) == []
    assert identity_queries(Client(), url) == []  # another reader, same cached identity
    site = SiteIdentity.objects.get()
    site.name_en = "IOM France (Paris)"
    site.save()
    assert len(identity_queries(client, url)) == 1
    assert identity_queries(client, url) == []


@pytest.mark.usefixtures("public_site", "site_identity")
def test_other_content_changes_do_not_read_the_identity_again(client):
    identity_queries(client, "/en/")
    factories.NewsReleaseFactory()
    factories.PageFactory(show_in_menu=True)
    assert identity_queries(client, "/en/") == []


@pytest.mark.usefixtures("public_site")
def test_a_new_focal_point_on_the_share_image_gives_a_new_crop(client, site_identity, png_upload):
    from tests.public_html import html, meta

    site_identity.share_image = factories.LibraryImageFactory(file=png_upload("partage.png", size=(1600, 1600)))
    site_identity.save()
    before = meta(html(client.get("/en/")), "og:image")
    image = site_identity.share_image
    image.focal_x, image.focal_y = 0.5, 0.1
    image.save()
    assert meta(html(client.get("/en/")), "og:image") != before


@pytest.mark.usefixtures("public_site")
def test_without_an_identity_the_site_names_itself_from_the_settings_at_no_cost(client):
    assert len(identity_queries(client, "/en/")) == 1
    assert identity_queries(client, "/en/") == []
    identity = registry.identity()
    assert identity.names == {"fr": "OIM France", "en": "IOM France"}
    assert identity.share_image.url == "/static/img/share-default.png"
    assert identity.emblem_url == "/static/img/logo-oim.png"


@pytest.mark.usefixtures("site_identity")
def test_the_page_cache_answers_without_reading_the_identity(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/")
    assert response["X-Cache"] == "HIT"
    assert len(queries) == 0


@pytest.mark.usefixtures("site_identity")
def test_one_identity_serves_a_request_in_every_language():
    """The object is read once per request and answers in the language active where it is printed."""
    from django.test import RequestFactory
    from django.utils.translation import override

    request = RequestFactory().get("/en/")
    first = registry.identity(request)
    assert registry.identity(request) is first
    with override("en"):
        assert (first.name, first.parent_name) == ("IOM France", "International Organization for Migration")
    with override("fr"):
        assert (first.name, first.tagline) == (
            "OIM France", "Organisation internationale pour les migrations — bureau pour la France")


@pytest.mark.usefixtures("site_identity")
def test_an_english_name_left_empty_falls_back_to_french():
    from django.utils.translation import override

    SiteIdentity.objects.update(name_en="", tagline_en="")
    with override("en"):
        identity = registry.identity()
        assert (identity.name, identity.tagline) == ("OIM France", identity.taglines["fr"])
