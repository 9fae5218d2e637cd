"""The cold-page and mixed-traffic measurements' parts that need no 60 s run (bench/mixed.py).

The URL population and the pages the checker asks for are built on a small
demo database and every one is requested; the Zipf weights, the checker's
verdicts and the tables' PASS/FAIL are computed on made-up figures.
"""

import io
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from bench import mixed
from news.models import NewsRelease
from partners.models import Partner

# --- Zipf ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("s", [0.8, 1.0, 1.2])
def test_zipf_weights_fall_with_rank_sum_to_one_and_follow_the_exponent(s):
    weights = mixed.zipf_weights(1000, s)

    assert len(weights) == 1000
    assert sum(weights) == pytest.approx(1.0)
    assert all(a > b for a, b in zip(weights, weights[1:], strict=False))
    # p(rank) is proportional to 1/rank^s: doubling the rank divides the weight by 2^s.
    assert weights[0] / weights[1] == pytest.approx(2**s)
    assert weights[9] / weights[99] == pytest.approx(10**s)


def test_zipf_weights_of_nothing_and_of_one():
    assert mixed.zipf_weights(0) == []
    assert mixed.zipf_weights(1) == [1.0]


def test_weighted_file_lists_each_path_with_its_weight_most_popular_first(tmp_path):
    entries = [{"path": f"/fr/page-{n}/", "kind": "page"} for n in range(50)]
    file = tmp_path / "population.tsv"

    weights = mixed.write_weighted(file, entries, s=1.1)

    lines = file.read_text().splitlines()
    assert [line.split("\t")[1] for line in lines] == [entry["path"] for entry in entries]
    assert [float(line.split("\t")[0]) for line in lines] == pytest.approx(weights)
    assert weights == pytest.approx(mixed.zipf_weights(50, 1.1))


def test_share_by_bucket_names_the_buckets_zipf_lua_counts():
    shares = mixed.share_by_bucket(mixed.zipf_weights(5000))

    assert list(shares) == ["1", "2-10", "11-100", "101-1000", "1001+"]
    assert sum(shares.values()) == pytest.approx(1.0)
    assert shares["1"] == pytest.approx(1 / sum(1 / rank for rank in range(1, 5001)))


# --- The URL population on a small database -----------------------------------------------------------


@pytest.fixture
def demo_site(db, public_site):
    call_command("generate_demo_content", news=25, partners=3, areas=2, projects_per_area=1, offices=1,
                 people_per_office=2, stdout=io.StringIO())


def test_every_url_of_the_population_answers_200(demo_site, client):
    population = mixed.ranked_population(searches=12, recent=5)

    failures = [(entry["path"], status) for entry in population
                if (status := client.get(entry["path"]).status_code) != 200]
    assert failures == []
    kinds = {entry["kind"] for entry in population}
    assert {"home", "news list", "news list page", "news list filter", "release", "area", "partner", "office",
            "team", "feed", "area feed", "sitemap", "search", "vcard"} <= kinds


def test_population_holds_every_public_page_once_in_both_languages(demo_site, client):
    population = mixed.ranked_population(searches=12, recent=5)
    paths = [entry["path"] for entry in population]

    assert len(paths) == len(set(paths))
    releases = NewsRelease.objects.published()
    for release in releases:
        assert f"/fr/actualites/{release.slug_fr}/" in paths
        assert f"/en/news/{release.slug_en}/" in paths
    pages = -(-releases.count() // 10)
    assert "/fr/actualites/?page=2" in paths and f"/en/news/?page={pages}" in paths
    assert sum(1 for entry in population if entry["kind"] == "search") == 12
    assert {path.split("/")[1] for path in paths if path.startswith(("/fr/", "/en/"))} == {"fr", "en"}
    # Every address of the sitemap is in it.
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {urlsplit(node.text).path for node in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert locations and locations <= set(paths)


def test_population_is_ranked_home_and_lists_first_newest_releases_before_old_ones(demo_site):
    population = mixed.ranked_population(searches=12, recent=5, seed=3)
    paths = [entry["path"] for entry in population]

    assert paths[:4] == ["/fr/", "/fr/actualites/", "/en/", "/en/news/"]
    newest = [f"/fr/actualites/{slug}/" for slug in NewsRelease.objects.published().values_list("slug_fr", flat=True)]
    assert max(paths.index(path) for path in newest[:5]) < min(paths.index(path) for path in newest[5:])
    # The order is fixed by the seed.
    assert [entry["path"] for entry in mixed.ranked_population(searches=12, recent=5, seed=3)] == paths
    assert [entry["path"] for entry in mixed.ranked_population(searches=12, recent=5, seed=4)] != paths


def test_cold_paths_answer_200_for_each_row(demo_site, client):
    cold = mixed.cold_paths(releases=10, searches=6)

    assert list(cold) == mixed.COLD_PAGES
    assert len(cold["news detail"]) == 20 and len(cold["search"]) == 6
    for name, paths in cold.items():
        assert paths, name
        assert {path.split("/")[1] for path in paths} == {"fr", "en"}, name
        for path in paths:
            # What cold.lua sends: an unknown parameter the views ignore.
            separator = "&" if "?" in path else "?"
            assert client.get(f"{path}{separator}bench=t-1-1").status_code == 200, path


# --- The editor and the pages that show its changes ------------------------------------------------------


def client_fetch(client):
    def fetch(path):
        response = client.get(path)
        return response.status_code, dict(response.headers), response.content

    return fetch


def test_each_change_is_found_on_every_page_the_checker_asks_for(demo_site, client):
    before = {"releases": NewsRelease.objects.count(),
              "titles": dict(NewsRelease.objects.values_list("pk", "title_fr")),
              "names": dict(Partner.objects.values_list("pk", "name_en"))}
    editor = mixed.Editor(seed=2, run="test")
    fetch = client_fetch(client)

    for number, kind in enumerate(mixed.Editor.KINDS * 2):
        change = editor.change(number)
        assert change["kind"] == kind
        checks = mixed.check_pages(change["pages"], change["marker"], change["present"], fetch, workers=1)
        assert [check for check in checks if not check["ok"]] == [], change
        labels = " ".join(check["label"] for check in checks)
        if kind == "publish":
            # A new release is on the first page of every list of releases, and found by its marker.
            for words in ("release (fr)", "release (en)", "news list page 1", "home (fr)", "RSS feed (en)",
                          "Atom feed", "area ", "partner ", "search"):
                assert words in labels, words
        if kind == "edit partner":
            assert {"partner (fr)", "partner list (en)", "release naming it (fr)"} <= {c["label"] for c in checks}
        if kind == "unpublish":
            assert {check["status"] for check in checks if check["label"].startswith("release (")} == {404}

    assert len(editor.created) == 2 and editor.titles and editor.names
    editor.restore()
    assert NewsRelease.objects.count() == before["releases"]
    assert dict(NewsRelease.objects.values_list("pk", "title_fr")) == before["titles"]
    assert dict(Partner.objects.values_list("pk", "name_en")) == before["names"]


def test_an_edit_of_a_live_release_goes_through_a_draft_and_publishing(demo_site):
    from reversion.models import Version

    from editorial.models import Draft

    editor = mixed.Editor(seed=5, run="test")
    editor.release_edits = 1  # the next edit is of a release from the archive
    change = editor.edit_release()

    release = NewsRelease.objects.get(pk=int(change["object"].split(":")[1]))
    assert release.title_fr.startswith(change["marker"]) and release.title_en.startswith(change["marker"])
    assert Version.objects.get_for_object(release).first().revision.comment == "Publié"
    assert not Draft.objects.for_object(release).exists()


# --- The checker's verdicts -------------------------------------------------------------------------


def fake_fetch(pages):
    """fetch() over a dict {path: (status, body)}; anything else refuses the connection."""

    def fetch(path):
        if path not in pages:
            raise ConnectionRefusedError(path)
        status, body = pages[path]
        return status, {"X-Cache": "HIT"}, body.encode()

    return fetch


def test_a_stale_page_is_reported_and_fresh_ones_are_not():
    fetch = fake_fetch({
        "/fr/fresh/": (200, "<h1>zqxab Titre</h1>"),
        "/fr/stale/": (200, "<h1>Ancien titre</h1>"),
        "/fr/recherche/?q=zqxab": (200, '<input value="zqxab"><a href="/fr/actualites/r/">'),
        "/fr/broken/": (500, "zqxab"),
    })
    pages = [("fresh", "/fr/fresh/", None), ("stale", "/fr/stale/", None),
             ("search", "/fr/recherche/?q=zqxab", "/fr/actualites/r/"), ("broken", "/fr/broken/", None),
             ("down", "/fr/down/", None)]

    checks = {check["label"]: check for check in mixed.check_pages(pages, "zqxab", True, fetch)}

    assert checks["fresh"]["ok"] and checks["search"]["ok"]
    assert not checks["stale"]["ok"] and checks["stale"]["x_cache"] == "HIT"
    assert not checks["broken"]["ok"] and not checks["down"]["ok"] and "error" in checks["down"]


def test_after_an_unpublish_a_page_still_showing_it_is_stale():
    fetch = fake_fetch({
        "/fr/actualites/r/": (404, "Page introuvable"),
        "/fr/actualites/": (200, "<li>zqxab Titre</li>"),
        "/fr/": (200, "<li>Autre</li>"),
        "/fr/recherche/?q=zqxab": (200, '<input value="zqxab"> Aucun résultat'),
        "/fr/actualites/flux/rss/": (503, ""),
    })
    pages = [("release", "/fr/actualites/r/", None), ("list", "/fr/actualites/", None), ("home", "/fr/", None),
             ("search", "/fr/recherche/?q=zqxab", "/fr/actualites/r/"), ("feed", "/fr/actualites/flux/rss/", None)]

    checks = {check["label"]: check["ok"] for check in mixed.check_pages(pages, "zqxab", False, fetch)}

    assert checks == {"release": True, "list": False, "home": True, "search": True, "feed": False}


class FakeEditor:
    def __init__(self, fail_at=None):
        self.fail_at = fail_at

    def change(self, number):
        if number == self.fail_at:
            raise RuntimeError("not published: image without alternative text")
        return {"kind": mixed.Editor.KINDS[number % 4], "marker": f"zqx{number}", "object": "news.newsrelease:1",
                "present": True, "pages": [("fresh", "/fresh/", None), ("cached", "/cached/", None)]}


def test_run_editor_records_each_change_and_the_stale_pages(monkeypatch):
    monkeypatch.setattr(mixed.time, "sleep", lambda seconds: None)

    def fetch(path):
        return 200, {}, (b"zqx0 zqx1 zqx2 zqx3" if path == "/fresh/" else b"old")

    changes = mixed.run_editor(FakeEditor(fail_at=1), fetch, duration=20, interval=5, log=lambda message: None)

    assert [change["n"] for change in changes] == [0, 1, 2, 3]
    assert changes[1]["error"] and not changes[1]["ok"]
    summary = mixed.summarize_changes(changes, planned=4)
    assert summary["changes"] == 4 and summary["failed_changes"][0]["n"] == 1
    assert summary["pages_checked"] == 6 and summary["pages_ok"] == 3
    assert {stale["path"] for stale in summary["stale"]} == {"/cached/"}


def test_planned_changes_one_every_interval_from_half_an_interval():
    assert mixed.planned_changes(60, 5) == 12
    assert mixed.planned_changes(20, 5) == 4
    assert mixed.planned_changes(2, 5) == 0


# --- PASS / FAIL ----------------------------------------------------------------------------------


def cold_row(rps, ratio, requests=100, misses=100, non_200=0, errors=0):
    return {"rps": rps, "ratio": ratio, "requests": requests, "misses": misses, "non_200": non_200, "errors": errors}


def test_cold_rows_pass_at_ten_percent_of_the_ceiling_and_only_when_every_request_missed():
    checks = mixed.cold_checks({
        "home": cold_row(120, 0.12),
        "news list": cold_row(99, 0.099),
        "search": cold_row(300, 0.30, misses=40),
        "partner": cold_row(150, 0.15, non_200=2),
        "news detail": cold_row(100, 0.10),
    })

    assert [ok for _text, ok in checks] == [True, False, False, False, True]
    assert "12.0%" in checks[0][0] and "not a cold measurement: 40 misses of 100" in checks[2][0]


def mixed_result(**changes):
    result = {"ratio": 0.55, "p99_ms": 120.0, "errors": 0, "error_detail": {},
              "edits": {"changes": 12, "planned": 12, "pages_ok": 150, "pages_checked": 150, "stale": [],
                        "failed_changes": []}}
    for key, value in changes.items():
        if key in result["edits"]:
            result["edits"][key] = value
        else:
            result[key] = value
    return result


def test_mixed_targets():
    assert [ok for _text, ok in mixed.mixed_checks(mixed_result())] == [True, True, True, True]
    assert [ok for _text, ok in mixed.mixed_checks(mixed_result(ratio=0.49, p99_ms=150.0, errors=3))] == [
        False, False, False, True]
    stale = mixed.mixed_checks(mixed_result(stale=[{"path": "/fr/", "n": 3}], pages_ok=149))
    assert not stale[3][1] and "/fr/" in stale[3][0]
    assert not mixed.mixed_checks(mixed_result(changes=0, pages_checked=0, pages_ok=0))[3][1]
    failed = mixed.mixed_checks(mixed_result(failed_changes=[{"n": 1, "kind": "publish", "error": "x"}]))
    assert not failed[3][1]
