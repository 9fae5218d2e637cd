"""Office, release and partner pages (issue 13): each text under its own heading, nothing shown empty, images as
renditions with their size, caption and credit."""

import pytest

from tests import factories
from tests.public_design.dom import parse
from tests.public_html import html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


def sections(page):
    """{h2 text: the text of its section} of the article."""
    article = parse(page).find("article")
    return {section.find("h2").text: section.text for section in article.elements if section.tag == "section"}


def test_an_office_page_puts_its_description_and_its_address_under_their_own_headings(client):
    office = factories.OfficeFactory(name_fr="OIM Marseille – CIFORM", city_fr="Marseille",
                                     address_fr="2 quai du Port", postal_code="13002", phone="+33491000000",
                                     email="ciform@example.org",
                                     description_fr="<p>L’OIM a ouvert en 2007 une antenne à Marseille.</p>")
    found = sections(html(client.get(office.get_absolute_url())))
    assert list(found)[:2] == ["Présentation", "Adresse et contact"]
    assert "antenne à Marseille" in found["Présentation"]
    assert "antenne" not in found["Adresse et contact"]
    assert "2 quai du Port" in found["Adresse et contact"] and "13002 Marseille" in found["Adresse et contact"]
    assert "+33 4 91 00 00 00" in found["Adresse et contact"] and "ciform@example.org" in found["Adresse et contact"]

    english = sections(html(client.get(office.get_absolute_url_in("en"))))
    assert list(english)[:2] == ["About the office", "Address and contact"]


def test_an_office_without_address_or_contact_shows_no_empty_address(client):
    office = factories.OfficeFactory(name_fr="OIM France – Paris", city_fr="Paris", address_fr="", postal_code="",
                                     phone="", email="", description_fr="<p>Le bureau de Paris.</p>")
    page = html(client.get(office.get_absolute_url()))
    assert list(sections(page)) == ["Présentation"]
    assert "Adresse et contact" not in page and "<address" not in page
    # The cards of the offices list say nothing of an address either, rather than "Paris" alone.
    listing = parse(html(client.get("/fr/bureaux/")))
    assert listing.find("article", cls="card").find("address") is None


@pytest.mark.parametrize("fields, shown", [
    ({"phone": "+33140440640", "email": "", "address_fr": ""}, "+33 1 40 44 06 40"),
    ({"phone": "", "email": "paris@example.org", "address_fr": ""}, "paris@example.org"),
])
def test_a_phone_or_an_e_mail_alone_is_an_address_and_contact(client, fields, shown):
    office = factories.OfficeFactory(description_fr="", **fields)
    found = sections(html(client.get(office.get_absolute_url())))
    assert list(found) == ["Adresse et contact"] and shown in found["Adresse et contact"]


def test_a_release_shows_its_image_as_a_rendition_with_caption_and_credit(client, png_upload):
    release = factories.NewsReleaseFactory(image=png_upload(size=(1600, 900)), image_alt_fr="Des familles à Calais",
                                           image_credit_fr="OIM 2024")
    figure = parse(html(client.get(release.get_absolute_url()))).find("figure", cls="article__figure")
    image = figure.find("img")
    assert image.attrs["src"].startswith("/media/renditions/")
    assert (image.attrs["width"], image.attrs["height"]) == ("1200", "675")
    assert image.attrs["alt"] == "Des familles à Calais"
    caption = figure.find("figcaption")
    assert caption.text == "Des familles à Calais © OIM 2024"
    # The description is the image's alternative text already: screen readers do not hear it twice.
    assert caption.find("span").attrs["aria-hidden"] == "true"


def test_a_release_without_image_or_caption_has_no_empty_box(client, png_upload):
    bare = factories.NewsReleaseFactory()
    assert "<figure" not in html(client.get(bare.get_absolute_url()))
    decorative = factories.NewsReleaseFactory(image=png_upload(size=(800, 600)), image_decorative=True)
    figure = parse(html(client.get(decorative.get_absolute_url()))).find("figure", cls="article__figure")
    assert figure.find("img").attrs["alt"] == "" and figure.find("figcaption") is None


def test_partner_cards_and_pages_show_their_logo_as_a_rendition(client, png_upload):
    partner = factories.PartnerFactory(name_fr="UNESCO", acronym_fr="", logo=png_upload(size=(320, 160)),
                                       logo_alt_fr="Logo de l’UNESCO")
    factories.PartnerFactory(name_fr="Sans logo", acronym_fr="")
    cards = parse(html(client.get("/fr/partenaires/"))).find_all("article", cls="card")
    logos = {card.find("h3").text: card.find("img", cls="card__logo") for card in cards}
    assert logos["Sans logo"] is None
    assert logos["UNESCO"].attrs["src"].startswith("/media/renditions/")
    assert (logos["UNESCO"].attrs["width"], logos["UNESCO"].attrs["height"]) == ("320", "160")

    page_logo = parse(html(client.get(partner.get_absolute_url()))).find("img", cls="article__logo")
    assert page_logo.attrs["alt"] == "Logo de l’UNESCO"
    assert (page_logo.attrs["width"], page_logo.attrs["height"]) == ("320", "160")
