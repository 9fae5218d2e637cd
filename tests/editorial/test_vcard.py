"""A media contact's block on a release offers a vCard download."""

import pytest
from django.urls import reverse

from core.models import Status
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    office = factories.OfficeFactory(address_fr="11 rue du Colisée", postal_code="75008", city_fr="Paris")
    return factories.PersonFactory(
        name="Jeanne Martin-Dupont", job_title_fr="Chargée de presse, porte-parole", job_title_en="Press officer",
        email="jmartin@iom.int", phone="+33140440640", office=office, show_on_team_page=False,
    )


def vcard_url(person):
    return reverse("person_vcard", kwargs={"pk": person.pk})


def test_release_contact_block_links_to_the_vcard(client, contact):
    release = factories.NewsReleaseFactory(media_contacts=[contact])
    content = client.get(release.get_absolute_url()).content.decode()
    assert f'href="{vcard_url(contact)}" download' in content


def test_vcard_of_a_media_contact(client, contact):
    factories.NewsReleaseFactory(media_contacts=[contact])
    response = client.get(vcard_url(contact))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="jeanne-martin-dupont.vcf"'
    lines = response.content.decode().split("\r\n")
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"] and lines[-2:] == ["END:VCARD", ""]
    assert "FN:Jeanne Martin-Dupont" in lines
    assert "N:Martin-Dupont;Jeanne;;;" in lines
    assert "ORG:OIM France" in lines
    assert "TITLE:Chargée de presse\\, porte-parole" in lines
    assert "TEL;TYPE=WORK,VOICE:+33140440640" in lines
    assert "EMAIL;TYPE=INTERNET,WORK:jmartin@iom.int" in lines
    assert any(line.startswith("ADR;TYPE=WORK:;;11 rue du Colisée;Paris;;75008;France") for line in lines)


def test_vcard_title_follows_the_language(client, contact):
    factories.NewsReleaseFactory(media_contacts=[contact])
    url = reverse("person_vcard", kwargs={"pk": contact.pk})
    assert url.startswith("/fr/")
    assert "TITLE:Press officer" in client.get("/en" + url[3:]).content.decode()


def test_no_vcard_for_someone_the_site_does_not_show(client, contact):
    factories.NewsReleaseFactory(media_contacts=[contact], status=Status.DRAFT)
    assert client.get(vcard_url(contact)).status_code == 404


def test_team_member_has_a_vcard(client):
    person = factories.PersonFactory(show_on_team_page=True)
    assert client.get(vcard_url(person)).status_code == 200


def test_long_lines_are_folded():
    from offices.vcard import person_vcard

    person = factories.PersonFactory.build(name="Jeanne Martin", job_title_fr="Chargée " * 20, office=None)
    for line in person_vcard(person).split("\r\n"):
        assert len(line.encode()) <= 75
