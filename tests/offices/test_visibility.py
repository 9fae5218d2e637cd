"""Who may see a person: one rule (PersonQuerySet.public()), applied on every page that shows people.

A person of a draft office is hidden everywhere: on the team page, as a
release's press contact, as an area's contact, in their office's structured
data, in the site search and as a vCard. A contact of a published item is
shown everywhere, even when not on the team page.
"""

import pytest

from core.models import Status
from offices.models import Person
from search.engine import search_content
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


def _pages(client, release, area):
    return {
        "team": client.get("/fr/bureaux/equipe/").content.decode(),
        "release": client.get(release.get_absolute_url()).content.decode(),
        "area": client.get(area.get_absolute_url()).content.decode(),
    }


def test_a_person_of_a_draft_office_is_hidden_everywhere(client):
    draft_office = factories.OfficeFactory(status=Status.DRAFT)
    hidden = factories.PersonFactory(name="Zoé Cachée", office=draft_office)
    release = factories.NewsReleaseFactory()
    release.media_contacts.add(hidden)
    area = factories.ProgrammeAreaFactory()
    area.contacts.add(hidden)

    for name, html in _pages(client, release, area).items():
        assert "Zoé Cachée" not in html, name
    assert [hit for hit in search_content(query="Zoé Cachée", language="fr")[0:10]] == []
    assert client.get(f"/fr/contacts/{hidden.pk}.vcf").status_code == 404
    assert hidden not in Person.objects.public()


def test_a_contact_of_a_published_item_is_shown_everywhere_even_off_the_team_page(client):
    office = factories.OfficeFactory()
    contact = factories.PersonFactory(name="Yann Presse", office=office, show_on_team_page=False)
    release = factories.NewsReleaseFactory()
    release.media_contacts.add(contact)
    area = factories.ProgrammeAreaFactory()

    pages = _pages(client, release, area)
    assert "Yann Presse" in pages["release"]
    assert "Yann Presse" not in pages["team"]  # not a team member: listed where they are a contact
    assert client.get(f"/fr/contacts/{contact.pk}.vcf").status_code == 200
    assert contact in Person.objects.public()
    assert contact not in Person.objects.on_team_page()


def test_nobody_else_is_public(client):
    """Off the team page and nobody's contact (or only a draft's): no page shows them, no vCard."""
    office = factories.OfficeFactory()
    private = factories.PersonFactory(name="Xavier Privé", office=office, show_on_team_page=False)
    draft_release = factories.NewsReleaseFactory(status=Status.DRAFT)
    draft_release.media_contacts.add(private)

    assert private not in Person.objects.public()
    assert client.get(f"/fr/contacts/{private.pk}.vcf").status_code == 404
    assert "Xavier Privé" not in client.get("/fr/bureaux/equipe/").content.decode()
