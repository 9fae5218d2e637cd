"""Contact cards as an address book reads them: vobject, which splits lines on CR, LF or CR LF."""

import pytest
import vobject
from django.urls import reverse
from django.utils.translation import override

from tests import factories

pytestmark = pytest.mark.django_db

INJECTION = "Jean\rURL:https://evil.example/\rTEL:+33999999999"


def read_card(client, person, language="fr"):
    with override(language):
        url = reverse("person_vcard", kwargs={"pk": person.pk})
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    return vobject.readOne(response.content.decode())


def properties(card):
    """{property name: number of times it occurs}."""
    return {name: len(values) for name, values in card.contents.items()}


@pytest.fixture
def office():
    return factories.OfficeFactory(address_fr="11 rue du Colisée", postal_code="75008", city_fr="Paris")


def test_card_holds_exactly_the_contact_details(client, office):
    person = factories.PersonFactory(
        name="Ace Dela Cruz", given_names="Ace", family_name="Dela Cruz", office=office,
        job_title_fr="Coordinateur de projet, intégration ; cohésion", email="acedelacruz@iom.int",
        phone="+33140440640",
    )
    card = read_card(client, person)
    assert properties(card) == {"version": 1, "fn": 1, "n": 1, "org": 1, "title": 1, "tel": 1, "email": 1, "adr": 1}
    assert card.version.value == "3.0"
    assert card.fn.value == "Ace Dela Cruz"
    assert (card.n.value.family, card.n.value.given) == ("Dela Cruz", "Ace")
    assert card.title.value == "Coordinateur de projet, intégration ; cohésion"
    assert card.tel.value == "+33140440640"
    assert card.email.value == "acedelacruz@iom.int"
    address = card.adr.value
    assert (address.street, address.city, address.code, address.country) == (
        "11 rue du Colisée", "Paris", "75008", "France")


def test_display_name_comes_from_the_parts_the_editor_filled(client):
    person = factories.PersonFactory(name="M. Jobst Koehler", given_names="Jobst", family_name="Koehler",
                                     office=None)
    card = read_card(client, person)
    assert card.fn.value == "Jobst Koehler"
    assert (card.n.value.family, card.n.value.given) == ("Koehler", "Jobst")


def test_parts_left_blank_are_guessed_from_the_name(client):
    person = factories.PersonFactory(name="Charles de Gaulle", given_names="", family_name="", office=None)
    card = read_card(client, person)
    assert card.fn.value == "Charles de Gaulle"
    assert (card.n.value.family, card.n.value.given) == ("de Gaulle", "Charles")


@pytest.mark.parametrize("field", ["given_names", "family_name", "job_title_fr"])
def test_a_bare_carriage_return_cannot_add_properties(client, office, field):
    person = factories.PersonFactory(office=office, email="", phone="+33140440640", **{field: INJECTION})
    card = read_card(client, person)
    assert properties(card) == {"version": 1, "fn": 1, "n": 1, "org": 1, "title": 1, "tel": 1, "adr": 1}
    assert card.tel.value == "+33140440640"
    shown = {"given_names": card.n.value.given, "family_name": card.n.value.family,
             "job_title_fr": card.title.value}[field]
    assert shown == INJECTION.replace("\r", "\n")


def test_every_line_break_and_separator_is_escaped(client, office):
    person = factories.PersonFactory(
        given_names="A\r\nB\nC\u2028D", family_name="Un; deux, trois\\quatre", office=office,
        job_title_fr="x\x0bEMAIL:evil@example.org", email="",
    )
    card = read_card(client, person)
    assert set(card.contents) == {"version", "fn", "n", "org", "title", "tel", "adr"}
    assert card.n.value.given == "A\nB\nC\nD"
    assert card.n.value.family == "Un; deux, trois\\quatre"


@pytest.mark.parametrize(("language", "organisation", "title"), [
    ("fr", "OIM France", "Chargée de communication"),
    ("en", "IOM France", "Communications officer"),
])
def test_organisation_and_title_follow_the_language_of_the_address(client, language, organisation, title):
    person = factories.PersonFactory(office=None)
    card = read_card(client, person, language)
    assert card.org.value == [organisation]
    assert card.title.value == title
