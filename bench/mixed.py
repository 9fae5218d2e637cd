"""The cold-page and mixed-traffic measurements of `make bench` (issue 15): their URLs, editor and checker.

bench/run.py drives them; this module holds the parts that can be tested
without a 60 s run (tests/bench/):

- The URL population: every public page of the database in French and
  English (home, every page of the news list, the list filtered by area and by
  year, every release, programme area, partner, office and standalone page,
  the team page, the feeds, the sitemap, the contact cards) plus a few hundred
  searches made of words of the release titles, ranked in a plausible order
  of popularity (:func:`ranked_population`), and the Zipf weights 1/rank^s
  (:func:`zipf_weights`) that bench/zipf.lua samples from.
- The cold-page URLs (:func:`cold_paths`): for each measured page, the
  addresses wrk rotates over (bench/cold.lua makes each request distinct).
- The editor (``python bench/mixed.py editor …``, a process of its own with
  the server's settings and database): every few seconds one change through
  the editorial services, as the admin makes it — publish a new release,
  edit a live release's title, edit a partner's name, unpublish a release —
  each with a unique marker word; then the checker asks the running site for
  every page that must show the change (:func:`release_pages`…) and records
  which pages were stale (:func:`check_pages`).
- The PASS/FAIL of both tables (:func:`cold_checks`, :func:`mixed_checks`).

Nothing here imports Django at import time: the functions that need it set
it up (bench.settings) or are called where it is set up (queries.py, tests).
"""

import argparse
import http.client
import json
import math
import os
import random
import re
import string
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent

#: The Zipf exponent (BENCH_ZIPF_S): web page popularity is usually measured between 0.8 and 1.2.
DEFAULT_ZIPF_S = 1.0
#: Distinct searches in the population (half French, half English; BENCH_SEARCHES).
DEFAULT_SEARCHES = 300
#: Releases whose pages the cold "news detail" measurement rotates over.
COLD_RELEASES = 2000
#: The word every change's marker starts with: found in no demo text.
MARKER_PREFIX = "zqx"
LANGUAGES = ("fr", "en")

TARGETS = {
    "cold_ratio": 0.10,
    "mixed_ratio": 0.50,
    "mixed_p99_ms": 150,
}

#: The cold-page table's rows, in order (the names of queries.py's pages).
COLD_PAGES = ["home", "news list", "news detail", "programme area", "partner", "search"]


# --- Zipf ------------------------------------------------------------------------------------


def zipf_weights(count, s=DEFAULT_ZIPF_S):
    """The probability of each rank 1..count under Zipf's law with exponent ``s``: 1/rank^s, normalised."""
    if count <= 0:
        return []
    raw = [1.0 / rank**s for rank in range(1, count + 1)]
    total = sum(raw)
    return [weight / total for weight in raw]


def write_weighted(path, entries, s=DEFAULT_ZIPF_S):
    """The file bench/zipf.lua reads: one ``weight<TAB>path`` line per URL, most popular first."""
    weights = zipf_weights(len(entries), s)
    with open(path, "w", encoding="utf-8") as out:
        for weight, entry in zip(weights, entries, strict=True):
            out.write(f"{weight:.12e}\t{entry['path']}\n")
    return weights


def share_by_bucket(weights, edges=(1, 10, 100, 1000)):
    """Expected share of the requests by rank: 1, 2-10, 11-100, 101-1000, 1001+ (the buckets zipf.lua counts)."""
    shares, start = {}, 0
    for edge in edges:
        shares[f"{start + 1}-{edge}" if edge > start + 1 else str(edge)] = sum(weights[start:edge])
        start = edge
    shares[f"{start + 1}+"] = sum(weights[start:])
    return shares


# --- Django ----------------------------------------------------------------------------------


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def _words(text):
    return [word for word in re.findall(r"[^\W\d_]+", (text or "").lower()) if len(word) >= 5]


def search_terms(count=DEFAULT_SEARCHES):
    """``count`` distinct searches, (language, terms), most frequent first: single words and word pairs of titles.

    Half are French, half English; in each, two thirds single words (the
    commonest of five letters or more) and one third pairs of neighbouring
    words, which is what people type into a site's search box.
    """
    from news.models import NewsRelease

    titles = list(NewsRelease.objects.published().values_list("title_fr", "title_en"))
    terms = []
    for index, language in enumerate(LANGUAGES):
        singles, pairs = Counter(), Counter()
        for row in titles:
            words = _words(row[index] or row[0])
            singles.update(words)
            pairs.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
        wanted = count // 2 + (count % 2 if index == 0 else 0)
        single_count = wanted - wanted // 3
        chosen = [word for word, _n in singles.most_common(single_count)]
        chosen += [pair for pair, _n in pairs.most_common(wanted - len(chosen))]
        terms.append([(language, term) for term in chosen])
    # Interleaved, so that the most frequent of both languages come first.
    merged = []
    for number in range(max(len(terms[0]), len(terms[1]))):
        merged += [column[number] for column in terms if number < len(column)]
    return merged


def search_path(language, terms):
    from django.urls import reverse
    from django.utils.translation import override

    with override(language):
        return f"{reverse('search')}?q={quote(terms)}"


def _paged(path, page):
    if page <= 1:
        return path
    return f"{path}{'&' if '?' in path else '?'}page={page}"


def _interleave(streams):
    """One item of each stream in turn until all are exhausted."""
    streams = [list(stream) for stream in streams]
    merged, index = [], 0
    while any(streams):
        for stream in streams:
            if len(stream) > index:
                merged.append(stream[index])
        index += 1
        if all(len(stream) <= index for stream in streams):
            break
    return merged


def ranked_population(seed=1, searches=DEFAULT_SEARCHES, recent=100):
    """Every public page in French and English, plus ``searches`` searches, most popular first.

    Returns [{"path", "kind"}]. The order: first the pages every visitor
    passes (home, news list, the listings, the feeds, in French then English),
    then, interleaved, the ``recent`` newest releases, the detail pages of
    areas, partners, offices and standalone pages, the most frequent
    searches and the next list pages and filters; then the long tail (older
    releases, deep list pages, the other searches, the area feeds, contact
    cards, the sitemap) in a random order fixed by ``seed``. Each path is listed once.
    """
    from django.urls import reverse
    from django.utils.translation import override

    from news.models import NewsRelease
    from news.views import NewsListView
    from offices.models import Office, Person
    from pages.models import Page
    from partners.models import Partner
    from programmes.models import ProgrammeArea

    rng = random.Random(seed)
    per_page = NewsListView.paginate_by
    releases = list(NewsRelease.objects.published().select_related(None).only("pk", "slug_fr", "slug_en"))
    areas = list(ProgrammeArea.objects.published())
    partners = list(Partner.objects.published())
    offices = list(Office.objects.published())
    pages = [page for page in Page.objects.published() if not page.section]
    people = list(Person.objects.public().values_list("pk", flat=True))
    has_team = Person.objects.on_team_page().exists()
    years = [date.year for date in NewsRelease.objects.published().dates("publication_date", "year", order="DESC")]
    list_pages = max(1, -(-len(releases) // per_page))

    by_language = {}
    for language in LANGUAGES:
        with override(language):
            news_list = reverse("news:list")
            by_language[language] = {
                "head": [
                    (reverse("home"), "home"), (news_list, "news list"), (reverse("partners:list"), "partner list"),
                    (reverse("programmes:list"), "area list"), (reverse("offices:list"), "office list"),
                    (reverse("news:feed_rss"), "feed"), *([(reverse("offices:team"), "team")] if has_team else []),
                    (reverse("news:feed_atom"), "feed"),
                    *([(_paged(news_list, 2), "news list page")] if list_pages > 1 else []),
                ],
                "recent": [(release.get_absolute_url(), "release") for release in releases[:recent]],
                "entities": [(obj.get_absolute_url(), kind) for kind, objects in
                             (("area", areas), ("partner", partners), ("office", offices), ("page", pages))
                             for obj in objects],
                "listings": [(_paged(news_list, page), "news list page") for page in range(3, min(list_pages, 10) + 1)]
                + [(f"{news_list}?area={area.pk}", "news list filter") for area in areas]
                + [(f"{news_list}?year={year}", "news list filter") for year in years],
                "tail": [(release.get_absolute_url(), "release") for release in releases[recent:]]
                + [(_paged(news_list, page), "news list page") for page in range(11, list_pages + 1)]
                + [(reverse(name, kwargs={"area": area.slug}), "area feed") for area in areas
                   for name in ("news:area_feed_rss", "news:area_feed_atom")]
                + [(reverse("person_vcard", kwargs={"pk": pk}), "vcard") for pk in people],
            }
    fr, en = by_language["fr"], by_language["en"]
    searched = [(search_path(language, terms), "search") for language, terms in search_terms(searches)]
    popular_searches = searched[: len(searched) // 3]

    def both(group):
        return _interleave([fr[group], en[group]])

    entities = both("entities")
    rng.shuffle(entities)
    listings = both("listings")
    head = [*fr["head"][:2], *en["head"][:2], *_interleave([fr["head"][2:], en["head"][2:]])]
    middle = _interleave([both("recent"), entities, popular_searches, listings])
    # The sitemap is for crawlers, which read it a few times a day: it is in the long tail.
    tail = both("tail") + searched[len(popular_searches):] + [(reverse("sitemap"), "sitemap")]
    rng.shuffle(tail)
    seen, ranked = set(), []
    for path, kind in head + middle + tail:
        if path not in seen:
            seen.add(path)
            ranked.append({"path": path, "kind": kind})
    return ranked


def cold_paths(seed=1, releases=COLD_RELEASES, searches=DEFAULT_SEARCHES):
    """For each row of the cold-page table, the paths its requests rotate over (French and English)."""
    from django.urls import reverse
    from django.utils.translation import override

    from news.models import NewsRelease
    from partners.models import Partner
    from programmes.models import ProgrammeArea

    rng = random.Random(seed)
    pks = list(NewsRelease.objects.published().values_list("pk", flat=True))
    chosen = set(rng.sample(pks, min(releases, len(pks))))
    sample = list(NewsRelease.objects.filter(pk__in=chosen).select_related(None).only("pk", "slug_fr", "slug_en"))
    rng.shuffle(sample)
    areas = list(ProgrammeArea.objects.published())
    partners = list(Partner.objects.published())
    paths = {name: [] for name in COLD_PAGES}
    for language in LANGUAGES:
        with override(language):
            paths["home"].append(reverse("home"))
            paths["news list"].append(reverse("news:list"))
            paths["news detail"] += [release.get_absolute_url() for release in sample]
            paths["programme area"] += [area.get_absolute_url() for area in areas]
            paths["partner"] += [partner.get_absolute_url() for partner in partners]
    paths["search"] = [search_path(language, terms) for language, terms in search_terms(searches)]
    # French and English alternate, so that any stretch of the rotation has both.
    for name, found in paths.items():
        half = len(found) // 2
        if name != "search" and half and len(found) == 2 * half:
            paths[name] = _interleave([found[:half], found[half:]])
    return paths


# --- Which pages show a change ---------------------------------------------------------------------


def _rank(queryset, release):
    """How many items of ``queryset`` (newest first, like every list of releases) come before ``release``."""
    from django.db.models import Q

    return queryset.filter(Q(publication_date__gt=release.publication_date)
                           | Q(publication_date=release.publication_date, pk__gt=release.pk)).count()


def release_pages(release):
    """[(label, path, needle)] of the public pages that show the published ``release``, French and English.

    The needle is None for pages that show its title (the caller looks for
    its marker) and the release's own address for the search (the search page
    repeats what was searched, so the title's words are found there in any
    case). A list shows it when its rank puts it on that page, with the
    views' own sizes: the home page's cards, a feed's items, an area's or a
    partner's recent releases, the news list's page size.
    """
    from django.urls import reverse
    from django.utils.translation import override

    from news.feeds import ITEMS as FEED_ITEMS
    from news.models import NewsRelease
    from news.views import NewsListView
    from oim_site.views import HomeView
    from partners.views import PartnerDetailView
    from programmes.views import ProgrammeAreaDetailView

    per_page = NewsListView.paginate_by
    published = NewsRelease.objects.published()
    rank = _rank(published, release)
    year = release.publication_date.year
    year_rank = _rank(published.filter(publication_date__year=year), release)
    areas = [(area, _rank(area.news_releases.published(), release)) for area in release.programme_areas.published()]
    partners = [(partner, _rank(partner.news_releases.published(), release))
                for partner in release.partners.published()]
    pages = []
    for language in LANGUAGES:
        with override(language):
            news_list = reverse("news:list")
            pages.append((f"release ({language})", release.get_absolute_url(), None))
            pages.append((f"news list page {rank // per_page + 1} ({language})",
                          _paged(news_list, rank // per_page + 1), None))
            if rank < HomeView.cards:
                pages.append((f"home ({language})", reverse("home"), None))
            if rank < FEED_ITEMS:
                pages.append((f"RSS feed ({language})", reverse("news:feed_rss"), None))
                if language == "fr":
                    pages.append(("Atom feed (fr)", reverse("news:feed_atom"), None))
            for area, area_rank in areas:
                if area_rank < ProgrammeAreaDetailView.recent_news:
                    pages.append((f"area {area.slug} ({language})", area.get_absolute_url(), None))
                if language == "fr":
                    pages.append((f"news list, area {area.pk}, page {area_rank // per_page + 1} (fr)",
                                  _paged(f"{news_list}?area={area.pk}", area_rank // per_page + 1), None))
            for partner, partner_rank in partners:
                if partner_rank < PartnerDetailView.recent_news:
                    pages.append((f"partner {partner.slug} ({language})", partner.get_absolute_url(), None))
            if language == "fr":
                pages.append((f"news list, {year}, page {year_rank // per_page + 1} (fr)",
                              _paged(f"{news_list}?year={year}", year_rank // per_page + 1), None))
    return pages


def search_pages(release, marker):
    """The search for ``marker`` in both languages, with the release's address as the needle."""
    from django.utils.translation import override

    pages = []
    for language in LANGUAGES:
        with override(language):
            pages.append((f"search {marker} ({language})", search_path(language, marker), release.get_absolute_url()))
    return pages


def partner_pages(partner):
    """The partner's page and the partner list (both languages), and the newest release page that names it."""
    from django.urls import reverse
    from django.utils.translation import override

    release = partner.news_releases.published().first()
    pages = []
    for language in LANGUAGES:
        with override(language):
            pages.append((f"partner ({language})", partner.get_absolute_url(), None))
            pages.append((f"partner list ({language})", reverse("partners:list"), None))
            if release is not None:
                pages.append((f"release naming it ({language})", release.get_absolute_url(), None))
    return pages


# --- The checker -------------------------------------------------------------------------------


def http_fetch(port, host="127.0.0.1", timeout=30):
    """A fetch(path) -> (status, headers, body) through the running site, as wrk's requests go."""

    def fetch(path):
        connection = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    return fetch


def check_pages(pages, marker, present, fetch, workers=32):
    """Ask for each page once; [{label, path, expect, status, x_cache, found, ok}].

    The pages are asked for at once (up to ``workers`` at a time), so that
    the check takes about one request's time however loaded the site is.
    A page that must show the change is ok when it answers 200 and holds the
    needle (the marker, or the release's address for a search); a page that
    must no longer show it is ok when it answers 404 (an unpublished release's
    own page) or 200 without the needle. Anything else, a stale page or an
    error, is not ok.
    """

    def one(page):
        label, path, needle = page
        needle = (needle or marker).encode()
        try:
            status, headers, body = fetch(path)
        except OSError as error:
            return {"label": label, "path": path, "expect": "present" if present else "absent",
                    "status": None, "x_cache": "", "found": None, "ok": False, "error": str(error)}
        found = status == 200 and needle in body
        ok = found if present else (status == 404 or (status == 200 and not found))
        return {"label": label, "path": path, "expect": "present" if present else "absent", "status": status,
                "x_cache": headers.get("X-Cache", ""), "found": found, "ok": ok}

    if workers <= 1:
        return [one(page) for page in pages]  # in this thread (a test's client and database)
    with ThreadPoolExecutor(max_workers=min(workers, len(pages)) or 1) as pool:
        return list(pool.map(one, pages))


# --- The editor --------------------------------------------------------------------------------


def _marker_letters(number):
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = string.ascii_lowercase[rest] + letters
    return letters


class Editor:
    """Changes through the editorial services, as the admin's buttons make them, and what they must show.

    Each method makes one change, committed when it returns, and gives back
    {kind, marker, object, present, pages}: the pages the checker must find
    showing (``present``) or no longer showing the marker. The originals are
    kept so that :meth:`restore` leaves the database as it found it.
    """

    KINDS = ("publish", "edit release", "edit partner", "unpublish")

    def __init__(self, seed=1, run=None):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from editorial.roles import PUBLISHERS, roles_setup

        self.rng = random.Random(seed)
        self.run = run or "".join(random.choice(string.ascii_lowercase) for _ in range(4))
        self.count = 0
        if not Group.objects.filter(name=PUBLISHERS).exists():
            roles_setup()
        user, _created = get_user_model().objects.get_or_create(
            username="bench-publisher", defaults={"first_name": "Bench", "last_name": "Publication"})
        user.groups.add(Group.objects.get(name=PUBLISHERS))
        self.user = get_user_model().objects.get(pk=user.pk)  # fresh: no cached permissions
        self.created, self.titles, self.names = [], {}, {}
        self.release_edits = 0
        self.published = []  # created and still online, for unpublish

    def marker(self):
        self.count += 1
        return f"{MARKER_PREFIX}{self.run}{_marker_letters(self.count)}"

    def change(self, number):
        kind = self.KINDS[number % len(self.KINDS)]
        if kind == "unpublish" and not self.published:
            kind = "publish"
        method = {"publish": self.publish, "edit release": self.edit_release, "edit partner": self.edit_partner,
                  "unpublish": self.unpublish}[kind]
        return method()

    def _edit_live(self, obj, change):
        """What the admin does on "Publier" for a live item: its save into a draft, then the draft published."""
        from editorial.drafts import materialized, serialize_graph
        from editorial.workflow import content_publish, draft_save

        with materialized(obj):
            change(obj)
            obj.save()
            graph = serialize_graph(type(obj)._default_manager.get(pk=obj.pk))
        draft_save(obj=obj, graph=graph, user=self.user)
        problems = content_publish(obj=obj, user=self.user)
        if problems:
            raise RuntimeError(f"not published: {'; '.join(str(problem) for problem in problems)}")
        obj.refresh_from_db()

    def publish(self):
        from content.management.commands.generate_demo_content import NOTICE_EN, NOTICE_FR
        from core.models import Status
        from editorial.workflow import content_publish
        from news.models import NewsRelease
        from partners.models import Partner
        from programmes.models import ProgrammeArea

        marker = self.marker()
        areas = list(ProgrammeArea.objects.published())
        partners = list(Partner.objects.published())
        number = len(self.created) + 1
        release = NewsRelease(
            title_fr=f"{marker} : communiqué du test de charge n° {number}",
            title_en=f"{marker}: load test release no. {number}",
            slug_fr=f"demo-bench-{self.run}-{number}", slug_en=f"demo-bench-{self.run}-{number}-en",
            dateline_fr="Paris", dateline_en="Paris",
            lead_fr="Un communiqué publié pendant la mesure du trafic mixte.",
            lead_en="A release published while the mixed traffic is measured.",
            body_fr=f"<p>Publié par bench/mixed.py.</p>\n<p><em>{NOTICE_FR}</em></p>",
            body_en=f"<p>Published by bench/mixed.py.</p>\n<p><em>{NOTICE_EN}</em></p>",
            status=Status.DRAFT,
        )
        release.save()  # the admin's add form: a draft row
        self.created.append(release.pk)
        if areas:
            release.programme_areas.set([self.rng.choice(areas)])
        if partners:
            release.partners.set([self.rng.choice(partners)])
        problems = content_publish(obj=release, user=self.user)
        if problems:
            raise RuntimeError(f"not published: {'; '.join(str(problem) for problem in problems)}")
        release.refresh_from_db()
        self.published.append((release.pk, marker))
        return {"kind": "publish", "marker": marker, "object": f"news.newsrelease:{release.pk}", "present": True,
                "pages": release_pages(release) + search_pages(release, marker)}

    def edit_release(self):
        """A live release's title, alternately one of the ten newest and one from anywhere in the archive."""
        from news.models import NewsRelease

        candidates = NewsRelease.objects.published().exclude(pk__in=[*self.created, *self.titles])
        self.release_edits += 1
        if self.release_edits % 2:
            release = self.rng.choice(list(candidates[:10]))
        else:
            pks = list(candidates.values_list("pk", flat=True))
            release = candidates.get(pk=self.rng.choice(pks))
        marker = self.marker()
        self.titles.setdefault(release.pk, (release.title_fr, release.title_en))

        def retitle(obj):
            obj.title_fr = f"{marker} {obj.title_fr}"[:300]
            obj.title_en = f"{marker} {obj.title_en or obj.title_fr}"[:300]

        self._edit_live(release, retitle)
        return {"kind": "edit release", "marker": marker, "object": f"news.newsrelease:{release.pk}",
                "present": True, "pages": release_pages(release) + search_pages(release, marker)}

    def edit_partner(self):
        from partners.models import Partner

        partners = list(Partner.objects.published().exclude(pk__in=list(self.names)).filter(
            news_releases__isnull=False).distinct())
        partner = self.rng.choice(partners or list(Partner.objects.published()))
        marker = self.marker()
        self.names.setdefault(partner.pk, (partner.name_fr, partner.name_en))

        def rename(obj):
            obj.name_fr = f"{obj.name_fr} {marker}"[:200]
            obj.name_en = f"{obj.name_en or obj.name_fr} {marker}"[:200]

        self._edit_live(partner, rename)
        return {"kind": "edit partner", "marker": marker, "object": f"partners.partner:{partner.pk}",
                "present": True, "pages": partner_pages(partner)}

    def unpublish(self):
        """The oldest release this editor published: it leaves every page that showed it."""
        from editorial.workflow import content_unpublish
        from news.models import NewsRelease

        pk, marker = self.published.pop(0)
        release = NewsRelease.objects.get(pk=pk)
        pages = release_pages(release) + search_pages(release, marker)  # where it was, before it goes
        content_unpublish(obj=release, user=self.user)
        return {"kind": "unpublish", "marker": marker, "object": f"news.newsrelease:{pk}", "present": False,
                "pages": pages}

    def restore(self):
        """Put back the titles and names, delete the releases created (and their history)."""
        from django.contrib.contenttypes.models import ContentType
        from reversion.models import Version

        from editorial.models import Draft
        from news.models import NewsRelease
        from partners.models import Partner

        for pk, (title_fr, title_en) in self.titles.items():
            release = NewsRelease.objects.get(pk=pk)
            release.title_fr, release.title_en = title_fr, title_en
            release.save()
        for pk, (name_fr, name_en) in self.names.items():
            partner = Partner.objects.get(pk=pk)
            partner.name_fr, partner.name_en = name_fr, name_en
            partner.save()
        if self.created:
            kind = ContentType.objects.get_for_model(NewsRelease)
            keys = [str(pk) for pk in self.created]
            Version.objects.filter(content_type=kind, object_id__in=keys).delete()
            Draft.objects.filter(content_type=kind, object_id__in=self.created).delete()
            NewsRelease.objects.filter(pk__in=self.created).delete()
        return {"titles": len(self.titles), "names": len(self.names), "deleted": len(self.created)}


def planned_changes(duration, interval):
    """How many changes a run of ``duration`` s makes, one every ``interval`` s from half an interval on."""
    return max(0, math.ceil((duration - interval / 2) / interval)) if interval > 0 else 0


def run_editor(editor, fetch, *, duration, interval, log=print):
    """One change every ``interval`` s for ``duration`` s (the first after half an interval), each checked.

    A change waits for the check of the one before (a later change would move
    what the earlier one's pages must show); when checks take longer than the
    interval the next change is late (``late_s``), and none starts once
    ``duration`` has passed: the changes are made while the traffic runs.
    """
    changes = []
    started = time.monotonic()
    number = 0
    while number < planned_changes(duration, interval):
        due = started + interval / 2 + number * interval
        time.sleep(max(0.0, due - time.monotonic()))
        if time.monotonic() - started >= duration:
            break
        begun = time.monotonic()
        record = {"n": number, "at_s": round(begun - started, 2), "late_s": round(max(0.0, begun - due), 2)}
        try:
            change = editor.change(number)
        except Exception as error:  # reported, not raised: the run goes on and the target fails
            record.update(kind=Editor.KINDS[number % len(Editor.KINDS)], ok=False, error=repr(error), checks=[])
            changes.append(record)
            log(f"change {number}: {error!r}")
            number += 1
            continue
        committed = time.monotonic()
        checks = check_pages(change.pop("pages"), change["marker"], change["present"], fetch)
        record.update(change, service_s=round(committed - begun, 3), check_s=round(time.monotonic() - committed, 3),
                      checks=checks, ok=all(check["ok"] for check in checks) and bool(checks))
        changes.append(record)
        stale = [check["path"] for check in checks if not check["ok"]]
        log(f"change {number} {record['kind']} {record['marker']}: {len(checks) - len(stale)}/{len(checks)} pages "
            f"up to date{' — STALE: ' + ', '.join(stale) if stale else ''}")
        number += 1
    return changes


def summarize_changes(changes, planned=None):
    checks = [check for change in changes for check in change.get("checks", [])]
    return {
        "changes": len(changes),
        "planned": len(changes) if planned is None else planned,
        "late_s_max": max((change.get("late_s", 0) for change in changes), default=0),
        "by_kind": dict(Counter(change["kind"] for change in changes)),
        "failed_changes": [{"n": c["n"], "kind": c["kind"], "error": c["error"]} for c in changes if c.get("error")],
        "pages_checked": len(checks),
        "pages_ok": sum(1 for check in checks if check["ok"]),
        "stale": [{"n": change["n"], "kind": change["kind"], "marker": change.get("marker"), "path": check["path"],
                   "label": check["label"], "expect": check["expect"], "status": check["status"],
                   "x_cache": check["x_cache"]}
                  for change in changes for check in change.get("checks", []) if not check["ok"]],
    }


# --- PASS / FAIL -------------------------------------------------------------------------------


def cold_checks(rows, target=TARGETS["cold_ratio"]):
    """[(text, ok)] for the cold-page table. ``rows``: {page: {rps, ratio, requests, misses, non_200, errors}}.

    A row passes when it reaches ``target`` of the ceiling and was really
    cold: every request counted answered 200 with X-Cache: MISS.
    """
    checks = []
    for name, row in rows.items():
        cold = row["requests"] > 0 and row["misses"] == row["requests"] and not row["non_200"] and not row["errors"]
        why = "" if cold else (f"; not a cold measurement: {row['misses']} misses of {row['requests']}, "
                               f"{row['non_200']} not 200, {row['errors']} errors")
        checks.append((f"cold {name} >= {target:.0%} of ceiling ({row['ratio'] * 100:.1f}%{why})",
                       cold and row["ratio"] >= target))
    return checks


def mixed_checks(result, targets=TARGETS):
    """[(text, ok)] for the mixed-traffic table, from run.py's ``mixed`` result."""
    edits = result["edits"]
    failed = edits["failed_changes"]
    visible = edits["changes"] > 0 and not failed and not edits["stale"]
    if edits["changes"] == 0:
        visible_why = "no change was made"
    else:
        stale = sorted({page["path"] for page in edits["stale"]})
        planned = edits.get("planned", edits["changes"])
        visible_why = (f"{edits['changes']} changes" + (f" of {planned} planned" if planned != edits["changes"] else "")
                       + f", {edits['pages_ok']}/{edits['pages_checked']} pages up to date"
                       + (f", {len(failed)} changes failed" if failed else "")
                       + (f", stale: {', '.join(stale)}" if stale else ""))
    return [
        (f"mixed throughput >= {targets['mixed_ratio']:.0%} of ceiling ({result['ratio'] * 100:.1f}%)",
         result["ratio"] >= targets["mixed_ratio"]),
        (f"mixed p99 < {targets['mixed_p99_ms']} ms ({result['p99_ms']:.0f} ms)",
         result["p99_ms"] < targets["mixed_p99_ms"]),
        (f"mixed: 0 errors ({result['errors']}: {result.get('error_detail', {})})", result["errors"] == 0),
        (f"mixed: every edit visible on the next request to each page showing it ({visible_why})", visible),
    ]


# --- Command line ------------------------------------------------------------------------------


def editor_main(args):
    setup_django()
    from django.conf import settings

    # Notification mails are not what is measured: kept in memory instead of printed among the bench's lines.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    editor = Editor(seed=args.seed)
    fetch = http_fetch(args.port)

    def log(message):
        print(f"[editor] {message}", file=sys.stderr, flush=True)

    print("READY", flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    changes = []
    try:
        changes = run_editor(editor, fetch, duration=args.duration, interval=args.interval, log=log)
    finally:
        restored = editor.restore()
        Path(args.out).write_text(json.dumps({
            "interval_s": args.interval, "duration_s": args.duration, "run": editor.run,
            "restored": restored, "changes": changes,
            "summary": summarize_changes(changes, planned_changes(args.duration, args.interval)),
        }, indent=1, ensure_ascii=False))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    editor = commands.add_parser("editor", help="make and check changes while the mixed traffic runs")
    editor.add_argument("--port", type=int, required=True)
    editor.add_argument("--duration", type=float, default=60)
    editor.add_argument("--interval", type=float, default=5)
    editor.add_argument("--seed", type=int, default=1)
    editor.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    if args.command == "editor":
        editor_main(args)


if __name__ == "__main__":
    main()
