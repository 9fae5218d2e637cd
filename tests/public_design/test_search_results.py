"""Search results as a reader sees them (issue 13): counts in words, one date format, readable excerpts,
the kind of each hit with its title, and people found by name and role."""

import re
from datetime import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils.translation import override

from core.models import Status
from search.engine import html_to_text, search_content
from tests import factories
from tests.public_design.dom import parse
from tests.public_html import html

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

PARIS = ZoneInfo("Europe/Paris")


def search_page(client, query, language="fr"):
    with override(language):
        url = reverse("search")
    return html(client.get(f"{url}?{urlencode({'q': query})}"))


def status(page):
    return parse(page).find(cls="search-status").text


@pytest.mark.parametrize("language, none, one, many", [
    ("fr", "Aucun résultat pour « lampedusa »", "1 résultat pour « lampedusa »", "12 résultats pour « lampedusa »"),
    ("en", "No results for “lampedusa”", "1 result for “lampedusa”", "12 results for “lampedusa”"),
])
def test_the_count_of_results_is_said_in_words_with_the_right_plural(client, language, none, one, many):
    assert status(search_page(client, "lampedusa", language)) == none
    factories.NewsReleaseFactory(title_fr="Lampedusa 0", title_en="Lampedusa 0")
    assert status(search_page(client, "lampedusa", language)) == one
    for number in range(1, 12):
        factories.NewsReleaseFactory(title_fr=f"Lampedusa {number}", title_en=f"Lampedusa {number}")
    assert status(search_page(client, "lampedusa", language)) == many


@pytest.mark.parametrize("language, expected", [("fr", "21 octobre 2011"), ("en", "21 October 2011")])
def test_a_hit_is_dated_as_the_lists_date_it(client, language, expected):
    factories.NewsReleaseFactory(title_fr="Forum de Gaborone", title_en="Gaborone forum",
                                 publication_date=datetime(2011, 10, 21, 12, tzinfo=PARIS))
    hit = parse(search_page(client, "gaborone", language)).find(cls="search-result")
    assert hit.find("time").text == expected
    assert hit.find("time").attrs["datetime"] == "2011-10-21T12:00:00+02:00"
    with override(language):
        listing = html(client.get(reverse("news:list")))
    assert f">{expected}</time>" in listing


BODY = ("<p>Le programme se poursuit.</p><h2>Contexte</h2><p>Avec les <strong>parte</strong>naires de "
        "Marseille&nbsp;:</p><ul><li>Lyon</li><li>Tournesol</li></ul>")


def test_excerpts_keep_a_space_between_blocks_and_none_inside_words(client):
    assert html_to_text(BODY).split() == ["Le", "programme", "se", "poursuit.", "Contexte", "Avec", "les",
                                          "partenaires", "de", "Marseille", ":", "Lyon", "Tournesol"]
    factories.NewsReleaseFactory(title_fr="Intégration à Marseille", lead_fr="", body_fr=BODY)

    excerpt = parse(search_page(client, "poursuit")).find(cls="search-result-excerpt").text
    assert "se poursuit. Contexte Avec les partenaires de Marseille : Lyon Tournesol" in excerpt
    assert "poursuit.Contexte" not in excerpt and "LyonTournesol" not in excerpt


def test_a_word_after_a_block_boundary_is_found(client):
    factories.NewsReleaseFactory(title_fr="Villes partenaires", lead_fr="", body_fr=BODY)
    # Before: "<li>Lyon</li><li>Tournesol</li>" was read "LyonTournesol", and "tournesol" found nothing.
    assert [str(hit.title) for hit in search_content(query="tournesol", language="fr")[0:10]] == [
        "Villes partenaires"]


@pytest.mark.postgres
def test_postgres_excerpts_keep_a_space_between_blocks(postgres):
    factories.NewsReleaseFactory(title_fr="Intégration à Marseille", lead_fr="", body_fr=BODY)
    [hit] = search_content(query="poursuit", language="fr")[0:10]
    text = re.sub(r"</?mark>", "", str(hit.excerpt))
    assert "se poursuit. Contexte Avec les partenaires de Marseille" in text


def test_the_kind_of_content_sits_in_the_heading_of_its_title(client):
    office = factories.OfficeFactory(name_fr="Bureau de Lampedusa")
    factories.NewsReleaseFactory(title_fr="Arrivées à Lampedusa")
    factories.PersonFactory(name="Anna Lampedusa", office=office)

    hits = parse(search_page(client, "lampedusa")).find_all("li", cls="search-result")
    assert len(hits) == 3
    labels = set()
    for hit in hits:
        heading = hit.elements[0]
        assert heading.tag == "h2" and "search-result-title" in heading.classes
        kind, link = heading.elements
        assert "search-result-kind" in kind.classes and link.tag == "a"
        labels.add(kind.text.removesuffix(" –"))
    assert labels == {"Communiqué de presse", "Bureau", "Équipe"}


def test_people_are_found_by_name_and_by_role_in_both_languages(client):
    office = factories.OfficeFactory(name_fr="Bureau de Paris")
    factories.PersonFactory(name="Aïcha Benali", office=office, job_title_fr="Chargée de la réinstallation",
                            job_title_en="Resettlement officer")

    for query, language in (("benali", "fr"), ("aicha", "fr"), ("réinstallation", "fr"), ("resettlement", "en")):
        hit = parse(search_page(client, query, language)).find(cls="search-result")
        assert hit is not None, query
        assert hit.find("h2").find("a").text == "Aïcha Benali"
        with override(language):
            assert hit.find("h2").find("a").attrs["href"] == reverse("offices:team")
    english = parse(search_page(client, "resettlement", "en")).find(cls="search-result")
    assert english.find(cls="search-result-excerpt").text == "Resettlement officer"


def test_people_the_public_may_not_see_are_not_found(client):
    draft_office = factories.OfficeFactory(name_fr="Bureau fermé", status=Status.DRAFT)
    factories.PersonFactory(name="Paul Zanetti", show_on_team_page=False)
    factories.PersonFactory(name="Jean Zanetti", status=Status.DRAFT)
    factories.PersonFactory(name="Marc Zanetti", office=draft_office)
    factories.PersonFactory(name="Léa Zanetti")

    page = search_page(client, "zanetti")
    assert status(page) == "1 résultat pour « zanetti »"
    assert [hit.find("a").text for hit in parse(page).find_all(cls="search-result")] == ["Léa Zanetti"]
