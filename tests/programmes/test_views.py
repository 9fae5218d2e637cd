from datetime import timedelta

import pytest
from django.utils import timezone

from core.models import Status
from tests import factories
from tests.public_html import (
    count_queries,
    html,
    html_lang,
    json_ld,
    switcher_links,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


def test_area_list_in_both_languages_hides_drafts_and_scheduled(client):
    factories.ProgrammeAreaFactory(title_fr="Intégration", title_en="Integration")
    factories.ProgrammeAreaFactory(title_fr="Domaine brouillon", status=Status.DRAFT)
    factories.ProgrammeAreaFactory(title_fr="Domaine futur", publication_date=timezone.now() + timedelta(days=2))
    french = html(client.get("/fr/programmes/"))
    assert "Intégration" in french and "Domaine brouillon" not in french and "Domaine futur" not in french
    assert french.count("<h1") == 1
    english = html(client.get("/en/programmes/"))
    assert html_lang(english) == "en" and "Integration" in english


def test_section_page_introduces_the_area_list_and_its_slug_redirects_there(client):
    page = factories.PageFactory(title_fr="Notre travail", title_en="Our work", summary_fr="Ce que fait l’OIM.",
                                 body_fr="<p>Introduction.</p>", section="programmes:list", slug_fr="notre-travail")
    listing = html(client.get("/fr/programmes/"))
    assert "<h1>Notre travail</h1>" in listing
    assert "Ce que fait l’OIM." in listing and "<p>Introduction.</p>" in listing
    response = client.get("/fr/pages/notre-travail/")
    assert response.status_code == 302 and response["Location"] == "/fr/programmes/"
    assert html(client.get("/en/programmes/")).count("<h1>Our work</h1>") == 1
    assert page.get_absolute_url_in("fr") == "/fr/programmes/"


def test_area_detail_shows_projects_publications_contacts_and_recent_news(client):
    area = factories.ProgrammeAreaFactory(title_fr="Réinstallation", title_en="Resettlement",
                                          body_fr="<p>Le programme.</p>")
    factories.ProjectFactory(area=area, name_fr="Programme HELIOS", acronym="HELIOS", countries_fr="France, Italie")
    factories.PublicationFactory(area=area, title_fr="Rapport annuel", year=2022, language="fr",
                                 url="https://example.org/rapport.pdf")
    contact = factories.PersonFactory(name="Alex Dupont", phone="+33491000000", email="alex@example.org")
    area.contacts.add(contact)
    factories.NewsReleaseFactory(title_fr="Communiqué du domaine", programme_areas=[area])
    factories.NewsReleaseFactory(title_fr="Communiqué d’ailleurs")
    factories.NewsReleaseFactory(title_fr="Brouillon du domaine", programme_areas=[area], status=Status.DRAFT)

    page = html(client.get(area.get_absolute_url()))
    assert "<h1>Réinstallation</h1>" in page and "<p>Le programme.</p>" in page
    assert "HELIOS – Programme HELIOS" in page and "France, Italie" in page
    assert 'href="https://example.org/rapport.pdf" hreflang="fr">Rapport annuel</a>' in page
    assert "Alex Dupont" in page and 'href="tel:+33491000000"' in page and 'href="mailto:alex@example.org"' in page
    assert "Communiqué du domaine" in page
    assert "Communiqué d’ailleurs" not in page and "Brouillon du domaine" not in page
    assert f'href="/fr/actualites/?area={area.pk}"' in page
    people = [block for block in json_ld(page) if block["@type"] == "Person"]
    assert people[0]["name"] == "Alex Dupont" and people[0]["contactPoint"]["telephone"] == "+33491000000"

    english = html(client.get(area.get_absolute_url_in("en")))
    assert "<h1>Resettlement</h1>" in english
    assert switcher_links(english) == {"fr": area.get_absolute_url_in("fr"), "en": area.get_absolute_url_in("en")}


def test_area_publications_filter_by_year_and_language_and_ignore_bad_values(client):
    area = factories.ProgrammeAreaFactory()
    factories.PublicationFactory(area=area, title_fr="Étude 2020 en anglais", year=2020, language="en")
    factories.PublicationFactory(area=area, title_fr="Guide 2023 en français", year=2023, language="fr")
    factories.PublicationFactory(area=area, title_fr="Fiche 2023 en anglais", year=2023, language="en")
    url = area.get_absolute_url()

    by_year = html(client.get(f"{url}?year=2023"))
    assert "Guide 2023" in by_year and "Fiche 2023" in by_year and "Étude 2020" not in by_year
    by_language = html(client.get(f"{url}?language=en"))
    assert "Étude 2020" in by_language and "Fiche 2023" in by_language and "Guide 2023" not in by_language
    both = html(client.get(f"{url}?year=2023&language=en"))
    assert "Fiche 2023" in both and "Guide 2023" not in both and "Étude 2020" not in both
    assert '<option value="2023" selected>' in both
    for query in ("year=abc", "year=1900", "language=xx", "language=", "year=2023.5"):
        page = html(client.get(f"{url}?{query}"))
        assert "Étude 2020" in page and "Guide 2023" in page and "Fiche 2023" in page, query


def test_draft_scheduled_and_unknown_areas_are_404(client):
    draft = factories.ProgrammeAreaFactory(status=Status.DRAFT)
    scheduled = factories.ProgrammeAreaFactory(publication_date=timezone.now() + timedelta(hours=1))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert client.get("/fr/programmes/inconnu/").status_code == 404
    assert client.get("/en/programmes/unknown/").status_code == 404


# The published areas (the menu pages are kept by content version).
AREA_LIST_QUERIES = 1
# The area, projects, publications, contacts, recent releases.
AREA_DETAIL_QUERIES = 5


@pytest.mark.parametrize("rows", [10, 30])
def test_programme_pages_run_a_fixed_number_of_queries(client, rows):
    areas = factories.ProgrammeAreaFactory.create_batch(rows)
    area = areas[0]
    factories.ProjectFactory.create_batch(rows, area=area)
    factories.PublicationFactory.create_batch(rows, area=area)
    area.contacts.set(factories.PersonFactory.create_batch(rows // 5))
    for _ in range(rows):
        factories.NewsReleaseFactory(programme_areas=[area])
    factories.PageFactory.create_batch(rows // 5, show_in_menu=True)
    assert count_queries(client, "/fr/programmes/") == AREA_LIST_QUERIES
    assert count_queries(client, area.get_absolute_url()) == AREA_DETAIL_QUERIES
    assert count_queries(client, f"{area.get_absolute_url_in('en')}?year=2020&language=en") == AREA_DETAIL_QUERIES
