from datetime import date, timedelta

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


def test_office_list_shows_addresses_in_both_languages(client):
    factories.OfficeFactory(name_fr="Bureau de Paris", name_en="Paris office", address_fr="11 rue de Paris",
                            postal_code="75001", city_fr="Paris")
    factories.OfficeFactory(name_fr="Bureau fermé", status=Status.DRAFT)
    page = html(client.get("/fr/bureaux/"))
    assert "Bureau de Paris" in page and "11 rue de Paris" in page and "75001" in page
    assert "Bureau fermé" not in page
    places = [block for block in json_ld(page) if block["@type"] == "Place"]
    assert [place["name"] for place in places] == ["Bureau de Paris"]
    english = html(client.get("/en/offices/"))
    assert html_lang(english) == "en" and "Paris office" in english


def test_office_detail_shows_address_contact_domains_and_team(client):
    office = factories.OfficeFactory(name_fr="CIFORM Marseille", name_en="CIFORM Marseille", city_fr="Marseille",
                                     address_fr="2 quai du Port", postal_code="13002", phone="+33491000000",
                                     email="ciform@example.org", role_fr="Centre de formation",
                                     opening_date=date(2012, 1, 1))
    factories.ActivityDomainFactory(office=office, title_fr="Formation des acteurs", description_fr="Des stages.")
    factories.PersonFactory(office=office, name="Sam Lefèvre", job_title_fr="Formatrice")
    factories.PersonFactory(office=office, name="Personne masquée", show_on_team_page=False)
    page = html(client.get(office.get_absolute_url()))
    assert "<h1>CIFORM Marseille</h1>" in page and "Centre de formation" in page
    assert "2 quai du Port" in page and "13002" in page and "Marseille" in page
    assert 'href="tel:+33491000000">+33 4 91 00 00 00</a>' in page and 'href="mailto:ciform@example.org"' in page
    assert "Formation des acteurs" in page and "Des stages." in page
    assert "Sam Lefèvre" in page and "Formatrice" in page and "Personne masquée" not in page
    assert "2012" in page
    place = next(block for block in json_ld(page) if block["@type"] == "Place")
    assert place["address"] == {"@type": "PostalAddress", "streetAddress": "2 quai du Port", "postalCode": "13002",
                                "addressLocality": "Marseille", "addressCountry": "FR"}
    assert any(block["@type"] == "Person" and block["name"] == "Sam Lefèvre" for block in json_ld(page))
    english = html(client.get(office.get_absolute_url_in("en")))
    assert switcher_links(english)["fr"] == office.get_absolute_url_in("fr")


def test_team_page_groups_people_by_public_office(client):
    paris = factories.OfficeFactory(name_fr="Bureau de Paris", order=1)
    marseille = factories.OfficeFactory(name_fr="Bureau de Marseille", order=2)
    hidden = factories.OfficeFactory(name_fr="Bureau secret", status=Status.DRAFT)
    factories.PersonFactory(office=marseille, name="Marie Marseille")
    factories.PersonFactory(office=paris, name="Paul Paris")
    factories.PersonFactory(office=hidden, name="Hélène Hors-bureau")
    factories.PersonFactory(office=None, name="Olga Sans-bureau")
    factories.PersonFactory(office=paris, name="Invisible", show_on_team_page=False)
    page = html(client.get("/fr/bureaux/equipe/"))
    assert page.index("Bureau de Paris") < page.index("Paul Paris") < page.index("Bureau de Marseille")
    assert page.index("Bureau de Marseille") < page.index("Marie Marseille")
    # A person of a draft office is hidden, as everywhere else (PersonQuerySet.public()).
    assert "Hélène Hors-bureau" not in page and "Bureau secret" not in page
    assert page.index("Marie Marseille") < page.index("Olga Sans-bureau")
    assert "Invisible" not in page
    assert html_lang(html(client.get("/en/offices/team/"))) == "en"


def test_draft_scheduled_and_unknown_offices_are_404(client):
    draft = factories.OfficeFactory(status=Status.DRAFT)
    scheduled = factories.OfficeFactory(publication_date=timezone.now() + timedelta(hours=1))
    for url in (draft.get_absolute_url(), scheduled.get_absolute_url(), "/fr/bureaux/inconnu/"):
        assert client.get(url).status_code == 404


# The offices (the menu pages are kept by content version).
OFFICE_LIST_QUERIES = 1
# The office, its activity domains, its team.
OFFICE_DETAIL_QUERIES = 3
# The people with their office.
TEAM_QUERIES = 1


@pytest.mark.parametrize("rows", [10, 30])
def test_office_pages_run_a_fixed_number_of_queries(client, rows):
    offices = factories.OfficeFactory.create_batch(rows // 5)
    for office in offices:
        factories.ActivityDomainFactory.create_batch(rows // 5, office=office)
        factories.PersonFactory.create_batch(rows // 5, office=office)
    assert count_queries(client, "/fr/bureaux/") == OFFICE_LIST_QUERIES
    assert count_queries(client, offices[0].get_absolute_url()) == OFFICE_DETAIL_QUERIES
    assert count_queries(client, "/en/offices/team/") == TEAM_QUERIES
