"""Run by bench/run.py with the bench settings: the pages to measure and their query counts.

Prints one JSON object: for each page its path, HTTP status and the number of
SQL queries of a request (the second one, so one-off work is not counted),
measured with CaptureQueriesContext through the test client.

With ``--cold FILE`` it also writes the paths each row of the cold-page table
rotates over, and with ``--population FILE`` the mixed traffic's ranked URL
population, both found through the ORM (bench/mixed.py; BENCH_SEARCHES
distinct searches, BENCH_SEED for the order of the long tail).
"""

import argparse
import json
import os
import sys
from urllib.parse import quote

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils.translation import override  # noqa: E402

from bench import mixed  # noqa: E402
from news.models import NewsRelease  # noqa: E402
from partners.models import Partner  # noqa: E402
from programmes.models import ProgrammeArea  # noqa: E402

SEARCH_TERMS = os.environ.get("BENCH_SEARCH", "réinstallation")
SEARCHES = int(os.environ.get("BENCH_SEARCHES", mixed.DEFAULT_SEARCHES))
SEED = int(os.environ.get("BENCH_SEED", 1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cold", help="write the cold-page table's paths (JSON) here")
    parser.add_argument("--population", help="write the mixed traffic's ranked URL population (JSON) here")
    args = parser.parse_args()
    with override("fr"):
        release = NewsRelease.objects.published().filter(slug_fr__startswith="demo-").first()
        area = ProgrammeArea.objects.published().first()
        partner = Partner.objects.published().filter(slug_fr__startswith="demo-").first()
        pages = {
            "home": reverse("home"),
            "news list": reverse("news:list"),
            "news detail": release.get_absolute_url() if release else None,
            "programme area": area.get_absolute_url() if area else None,
            "partner": partner.get_absolute_url() if partner else None,
            "search": f"{reverse('search')}?q={quote(SEARCH_TERMS)}",
            "ceiling": reverse("bench_ceiling"),
        }
    client = Client(HTTP_HOST="127.0.0.1")
    result = {"releases": NewsRelease.objects.count(), "pages": {}}
    for name, path in pages.items():
        if path is None:
            result["pages"][name] = {"path": None, "status": None, "queries": None}
            continue
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        result["pages"][name] = {"path": path, "status": response.status_code, "queries": len(captured)}
    if args.cold:
        cold = mixed.cold_paths(seed=SEED, searches=SEARCHES)
        with open(args.cold, "w", encoding="utf-8") as out:
            json.dump(cold, out)
        result["cold_paths"] = {name: len(paths) for name, paths in cold.items()}
    if args.population:
        population = mixed.ranked_population(seed=SEED, searches=SEARCHES)
        with open(args.population, "w", encoding="utf-8") as out:
            json.dump(population, out)
        result["population"] = len(population)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
