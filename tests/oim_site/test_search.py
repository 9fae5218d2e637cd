"""Site search: what a reader finds, how it is shown, and what it costs.

Everything here runs on SQLite and on PostgreSQL (each engine answers the
same questions); the tests marked ``postgres`` check what only PostgreSQL has.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from core.models import Status
from news.models import NewsRelease
from search.engine import MAX_QUERY_LENGTH, parse_query, search_content
from tests.factories import (
    NewsReleaseFactory,
    OfficeFactory,
    PageFactory,
    PartnerFactory,
    PersonFactory,
    ProgrammeAreaFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def search_url(language="fr", **params):
    with override(language):
        url = reverse("search")
    from urllib.parse import urlencode

    return f"{url}?{urlencode(params)}" if params else url


def titles(results, language="fr"):
    with override(language):
        return [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in results[0:50]]


# --- Finding -------------------------------------------------------------------


def test_unaccented_lowercase_word_finds_the_accented_release():
    NewsReleaseFactory(title_fr="Le programme de réinstallation accueille 300 réfugiés")
    NewsReleaseFactory(title_fr="Journée mondiale des océans")

    for query in ["reinstallation", "RÉINSTALLATION", "Reinstallation", "réinstallations"]:
        assert titles(search_content(query=query, language="fr")) == [
            "Le programme de réinstallation accueille 300 réfugiés"
        ], query


def test_text_in_the_body_is_found_not_only_titles():
    NewsReleaseFactory(title_fr="Communiqué", body_fr="<p>Les équipes de <strong>Lampedusa</strong> témoignent.</p>")

    assert titles(search_content(query="lampedusa", language="fr")) == ["Communiqué"]


def test_every_kind_of_published_content_is_searched():
    area = ProgrammeAreaFactory(title_fr="Intégration à Lampedusa")
    office = OfficeFactory(name_fr="Bureau de Lampedusa", city_fr="Lampedusa")
    NewsReleaseFactory(title_fr="Arrivées à Lampedusa")
    PageFactory(title_fr="Lampedusa, une page")
    PartnerFactory(name_fr="Croix-Rouge de Lampedusa")
    ProjectFactory(area=area, name_fr="Projet Lampedusa")
    PersonFactory(name="Anna Lampedusa", office=office)

    results = search_content(query="Lampedusa", language="fr")

    with override("fr"):
        hits = results[0:20]
    assert results.count() == 7
    assert {hit.kind.key for hit in hits} == {"news", "area", "project", "partner", "office", "page", "person"}
    urls = {hit.kind.key: hit.url for hit in hits}
    with override("fr"):
        assert urls["area"] == urls["project"] == area.get_absolute_url()
        assert urls["office"] == office.get_absolute_url()
        assert urls["person"] == reverse("offices:team")


def test_drafts_scheduled_items_and_projects_of_unpublished_areas_are_never_found():
    later = timezone.now() + timezone.timedelta(days=3)
    NewsReleaseFactory(title_fr="Lampedusa publié")
    NewsReleaseFactory(title_fr="Lampedusa brouillon", status=Status.DRAFT)
    NewsReleaseFactory(title_fr="Lampedusa programmé", publication_date=later)
    draft_area = ProgrammeAreaFactory(title_fr="Domaine caché", status=Status.DRAFT)
    ProjectFactory(area=draft_area, name_fr="Projet Lampedusa caché")
    PartnerFactory(name_fr="Partenaire Lampedusa", status=Status.DRAFT)
    hidden_office = OfficeFactory(name_fr="Bureau fermé", status=Status.DRAFT)
    PersonFactory(name="Jean Lampedusa", office=hidden_office)
    PersonFactory(name="Paul Lampedusa", show_on_team_page=False)

    assert titles(search_content(query="lampedusa", language="fr")) == ["Lampedusa publié"]


def test_english_searches_english_text_and_falls_back_to_french_where_it_is_missing():
    NewsReleaseFactory(title_fr="Réinstallation en France", title_en="Resettlement to France",
                       lead_fr="", lead_en="", body_fr="", body_en="")
    NewsReleaseFactory(title_fr="Réinstallation depuis le Niger", title_en="", lead_fr="", lead_en="",
                       body_fr="", body_en="")

    english = search_content(query="resettlement", language="en")
    assert titles(english, "en") == ["Resettlement to France"]
    # French pages search the French columns only.
    assert search_content(query="resettlement", language="fr").count() == 0
    # The untranslated release is found in English through its French title, and marked as French.
    fallback = search_content(query="niger", language="en")
    with override("en"):
        [hit] = fallback[0:10]
    assert hit.lang == "fr"
    assert "Réinstallation depuis le" in str(hit.title)


def test_quoted_phrase_and_excluded_word():
    NewsReleaseFactory(title_fr="Aide au retour volontaire", body_fr="")
    NewsReleaseFactory(title_fr="Le retour des beaux jours, aide volontaire", body_fr="")
    NewsReleaseFactory(title_fr="Retour volontaire depuis Calais", body_fr="")

    assert sorted(titles(search_content(query='"retour volontaire"', language="fr"))) == [
        "Aide au retour volontaire", "Retour volontaire depuis Calais"]
    assert titles(search_content(query='"retour volontaire" -calais', language="fr")) == [
        "Aide au retour volontaire"]


def test_title_matches_rank_above_body_matches():
    NewsReleaseFactory(title_fr="Rapport annuel", body_fr="<p>Un mot sur la diaspora.</p>")
    NewsReleaseFactory(title_fr="La diaspora malienne en France", body_fr="<p>Texte.</p>")

    assert titles(search_content(query="diaspora", language="fr")) == [
        "La diaspora malienne en France", "Rapport annuel"]


def test_parse_query_keeps_words_and_drops_noise():
    assert parse_query("  Réinstallation   des  Réfugiés ").clauses == [["reinstallation"], ["refugie"]]
    assert parse_query("retour or rapatriement").clauses == [["retour", "rapatriement"]]
    assert parse_query("asile -dublin").excluded == ["dublin"]
    assert parse_query("").problem == "empty"
    assert parse_query("a").problem == "too_short"
    assert parse_query("?!;--").problem == "no_words"
    assert parse_query("le la les").problem == "no_words"
    long = parse_query("migration " * 100)
    assert long.truncated and len(long.text) <= MAX_QUERY_LENGTH


# --- The page --------------------------------------------------------------------


def test_results_page_highlights_matches_and_escapes_everything_else(client):
    NewsReleaseFactory(
        title_fr="Arrivées à Lampedusa <b>",
        lead_fr="Lampedusa <img src=x onerror=alert(1)> et le port",
        body_fr="<p>À Lampedusa, &lt;script&gt;alert(2)&lt;/script&gt; rien.</p>",
    )

    response = client.get(search_url(q="lampedusa"))

    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('<ol class="search-results"')
    results = html[start:html.index("</ol>", start)]
    assert "<mark>Lampedusa</mark>" in results
    assert "Arrivées à <mark>Lampedusa</mark> &lt;b&gt;</a>" in results
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in results
    assert "<img" not in results and "onerror" not in results and "<script" not in results
    assert "1 résultat pour « lampedusa »" in html


def test_results_are_paginated_and_bad_page_numbers_are_handled(client):
    for number in range(23):
        NewsReleaseFactory(title_fr=f"Migration et climat, épisode {number}")

    first = client.get(search_url(q="climat"))
    last = client.get(search_url(q="climat", page=3))
    junk = client.get(search_url(q="climat", page="abc"))
    beyond = client.get(search_url(q="climat", page=999))

    assert first.status_code == last.status_code == junk.status_code == beyond.status_code == 200
    assert len(first.context["hits"]) == 10 and first.context["paginator"].count == 23
    assert len(last.context["hits"]) == 3
    assert junk.context["page_obj"].number == 1
    assert beyond.context["page_obj"].number == 3
    assert 'rel="next"' in first.content.decode() and "page=2" in first.content.decode()


@pytest.mark.parametrize(
    "query, message",
    [
        ("", "Saisissez un ou plusieurs mots"),
        ("a", "au moins deux lettres"),
        ("?!… ;-- ***", "aucun mot à chercher"),
        ("le la les", "aucun mot à chercher"),
        ("'; DROP TABLE news_newsrelease; --", "Aucun contenu ne correspond"),
        ("<script>alert(1)</script>", "Aucun contenu ne correspond"),
        ("\x00\x01 zéro", "Aucun contenu ne correspond"),
        ('"""', "aucun mot à chercher"),
        ("-", "aucun mot à chercher"),
        ("a" * 1000, "seuls ses 200 premiers caractères"),
        ("migration " * 100, "seuls ses 200 premiers caractères"),
    ],
)
def test_empty_or_absurd_queries_get_a_helpful_page(client, query, message):
    NewsReleaseFactory(title_fr="Communiqué sans rapport")

    response = client.get(search_url(q=query))

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Recherches fréquentes" in html or "résultat" in html
    assert "<script>alert(1)" not in html
    assert NewsReleaseFactory._meta.model.objects.count() == 1


def test_english_page_marks_french_fallback_text(client):
    NewsReleaseFactory(title_fr="Réinstallation depuis le Niger", title_en="", body_en="", lead_en="")

    html = client.get(search_url("en", q="niger")).content.decode()

    assert 'lang="fr"' in html
    assert "<mark>Niger</mark>" in html


# --- Cost -------------------------------------------------------------------------


def test_search_runs_three_queries_whatever_the_amount_of_content(django_assert_num_queries):
    area = ProgrammeAreaFactory(title_fr="Climat et migration")
    for number in range(40):
        NewsReleaseFactory(title_fr=f"Climat {number}", programme_areas=[area])
    PartnerFactory(name_fr="Observatoire du climat")

    with django_assert_num_queries(3), override("fr"):
        results = search_content(query="climat", language="fr")
        assert results.count() == 42
        hits = results[0:10]
    assert len(hits) == 10
    with django_assert_num_queries(0):
        search_content(query="?", language="fr")[0:10]


def _page_queries(client, query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(search_url(q=query))
    assert response.status_code == 200
    assert response.get("X-Cache") != "HIT"
    return len(captured)


@pytest.fixture
def no_page_cache(settings):
    """The page's own queries, not the anonymous page cache's (tested in test_cache.py)."""
    settings.PAGE_CACHE_SECONDS = 0


#: The search's page of hits with their count + texts of the page (the layout's pages are kept by content version).
SEARCH_PAGE_QUERIES = 2


def _bulk_releases(count, title):
    NewsRelease.objects.bulk_create(
        (NewsRelease(title_fr=f"{title} {n}", title_en=f"{title} {n}", slug_fr=f"bulk-{n}", slug_en=f"bulk-{n}",
                     body_fr="<p>Texte sur l’asile et la protection.</p>", status=Status.PUBLISHED,
                     publication_date=timezone.now() - timezone.timedelta(days=1))
         for n in range(count)),
        batch_size=500,
    )


def test_search_page_query_count_is_pinned_at_10_and_at_5000_releases(client, no_page_cache):
    _bulk_releases(10, "Asile")
    client.get(search_url(q="asile"))  # the site's identity, read once into the empty cache and kept (identity/)
    few = _page_queries(client, "asile")
    NewsRelease.objects.all().delete()
    _bulk_releases(5000, "Asile")
    for number in range(5):
        PartnerFactory(name_fr=f"Partenaire asile {number}")
    # After a content change the first page renews what is kept by content version (core.cache): once.
    client.get(search_url(q="asile"))
    many = _page_queries(client, "asile")

    assert few == many == SEARCH_PAGE_QUERIES


# --- PostgreSQL only -------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_uses_the_unaccented_french_configuration(postgres):
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('french_unaccent', 'Réinstallations')::text")
        assert cursor.fetchone()[0] == "'reinstall':1"
    NewsReleaseFactory(title_fr="Les réfugiés réinstallés", body_fr="")

    results = search_content(query="refugie reinstalle", language="fr")

    assert results.count() == 1
    with override("fr"):
        [hit] = results[0:10]
    assert "<mark>réfugiés</mark>" in str(hit.title)


@pytest.mark.postgres
@pytest.mark.parametrize("language", ["fr", "en"])
def test_postgres_matches_news_through_the_stored_vector_index(postgres, language):
    NewsReleaseFactory(title_fr="Réinstallation", title_en="Resettlement")
    NewsRelease.objects.bulk_create(
        NewsRelease(title_fr=f"Communiqué {n}", title_en=f"Release {n}", slug_fr=f"c-{n}", slug_en=f"r-{n}",
                    body_fr="<p>Texte sur l’intégration.</p>", status=Status.PUBLISHED)
        for n in range(500)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE news_newsrelease")
    results = search_content(query={"fr": "reinstallation", "en": "resettlement"}[language], language=language)
    news = results.kinds_by_key["news"]
    match = NewsRelease.objects.alias(v=news.search_vector(language)).filter(v=results._pg_query()).order_by()
    sql, params = match.values_list("pk").query.sql_with_params()

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # at 500 rows a scan is cheap; can the index serve?
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert f"news_newsrelease_search_{language}_gin" in plan
    assert results.count() == 1


@pytest.mark.postgres
def test_postgres_stored_vectors_hold_what_the_search_kinds_describe(postgres):
    """The generated columns of migration 0002 and the registered search documents must not drift apart."""
    from search.engine import searchable_kinds

    area = ProgrammeAreaFactory(title_fr="Intégration", title_en="", summary_fr="Résumé", body_fr="<p>Corps</p>")
    office = OfficeFactory(role_fr="Bureau pays", summary_en="Country office")
    NewsReleaseFactory(title_en="", dateline_en="")
    PageFactory(summary_fr="Résumé de page")
    PartnerFactory(acronym_fr="HCR", headquarters_city_en="Geneva")
    ProjectFactory(area=area, acronym="COMMIT", countries_fr="Niger, Mali")
    PersonFactory(office=office, job_title_en="")

    for kind in searchable_kinds():
        for language in ("fr", "en"):
            rows = kind.model._default_manager.annotate(
                stored=kind.search_vector(language), live=kind.vector(language)).values_list("stored", "live")
            assert rows and all(stored == live for stored, live in rows), (kind.key, language)


@pytest.mark.postgres
def test_postgres_excerpt_is_built_by_ts_headline_and_escaped(postgres):
    body = "<p>Début. " + "Mot " * 80 + "puis la <em>Méditerranée</em> &amp; 3 &lt; 4. Et la suite du texte.</p>"
    NewsReleaseFactory(title_fr="Titre", lead_fr="", body_fr=body)

    with override("fr"):
        [hit] = search_content(query="mediterranee", language="fr")[0:10]

    assert "<mark>Méditerranée</mark>" in hit.excerpt
    assert "&amp; 3 &lt; 4" in hit.excerpt
    assert "<em>" not in hit.excerpt and "Début" not in hit.excerpt


# --- What the search's cost rests on ---------------------------------------------------------------


def test_the_page_asked_for_comes_with_the_count_in_one_query(django_assert_num_queries):
    for number in range(23):
        NewsReleaseFactory(title_fr=f"Climat {number}")
    with override("fr"):
        expected = titles(search_content(query="climat", language="fr"))
        for window, shown in (((0, 10), slice(0, 10)), ((20, 30), slice(20, 23))):
            # The count and the page's hits, then their texts; the paginator cuts the last page at the count.
            with django_assert_num_queries(2):
                results = search_content(query="climat", language="fr", window=window)
                assert results.count() == 23
                hits = results[shown]
            assert [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in hits] == expected[shown]
        # Past the end, the window finds no hit and the count is read on its own.
        results = search_content(query="climat", language="fr", window=(990, 1000))
        assert results.count() == 23 and results[20:23]


def test_the_block_tags_of_the_excerpts_are_one_set_for_python_and_postgresql():
    import re

    from search.engine import BLOCK_ELEMENTS, _trie

    names = re.compile(f"(?:{_trie(BLOCK_ELEMENTS)})")
    others = ["a", "b", "em", "span", "param", "progress", "h7", "hgroup", "t", "tt", "tablex", "lix", "pr", "fig"]
    assert all(names.fullmatch(name) for name in BLOCK_ELEMENTS)
    assert not any(names.fullmatch(name) for name in others)


@pytest.mark.postgres
def test_postgres_reads_the_block_tags_of_both_patterns_alike(postgres):
    from search.engine import BLOCK_TAG, BLOCK_TAG_SQL

    samples = ["<P>a</P>b", "<pre x>c</pre>", "<param>d", "<p/>e", "<BR/>f<br >g", "<h2\tclass=x>h</h2>", "<thead>",
               "<theadx>i", "<li>j</li><lix>", "<P\nclass='a'>k", "<strong>l</strong>m", "n<p", "<p>>o", "<hr><HR/>"]
    with connection.cursor() as cursor:
        for sample in samples:
            cursor.execute("SELECT regexp_replace(%s, %s, ' ', 'gi'), regexp_replace(%s, %s, ' ', 'gi')",
                           [sample, BLOCK_TAG, sample, BLOCK_TAG_SQL])
            flat, trie = cursor.fetchone()
            assert flat == trie, sample


@pytest.mark.postgres
def test_postgres_sql_built_once_follows_the_query_and_the_clock(postgres):
    """The SQL is compiled once per language: the query text and the moment "now" are its parameters."""
    import time_machine

    from search.engine import compiled_sql

    compiled_sql.clear()
    NewsReleaseFactory(title_fr="Réinstallation au Niger")
    in_two_hours = timezone.now() + timezone.timedelta(hours=2)
    later = NewsReleaseFactory(title_fr="Réinstallation au Mali", publication_date=in_two_hours)
    NewsReleaseFactory(title_fr="Intégration à Lyon")
    with override("fr"):
        assert titles(search_content(query="réinstallation", language="fr")) == ["Réinstallation au Niger"]
        entries = len(compiled_sql.entries)
        assert titles(search_content(query="intégration", language="fr")) == ["Intégration à Lyon"]
        assert len(compiled_sql.entries) == entries  # the same SQL, another query
        with time_machine.travel(later.publication_date + timezone.timedelta(minutes=1)):
            found = titles(search_content(query="réinstallation", language="fr"))
    assert sorted(found) == ["Réinstallation au Mali", "Réinstallation au Niger"]
