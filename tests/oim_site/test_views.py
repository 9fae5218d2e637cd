import gzip
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.template.loader import get_template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.views.defaults import server_error

from core.models import Status
from tests import factories
from tests.public_html import (
    canonical,
    count_queries,
    hreflangs,
    html,
    html_lang,
    json_ld,
    switcher_links,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


def test_root_redirects_to_french_by_default_and_to_english_when_preferred(client):
    assert client.get("/")["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"


def test_home_introduces_oim_and_shows_news_areas_offices_and_partners(client):
    factories.PageFactory(title_fr="Qui sommes-nous", slug_fr="a-propos", summary_fr="L’OIM en France depuis 1951.",
                          summary_en="IOM in France since 1951.", show_in_menu=True)
    for number in range(6):
        factories.NewsReleaseFactory(title_fr=f"Communiqué {number}", publication_date=timezone.now()
                                     - timedelta(days=number + 1))
    factories.NewsReleaseFactory(title_fr="Communiqué brouillon", status=Status.DRAFT)
    factories.ProgrammeAreaFactory(title_fr="Retour volontaire")
    factories.OfficeFactory(name_fr="Bureau de Paris")
    factories.PartnerFactory(name_fr="UNESCO", acronym_fr="UNESCO")

    page = html(client.get("/fr/"))
    assert page.count("<h1") == 1
    assert "L’OIM en France depuis 1951." in page and 'href="/fr/pages/a-propos/"' in page
    assert page.index("Communiqué 0") < page.index("Communiqué 3")
    assert "Communiqué 4" not in page and "Communiqué brouillon" not in page
    assert "Retour volontaire" in page and "Bureau de Paris" in page and "UNESCO" in page
    organization = json_ld(page)[0]
    assert organization["@type"] == "GovernmentOrganization" and organization["name"] == "OIM France"

    english = html(client.get("/en/"))
    assert html_lang(english) == "en" and "IOM in France since 1951." in english


def test_every_page_has_landmarks_skip_link_search_and_one_h1(client):
    release = factories.NewsReleaseFactory()
    for url in ("/fr/", "/en/news/", release.get_absolute_url(), "/fr/bureaux/equipe/", "/fr/inconnue/"):
        response = client.get(url)
        page = response.content.decode()
        assert '<a class="skip-link" href="#contenu">' in page
        assert '<main id="contenu"' in page and "<header" in page and "<footer" in page
        assert page.count("<h1") == 1, url
        assert re.search(r'<form class="search-form" role="search" action="/(fr|en)/(recherche|search)/"', page)
        assert '<label for="recherche-q">' in page and 'id="recherche-q"' in page and 'name="q"' in page
        assert " style=" not in page and "<style" not in page
        # JSON-LD, and the one deferred script of the phone menu (static/js/site.js): nothing inline.
        allowed = r'(?! type="application/ld\+json">)(?! src="/static/js/site\.js" defer>)'
        assert not re.search(r"<script" + allowed, page), url


def test_menu_is_built_from_published_top_level_pages_with_children_in_one_query(client):
    about = factories.PageFactory(title_fr="Qui sommes-nous", show_in_menu=True, order=1)
    factories.PageFactory(title_fr="Notre histoire", parent=about, show_in_menu=True)
    factories.PageFactory(title_fr="Page enfant cachée", parent=about, show_in_menu=False)
    factories.PageFactory(title_fr="Actualités du site", section="news:list", show_in_menu=True, order=2)
    factories.PageFactory(title_fr="Menu brouillon", show_in_menu=True, status=Status.DRAFT)
    factories.PageFactory(title_fr="Mentions légales", show_in_menu=False)
    page = html(client.get("/fr/bureaux/"))
    menu = re.search(r'<nav class="main-nav".*?</nav>', page, re.S).group(0)
    assert menu.index("Qui sommes-nous") < menu.index("Notre histoire") < menu.index("Actualités du site")
    assert 'href="/fr/actualites/">Actualités du site</a>' in menu
    assert "Page enfant cachée" not in menu and "Menu brouillon" not in menu and "Mentions légales" not in menu
    footer = re.search(r"<footer.*?</footer>", page, re.S).group(0)
    assert "Mentions légales" in footer and "Menu brouillon" not in footer
    more = factories.PageFactory.create_batch(10, show_in_menu=True)
    for parent in more:
        factories.PageFactory(parent=parent, show_in_menu=True)
    # One query (the offices) whatever the size of the menu: its pages are kept by content version.
    assert count_queries(client, "/fr/bureaux/") == 1


def test_breadcrumbs_lead_home_through_the_section(client):
    release = factories.NewsReleaseFactory(title_fr="Un communiqué")
    page = html(client.get(release.get_absolute_url()))
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', page, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)"', crumbs) == ["/fr/", "/fr/actualites/", release.get_absolute_url_in("fr")]
    assert 'aria-current="page">Un communiqué</a>' in crumbs


def test_standalone_page_in_both_languages_and_drafts_are_404(client):
    page = factories.PageFactory(title_fr="Mentions légales", title_en="Legal notice", body_fr="<p>Éditeur.</p>",
                                 body_en="<p>Publisher.</p>")
    french = html(client.get("/fr/pages/mentions-legales/"))
    assert "<h1>Mentions légales</h1>" in french and "<p>Éditeur.</p>" in french
    assert switcher_links(french) == {"fr": "/fr/pages/mentions-legales/", "en": "/en/pages/legal-notice/"}
    english = html(client.get("/en/pages/legal-notice/"))
    assert "<h1>Legal notice</h1>" in english and "<p>Publisher.</p>" in english
    assert hreflangs(english)["en"] == "http://testserver/en/pages/legal-notice/"
    draft = factories.PageFactory(status=Status.DRAFT)
    scheduled = factories.PageFactory(publication_date=timezone.now() + timedelta(minutes=5))
    for url in (draft.get_absolute_url_in("fr"), scheduled.get_absolute_url_in("fr"), "/fr/pages/inconnue/"):
        assert client.get(url).status_code == 404
    assert page.pk


def test_child_page_breadcrumbs_include_its_parent(client):
    parent = factories.PageFactory(title_fr="Qui sommes-nous")
    child = factories.PageFactory(title_fr="Notre histoire", parent=parent)
    page = html(client.get(child.get_absolute_url_in("fr")))
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', page, re.S).group(0)
    assert "Qui sommes-nous" in crumbs and "Notre histoire" in crumbs
    assert count_queries(client, child.get_absolute_url_in("fr")) == 1


def test_untranslated_page_is_marked_french_in_english(client):
    page = factories.PageFactory(title_fr="Déclaration d’accessibilité", title_en="", body_en="",
                                 body_fr="<p>Conformité partielle.</p>")
    english = html(client.get(page.get_absolute_url_in("en")))
    assert '<h1 lang="fr">Déclaration d’accessibilité</h1>' in english
    assert '<div class="rich-text" lang="fr"><p>Conformité partielle.</p></div>' in english
    assert '<p class="notice wrap" role="note">' in english
    footer = re.search(r"<footer.*?</footer>", english, re.S).group(0)
    assert '<a href="/en/pages/declaration-daccessibilite/" lang="fr">Déclaration d’accessibilité</a>' in footer
    assert set(hreflangs(english)) == {"fr", "x-default"}
    assert canonical(english) == "http://testserver/fr/pages/declaration-daccessibilite/"


def test_list_page_language_switch_keeps_filters(client):
    area = factories.ProgrammeAreaFactory()
    page = html(client.get(f"/fr/actualites/?area={area.pk}"))
    assert switcher_links(page)["en"] == f"/en/news/?area={area.pk}"


def test_404_is_in_the_site_design_and_the_pages_language(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert html_lang(page) == "en" and "<h1>Page not found</h1>" in page
    assert '<nav class="main-nav"' in page and '<meta name="robots" content="noindex">' in page
    assert switcher_links(page)["fr"] == "/fr/"
    assert "<h1>Page introuvable</h1>" in client.get("/fr/nulle-part/").content.decode()


def test_500_renders_without_database_or_request_context(django_assert_num_queries):
    with django_assert_num_queries(0):
        content = get_template("500.html").render()
        response = server_error(RequestFactory().get("/fr/"))
    assert response.status_code == 500
    assert "Le site rencontre un problème" in content and '<main id="contenu"' in content
    assert "/static/css/site.css" in content


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.ico")
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html(client.get("/fr/"))


def test_html_is_gzipped_for_clients_that_accept_it(client):
    factories.NewsReleaseFactory.create_batch(5)
    response = client.get("/fr/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert b"<!doctype html>" in gzip.decompress(response.content)


# None: the menu pages and the four lists (latest releases, areas, offices, partners) are kept by content version.
HOME_QUERIES = 0
# After a content change: + the menu pages + the next scheduled publication (core.cache) + the four lists; + the
# site's identity on this first visit to an empty cache (identity.services keeps it until Publication changes it);
# + whether the team page has members, to link it (offices.apps.team_has_members, kept by content version).
HOME_QUERIES_AFTER_A_CHANGE = HOME_QUERIES + 1 + 1 + 4 + 1 + 1


@pytest.mark.parametrize("rows", [10, 30])
def test_home_runs_a_fixed_number_of_queries(client, png_upload, rows):
    for _ in range(rows):
        factories.NewsReleaseFactory(programme_areas=[factories.ProgrammeAreaFactory()])
    factories.OfficeFactory.create_batch(rows // 5)
    factories.PartnerFactory.create_batch(rows)
    factories.PageFactory.create_batch(rows // 5, show_in_menu=True)
    factories.PageFactory(slug_fr="a-propos", summary_fr="Intro.")
    with CaptureQueriesContext(connection) as first_visit:
        client.get("/fr/")
    assert len(first_visit) == HOME_QUERIES_AFTER_A_CHANGE
    assert count_queries(client, "/fr/") == HOME_QUERIES
    assert count_queries(client, "/en/") == HOME_QUERIES


def test_home_weighs_under_100_kb_compressed_without_images_and_blocks_on_no_script(client):
    from django.contrib.staticfiles import finders

    factories.PageFactory(slug_fr="a-propos", summary_fr="Présentation. " * 20)
    factories.PageFactory.create_batch(8, show_in_menu=True)
    for _ in range(12):
        factories.NewsReleaseFactory(lead_fr="Un chapeau de longueur réaliste. " * 12)
    factories.ProgrammeAreaFactory.create_batch(6)
    factories.OfficeFactory.create_batch(2)
    factories.PartnerFactory.create_batch(12)
    response = client.get("/fr/", HTTP_ACCEPT_ENCODING="gzip")
    page = gzip.decompress(response.content).decode()
    total = len(response.content)
    for href in re.findall(r'<link rel="stylesheet" href="/static/([^"]+)">', page):
        with open(finders.find(href), "rb") as stylesheet:
            total += len(gzip.compress(stylesheet.read()))
    assert total < 100 * 1024
    # The phone menu's script only, deferred: nothing blocks the first paint.
    assert re.findall(r"<script[^>]* src=[^>]*>", page) == ['<script src="/static/js/site.js" defer>']


def test_home_lists_show_a_publication_or_withdrawal_on_the_next_visit(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    factories.NewsReleaseFactory(title_fr="Premier communiqué")
    assert "Premier communiqué" in html(client.get("/fr/"))
    second = factories.NewsReleaseFactory(title_fr="Second communiqué")
    partner = factories.PartnerFactory(name_fr="Partenaire nouveau")
    page = html(client.get("/fr/"))
    assert "Second communiqué" in page and "Partenaire nouveau" in page
    second.status = Status.DRAFT
    second.save()
    partner.delete()
    page = html(client.get("/fr/"))
    assert "Second communiqué" not in page and "Partenaire nouveau" not in page
