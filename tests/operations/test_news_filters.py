"""The news list never passes the unfiltered list off as a filter's page; each page names itself (issue 14)."""

import re
from datetime import datetime
from html import unescape

import pytest
from django.utils import timezone

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


def on(year, month=6):
    return timezone.make_aware(datetime(year, month, 1))


@pytest.fixture
def releases():
    area = factories.ProgrammeAreaFactory(title_fr="Intégration", title_en="Integration")
    other = factories.ProgrammeAreaFactory(title_fr="Traite")
    factories.NewsReleaseFactory.create_batch(12, programme_areas=[area], publication_date=on(2015))
    factories.NewsReleaseFactory(title_fr="Sur la traite", programme_areas=[other], publication_date=on(2016))
    return area, other


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def canonical(response):
    return unescape(re.search(r'<link rel="canonical" href="([^"]+)"', response.content.decode()).group(1))


@pytest.mark.parametrize("query", [
    "year=2012",          # a year with no release
    "area=999999",        # no such area
    "year=abc", "area=abc", "area=1;DROP", "year=1800", "year=20150",
])
def test_unknown_or_malformed_filters_are_a_404_never_the_unfiltered_list(client, releases, query):
    response = client.get(f"/fr/actualites/?{query}")
    assert response.status_code == 404
    assert "Sur la traite" not in response.content.decode()


def test_an_unpublished_area_is_not_a_filter(client, releases):
    hidden = factories.ProgrammeAreaFactory(status="draft")
    assert client.get(f"/fr/actualites/?area={hidden.pk}").status_code == 404


def test_empty_values_are_the_forms_all_choice(client, releases):
    response = client.get("/fr/actualites/?area=&year=")
    assert response.status_code == 200
    assert "Sur la traite" in response.content.decode()


def test_valid_filters_with_nothing_in_common_say_so(client, releases):
    area, _other = releases
    response = client.get(f"/fr/actualites/?area={area.pk}&year=2016")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Aucun communiqué ne correspond à ces critères." in page
    assert "Sur la traite" not in page


def test_the_title_follows_the_filter_and_the_page(client, releases):
    area, _other = releases
    assert title(client.get("/fr/actualites/")) == "Actualités – OIM France"
    assert title(client.get("/fr/actualites/?page=2")) == "Actualités – page 2 – OIM France"
    assert title(client.get("/fr/actualites/?year=2015")) == "Actualités 2015 – OIM France"
    assert title(client.get("/fr/actualites/?year=2015&page=2")) == "Actualités 2015 – page 2 – OIM France"
    assert title(client.get(f"/fr/actualites/?area={area.pk}")) == "Actualités – Intégration – OIM France"
    assert title(client.get(f"/en/news/?area={area.pk}&page=2")) == "News – Integration – page 2 – IOM France"


def test_the_view_gives_each_list_page_its_own_canonical_path(client, releases):
    area, _other = releases
    expected = {
        "/fr/actualites/": "/fr/actualites/",
        "/fr/actualites/?page=1": "/fr/actualites/",
        "/fr/actualites/?page=2": "/fr/actualites/?page=2",
        f"/fr/actualites/?page=2&area={area.pk}&utm_source=x": f"/fr/actualites/?area={area.pk}&page=2",
        f"/fr/actualites/?year=2015&area={area.pk}": f"/fr/actualites/?area={area.pk}&year=2015",
        "/fr/actualites/?area=&year=": "/fr/actualites/",
    }
    for url, path in expected.items():
        assert client.get(url).context["canonical_path"] == path, url


def test_the_canonical_link_of_a_filtered_page_is_that_page(client, releases):
    area, _other = releases
    response = client.get(f"/fr/actualites/?area={area.pk}&page=2")
    assert canonical(response) == f"http://testserver/fr/actualites/?area={area.pk}&page=2"
