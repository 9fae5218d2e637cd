"""The home page (issue 13): the hero, the team link, the map of the offices and partner cities, and their cost."""

import gzip
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests import factories
from tests.public_design.dom import parse
from tests.public_html import count_queries, html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]


def ago(days):
    return timezone.now() - timedelta(days=days)


def hero(page):
    return parse(page).find("section", cls="hero")


def news_cards(page):
    section = parse(page).find("section", **{"aria-labelledby": "home-news"})
    return [card.find("h3").text for card in section.find_all("article", cls="card")]


# --- The hero ----------------------------------------------------------------------------------------------


def test_the_hero_shows_the_newest_release_with_an_image_cropped_3_2_and_credited(client, png_upload):
    factories.PageFactory(slug_fr="a-propos", summary_fr="L’OIM en France depuis 1951.")
    factories.NewsReleaseFactory(title_fr="Sans image, plus récent", publication_date=ago(1))
    release = factories.NewsReleaseFactory(title_fr="Journée mondiale des réfugiés", publication_date=ago(2),
                                           image=png_upload(size=(1600, 900)), image_alt_fr="Des familles à Calais",
                                           image_credit_fr="OIM 2024")
    factories.NewsReleaseFactory(title_fr="Avec image, plus ancien", publication_date=ago(3),
                                 image=png_upload(size=(1600, 900)))

    page = html(client.get("/fr/"))
    band = hero(page)
    assert band.find("h1").text == "L’OIM en France"
    assert "L’OIM en France depuis 1951." in band.text
    image = band.find("img", cls="hero__image")
    # A rendition, cropped to 3:2 around the focal point, with its size: no layout shift, no original.
    assert image.attrs["src"].startswith("/media/renditions/") and "-3x2-" in image.attrs["src"]
    assert (image.attrs["width"], image.attrs["height"]) == ("1200", "800")
    assert "480w" in image.attrs["srcset"] and "loading" not in image.attrs
    assert image.attrs["alt"] == "Des familles à Calais"
    caption = band.find("figcaption").text
    assert "Journée mondiale des réfugiés" in caption and "© OIM 2024" in caption
    links = {link.attrs["href"]: link.text for link in band.find_all("a")}
    assert links["/fr/pages/a-propos/"] == "Qui sommes-nous ?"
    assert links[release.get_absolute_url()] == "Lire le communiqué : Journée mondiale des réfugiés"
    # The hero's release leads; the cards show the others, newest first, without repeating it.
    assert news_cards(page) == ["Sans image, plus récent", "Avec image, plus ancien"]


def test_without_any_image_the_hero_is_the_designed_band_of_text(client):
    for number in range(6):
        factories.NewsReleaseFactory(title_fr=f"Communiqué {number}", publication_date=ago(number + 1))

    page = html(client.get("/fr/"))
    band = hero(page)
    assert band.find("img") is None and band.find("figure") is None and band.find("picture") is None
    assert band.find("h1").text == "L’OIM en France"
    assert "Organisation internationale pour les migrations" in band.find("p", cls="lead").text
    # Without the "À propos" page, the call to action leads to the releases.
    [action] = band.find_all("a")
    assert action.attrs["href"] == "/fr/actualites/" and "button" in action.classes
    assert news_cards(page) == [f"Communiqué {number}" for number in range(4)]
    assert "Lire le communiqué" not in page


def test_the_english_hero_speaks_english(client, png_upload):
    factories.NewsReleaseFactory(title_en="World Refugee Day", image=png_upload(size=(1600, 900)),
                                 image_credit_en="IOM 2024")
    band = hero(html(client.get("/en/")))
    assert band.find("h1").text == "IOM in France"
    assert "Read the press release : World Refugee Day" == band.find_all("a")[-1].text
    assert "© IOM 2024" in band.find("figcaption").text


def test_news_cards_show_their_image_cropped_3_2_and_no_box_without_one(client, png_upload):
    factories.NewsReleaseFactory(title_fr="Avec image", image=png_upload(size=(1600, 900)), publication_date=ago(1))
    factories.NewsReleaseFactory(title_fr="Sans image", publication_date=ago(2))

    listing = parse(html(client.get("/fr/actualites/")))
    with_image, without = listing.find_all("article", cls="card")
    image = with_image.find("img", cls="card__image")
    assert "-3x2-" in image.attrs["src"] and (image.attrs["width"], image.attrs["height"]) == ("640", "427")
    assert all("-3x2-" in candidate for candidate in image.attrs["srcset"].split(", "))
    assert without.find("img") is None and without.find("picture") is None


def add_releases(png_upload, count):
    for _ in range(count):
        factories.NewsReleaseFactory(publication_date=ago(1), image=png_upload(size=(800, 600)))
    factories.OfficeFactory.create_batch(count // 5)
    factories.PartnerFactory.create_batch(count)
    factories.PersonFactory.create_batch(count // 5)


def queries_of(client, url):
    """(queries of a visit with nothing kept, queries of a warm visit).

    The cache is emptied first: a change renews only what depends on it, so
    after adding releases the menu and the identity would still be kept and
    the two visits would not be alike.
    """
    cache.clear()
    with CaptureQueriesContext(connection) as first_visit:
        response = client.get(url)
    assert response.status_code == 200
    return len(first_visit), count_queries(client, url)


def test_the_hero_and_the_cards_add_no_query_per_release(client, png_upload):
    add_releases(png_upload, 6)
    small_home, small_list = queries_of(client, "/fr/"), queries_of(client, "/fr/actualites/")
    add_releases(png_upload, 30)
    assert queries_of(client, "/fr/") == small_home
    assert queries_of(client, "/fr/actualites/") == small_list
    page = html(client.get("/fr/"))
    assert hero(page).find("img", cls="hero__image") is not None
    assert len(parse(page).find("section", **{"aria-labelledby": "home-news"}).find_all("img")) == 4
    # Warm, the home page reads nothing: the menu pages and its lists (hero, cards, map, team link) are kept by
    # content version, and images' sizes by the renditions' cache.
    assert small_home[1] == 0


# --- The team link -----------------------------------------------------------------------------------------


def team_links(page):
    return [link for link in parse(page).find("main").find_all("a") if link.attrs.get("href") == "/fr/bureaux/equipe/"]


def test_the_team_page_is_linked_from_home_and_the_offices_only_when_it_has_members(client):
    office = factories.OfficeFactory()
    factories.PersonFactory(office=office, show_on_team_page=False)  # someone, but not on the team page
    assert team_links(html(client.get("/fr/"))) == []
    assert team_links(html(client.get("/fr/bureaux/"))) == []

    factories.PersonFactory(office=office)
    assert [link.text for link in team_links(html(client.get("/fr/")))] == ["L’équipe"]
    assert [link.text for link in team_links(html(client.get("/fr/bureaux/")))] == ["Voir toute l’équipe"]


@pytest.mark.parametrize("rows", [5, 15])
def test_the_team_link_costs_the_offices_list_no_query(client, rows):
    for office in factories.OfficeFactory.create_batch(rows):
        factories.PersonFactory.create_batch(2, office=office)
    # The offices (which carry the answer); the menu pages are kept by content version.
    assert count_queries(client, "/fr/bureaux/") == 1


# --- The map -----------------------------------------------------------------------------------------------


@pytest.fixture
def cities(db):
    paris = factories.OfficeFactory(name_fr="OIM France – Paris", name_en="IOM France – Paris", city_fr="Paris",
                                    city_en="Paris", order=1)
    marseille = factories.OfficeFactory(name_fr="OIM Marseille – CIFORM", name_en="IOM Marseille – CIFORM",
                                        city_fr="Marseille", city_en="Marseille", order=2)
    unesco = factories.PartnerFactory(name_fr="UNESCO", acronym_fr="UNESCO", headquarters_city_fr="Paris")
    council = factories.PartnerFactory(name_fr="Conseil de l’Europe", name_en="Council of Europe", acronym_fr="",
                                       headquarters_city_fr="Strasbourg")
    interpol = factories.PartnerFactory(name_fr="Organisation internationale de police criminelle",
                                        acronym_fr="INTERPOL", headquarters_city_fr="Lyon")
    factories.PartnerFactory(name_fr="Organisation à Genève", headquarters_city_fr="Genève")
    return {"paris": paris, "marseille": marseille, "unesco": unesco, "council": council, "interpol": interpol}


def test_the_map_draws_the_offices_and_partner_cities_with_a_text_equivalent(client, cities):
    page = html(client.get("/fr/"))
    figure = parse(page).find("figure", cls="map")
    svg = figure.find("svg")
    assert svg.attrs["role"] == "img" and "map__svg" in svg.classes
    title_id, desc_id = svg.attrs["aria-labelledby"].split()
    assert svg.find("title", id=title_id).text.startswith("Carte de la France métropolitaine")
    assert svg.find("desc", id=desc_id).text == ("Bureaux de l’OIM : Paris, Marseille. Partenaires : Paris, "
                                                 "Strasbourg, Lyon. La liste sous la carte détaille chaque ville.")
    # France's outline (Natural Earth) and one point per city, a label beside each.
    [land] = svg.find_all("path", cls="map__land")
    assert land.attrs["d"].count("M") >= 2  # the mainland and Corsica
    assert len(svg.find_all("circle", cls="map__office")) == 2
    assert len(svg.find_all("circle", cls="map__partner")) == 3  # Paris (around its office), Strasbourg, Lyon
    assert [label.text for label in svg.find_all("text", cls="map__label")] == [
        "Paris", "Strasbourg", "Lyon", "Marseille"]  # north to south
    assert "Genève" not in parse(page).find("section", **{"aria-labelledby": "home-map"}).text
    assert "Natural Earth" in figure.find("figcaption").text

    # The text equivalent: each city and what is there, with links.
    items = parse(page).find("ul", cls="map__list").find_all("li")
    assert [item.find("strong").text for item in items] == ["Paris", "Strasbourg", "Lyon", "Marseille"]
    paris = items[0]
    assert {link.attrs["href"] for link in paris.find_all("a")} == {
        cities["paris"].get_absolute_url(), cities["unesco"].get_absolute_url()}
    assert paris.text.startswith("Paris – bureau de l’OIM : OIM France – Paris – partenaires : UNESCO")
    assert items[1].text == "Strasbourg – partenaires : Conseil de l’Europe"
    assert items[2].find("abbr").attrs["title"] == "Organisation internationale de police criminelle"


def test_the_map_speaks_english_and_stays_small(client, cities):
    page = html(client.get("/en/"))
    svg = parse(page).find("svg", cls="map__svg")
    assert svg.find("desc").text.startswith("IOM offices: Paris, Marseille. Partners: Paris, Strasbourg, Lyon.")
    assert parse(page).find("ul", cls="map__list").find_all("li")[1].text == "Strasbourg – partners: Council of Europe"
    start, end = page.index("<svg"), page.index("</svg>")
    assert end - start < 6 * 1024
    compressed = client.get("/fr/", HTTP_ACCEPT_ENCODING="gzip")
    assert len(compressed.content) < 20 * 1024 and gzip.decompress(compressed.content).count(b"<svg") == 1


def test_without_cities_to_show_there_is_no_map(client):
    factories.PartnerFactory(headquarters_city_fr="Genève")
    assert 'class="map' not in html(client.get("/fr/"))


def test_the_vendored_outline_keeps_its_licence_and_source():
    folder = Path(settings.BASE_DIR) / "static" / "vendor" / "world-atlas"
    assert "Permission to use, copy, modify" in (folder / "LICENSE").read_text()
    readme = " ".join((folder / "README.md").read_text().split())
    assert "Natural Earth" in readme and "public domain" in readme and "world-atlas` 2.0.2" in readme
    assert (folder / "france-50m.json").stat().st_size < 8 * 1024
