"""A reader walks the public site with a keyboard-and-mouse browser; axe-core checks every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_content():
    factories.PageFactory(title_fr="Qui sommes-nous", title_en="Who we are", slug_fr="a-propos",
                          summary_fr="L’OIM est présente en France depuis 1951.",
                          summary_en="IOM has been in France since 1951.", show_in_menu=True, order=1)
    factories.PageFactory(title_fr="Actualités", title_en="News", section="news:list", show_in_menu=True, order=2)
    factories.PageFactory(title_fr="Où nous travaillons", title_en="Where we work", section="offices:list",
                          show_in_menu=True, order=3)
    factories.PageFactory(title_fr="Mentions légales", title_en="Legal notice")
    area = factories.ProgrammeAreaFactory(title_fr="Réinstallation des réfugiés", title_en="Refugee resettlement")
    partner = factories.PartnerFactory(name_fr="Haut-Commissariat des Nations Unies pour les réfugiés",
                                       name_en="United Nations High Commissioner for Refugees", acronym_fr="HCR",
                                       acronym_en="UNHCR")
    office = factories.OfficeFactory(name_fr="Bureau de Paris", name_en="Paris office", role_fr="Bureau pays",
                                     role_en="Country office", postal_code="75008")
    factories.ActivityDomainFactory(office=office, title_fr="Intégration", title_en="Integration")
    press = factories.PersonFactory(office=office, name="Camille Martin", job_title_fr="Chargée de communication",
                                    job_title_en="Communications officer")
    for number in range(12):
        factories.NewsReleaseFactory(
            title_fr=f"Communiqué sur la réinstallation {number}", title_en=f"Release on resettlement {number}",
            publication_date=timezone.now() - timedelta(days=number + 1),
            programme_areas=[area], partners=[partner], media_contacts=[press],
        )
    return office


def test_reader_walks_home_news_release_english_an_office_and_searches(live_server, reader_page, assert_accessible,
                                                              site_content):
    from playwright.sync_api import expect

    page = reader_page
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)

    # The skip link is the first thing the keyboard reaches, and it leads to the content.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/fr/#contenu")

    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Actualités").click()
    expect(page).to_have_url(f"{live_server.url}/fr/actualites/")
    expect(page.locator("h1")).to_have_text("Actualités")
    assert_accessible(page)

    page.get_by_role("link", name="Communiqué sur la réinstallation 0", exact=True).click()
    expect(page.locator("h1")).to_have_text("Communiqué sur la réinstallation 0")
    expect(page.get_by_role("link", name="+33 1 40 44 06 40")).to_have_attribute("href", "tel:+33140440640")
    assert_accessible(page)

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/news/release-on-resettlement-0/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Release on resettlement 0")
    assert_accessible(page)

    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Where we work").click()
    expect(page).to_have_url(f"{live_server.url}/en/offices/")
    page.get_by_role("link", name="Paris office").click()
    expect(page).to_have_url(f"{live_server.url}{site_content.get_absolute_url_in('en')}")
    expect(page.locator("h1")).to_have_text("Paris office")
    expect(page.get_by_text("Integration")).to_be_visible()
    assert_accessible(page)

    # Back in French, the reader searches without the accent: "reinstallation" finds "réinstallation".
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.get_by_label("Rechercher sur le site").fill("reinstallation")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/fr/recherche/?q=reinstallation")
    expect(page.get_by_text("13 résultats pour « reinstallation »")).to_be_visible()
    expect(page.get_by_role("link", name="Réinstallation des réfugiés")).to_be_visible()
    expect(page.get_by_role("link", name="Communiqué sur la réinstallation 9", exact=True)).to_be_visible()
    expect(page.locator("mark").first).to_have_text(re.compile("^réinstallation$", re.IGNORECASE))
    assert_accessible(page)


def test_home_has_no_horizontal_scroll_at_320px(live_server, chromium, site_content):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, locale="fr-FR")
    page = context.new_page()
    for path in ("/fr/", "/fr/actualites/", site_content.get_absolute_url_in("fr")):
        page.goto(f"{live_server.url}{path}")
        # The stylesheet is applied (IOM blue menu bar), so the layout measured is the real one.
        menu_colour = page.evaluate("getComputedStyle(document.querySelector('.main-nav')).backgroundColor")
        assert menu_colour == "rgb(0, 51, 160)"
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
    context.close()


def test_the_accessibility_check_does_catch_violations(reader_page, assert_accessible):
    reader_page.set_content('<html><body><main><img src="x.png"><a href="#"></a></main></body></html>')
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(reader_page)
