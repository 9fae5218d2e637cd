"""What the shared templates and site_tags promise on every public page."""

import re
from datetime import UTC, datetime

import pytest
from django.template.loader import get_template
from django.test import Client
from django.utils import timezone

from core.templatetags.site_tags import datetime_attr
from tests import factories
from tests.public_html import switcher_links
from tests.templates_checks.site import build_site

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


def hrefs(content):
    return re.findall(r'href="([^"]*)"', content)


@pytest.mark.parametrize("path", ["//evil.example/fr/", "//evil.example/en/news/", "/fr//evil.example/",
                                  "/fr//evil.example/actualites/"])
def test_language_links_never_lead_to_another_site(client, path):
    # A WSGI server passes "//evil.example/fr/" as the path; the test client would read it as a host.
    for response in (client.get("/", PATH_INFO=path), client.get(path)):
        page = response.content.decode()
        links = switcher_links(page) if 'class="languages"' in page else {}
        assert all(not href.startswith("//") and "evil.example" not in href for href in hrefs(page)), path
        assert "evil.example" not in page or 'name="q"' in page, path
        for href in links.values():
            assert href.startswith("/") and not href.startswith("//")


def test_on_a_404_the_language_links_lead_to_each_home_page(client):
    page = client.get("/", PATH_INFO="//evil.example/fr/").content.decode()
    assert set(switcher_links(page).values()) == {"/fr/", "/en/"}
    english = client.get("/en/nowhere/")
    assert english.status_code == 404 and switcher_links(english.content.decode()) == {"fr": "/fr/", "en": "/en/"}


def test_language_links_follow_the_route_and_keep_the_filters(client):
    area = factories.ProgrammeAreaFactory()
    page = client.get(f"/fr/actualites/?area={area.pk}&page=1").content.decode()
    assert switcher_links(page) == {"fr": f"/fr/actualites/?area={area.pk}&amp;page=1",
                                    "en": f"/en/news/?area={area.pk}&amp;page=1"}
    team = client.get("/en/offices/team/").content.decode()
    assert switcher_links(team) == {"fr": "/fr/bureaux/equipe/", "en": "/en/offices/team/"}


def test_time_elements_are_valid_html_to_the_second(client, png_upload):
    urls = build_site(png_upload)
    seen = 0
    for french, english in urls.values():
        for url in (french, english):
            for value in re.findall(r'<time datetime="([^"]*)"', client.get(url).content.decode()):
                seen += 1
                assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value), (url, value)
    assert seen > 20


def test_datetime_attr_is_local_time_to_the_second_or_a_date(settings):
    settings.TIME_ZONE = "Europe/Paris"
    moment = datetime(2026, 12, 1, 18, 53, 54, 196512, tzinfo=UTC)
    with timezone.override("Europe/Paris"):
        assert datetime_attr(moment) == "2026-12-01T19:53:54+01:00"
    assert datetime_attr(moment.date()) == "2026-12-01"
    assert datetime_attr(None) == ""


def test_search_pages_are_not_indexed_but_their_links_are_followed(client):
    for url in ("/fr/recherche/", "/fr/recherche/?q=migration", "/en/search/?q=migration"):
        assert '<meta name="robots" content="noindex, follow">' in client.get(url).content.decode()
    assert 'name="robots"' not in client.get("/fr/").content.decode()


def test_a_form_posted_without_its_token_gets_a_branded_page_in_the_pages_language():
    client = Client(enforce_csrf_checks=True)
    french = client.post("/fr/", {"q": "migration"})
    assert french.status_code == 403
    page = french.content.decode()
    assert '<html lang="fr">' in page and "<h1>Formulaire expiré</h1>" in page
    assert '<header class="site-header">' in page and '<footer class="site-footer">' in page
    assert '<meta name="robots" content="noindex">' in page and "CSRF" not in page
    english = client.post("/en/news/", {"q": "migration"}).content.decode()
    assert '<html lang="en">' in english and "<h1>Form expired</h1>" in english


@pytest.mark.parametrize("name", ["403.html", "403_csrf.html", "404.html", "500.html"])
def test_error_pages_render_without_any_context(name):
    content = get_template(name).render()
    assert '<main id="contenu"' in content and "OIM" in content and "<h1>" in content


def test_403_page_is_branded_and_bilingual(client, rf):
    from django.core.exceptions import PermissionDenied
    from django.utils import translation
    from django.views.defaults import permission_denied

    response = permission_denied(rf.get("/fr/"), PermissionDenied())
    assert response.status_code == 403 and "<h1>Accès refusé</h1>" in response.content.decode()
    with translation.override("en"):
        assert "<h1>Access denied</h1>" in permission_denied(rf.get("/en/"), PermissionDenied()).content.decode()


def test_footer_and_fallback_menu_list_the_registered_sections_in_order(client):
    factories.PersonFactory(office=None)  # the team page is linked only when someone is on it
    page = client.get("/fr/").content.decode()
    footer = re.search(r'<nav aria-labelledby="pied-rubriques">.*?</nav>', page, re.S).group(0)
    expected = [("/fr/actualites/", "Actualités"), ("/fr/programmes/", "Domaines de programme"),
                ("/fr/partenaires/", "Partenaires"), ("/fr/bureaux/", "Bureaux"), ("/fr/bureaux/equipe/", "Équipe")]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer) == expected
    menu = re.search(r'<nav class="main-nav".*?</nav>', page, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', menu) == expected
    english = client.get("/en/").content.decode()
    assert '<a href="/en/offices/team/">Team</a>' in re.search(r"<footer.*?</footer>", english, re.S).group(0)


def test_an_empty_team_page_is_linked_from_nowhere_but_still_answers(client):
    hidden = factories.PersonFactory(office=None, show_on_team_page=False)
    for url in ("/fr/", "/fr/actualites/", "/fr/bureaux/"):
        assert "/fr/bureaux/equipe/" not in client.get(url).content.decode(), url
    assert "/fr/bureaux/equipe/" not in client.get("/sitemap.xml").content.decode()
    assert client.get("/fr/bureaux/equipe/").status_code == 200
    hidden.show_on_team_page = True
    hidden.save()  # a content change: the links come back on the next request
    assert "/fr/bureaux/equipe/" in client.get("/fr/").content.decode()
    assert "/fr/bureaux/equipe/" in client.get("/sitemap.xml").content.decode()


def test_filters_show_every_choice_and_keep_the_chosen_one(client):
    area = factories.ProgrammeAreaFactory(title_fr="Réinstallation")
    factories.NewsReleaseFactory(programme_areas=[area])
    year = timezone.now().year
    page = client.get(f"/fr/actualites/?area={area.pk}&year={year}").content.decode()
    area_select = re.search(r'<select id="filtre-domaine" name="area">.*?</select>', page, re.S).group(0)
    assert '<option value="">Tous les domaines</option>' in area_select
    assert f'<option value="{area.pk}" selected>Réinstallation</option>' in area_select
    assert '<label for="filtre-annee">Année</label>' in page
    assert f'<option value="{year}" selected>{year}</option>' in page
    unfiltered = client.get("/fr/actualites/").content.decode()
    assert " selected>" not in unfiltered

    publication = factories.PublicationFactory(area=area, year=2021, language="fr")
    detail = client.get(f"{area.get_absolute_url()}?language=fr").content.decode()
    assert '<label for="filtre-pub-langue">Langue du document</label>' in detail
    assert '<option value="fr" selected>Français</option>' in detail
    assert '<option value="2021">2021</option>' in detail and publication.title in detail


def test_every_contacts_block_is_the_same_partial(client):
    office = factories.OfficeFactory()
    person = factories.PersonFactory(name="Jeanne Martin", office=office)
    area = factories.ProgrammeAreaFactory()
    area.contacts.set([person])
    release = factories.NewsReleaseFactory(media_contacts=[person])
    for url, heading in ((release.get_absolute_url(), "Contacts presse"), (area.get_absolute_url(), "Contacts"),
                         (office.get_absolute_url(), "L’équipe"), ("/fr/bureaux/equipe/", office.name)):
        page = client.get(url).content.decode()
        section = re.search(r'<section class="contacts".*?</section>', page, re.S).group(0)
        assert heading in section, url
        assert f'<div class="contact" id="contact-{person.pk}">' in section
        assert '<p class="contact__name">Jeanne Martin</p>' in section
        assert 'href="tel:+33140440640">+33 1 40 44 06 40</a>' in section
        assert f'href="/fr/contacts/{person.pk}.vcf" download>' in section


def test_templates_are_split_into_readable_lines():
    from pathlib import Path

    from django.conf import settings

    # A template tag cannot span lines: a few tags with many arguments are longer.
    too_long = [f"{path.relative_to(settings.BASE_DIR)}:{number}"
                for path in sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html"))
                for number, line in enumerate(path.read_text().splitlines(), 1)
                if len(line) > 140 and not line.strip().startswith("{% picture ")]
    assert not too_long
