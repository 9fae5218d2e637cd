"""Run by bench/run.py with the bench settings: the pages to measure and their query counts.

Prints one JSON object: for each page its path, HTTP status and the number of
SQL queries of a request (the second one, so one-off work is not counted),
measured with CaptureQueriesContext through the test client.
"""

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

from news.models import NewsRelease  # noqa: E402
from programmes.models import ProgrammeArea  # noqa: E402

SEARCH_TERMS = os.environ.get("BENCH_SEARCH", "réinstallation")


def main():
    with override("fr"):
        release = NewsRelease.objects.published().filter(slug_fr__startswith="demo-").first()
        area = ProgrammeArea.objects.published().first()
        pages = {
            "home": reverse("home"),
            "news list": reverse("news:list"),
            "news detail": release.get_absolute_url() if release else None,
            "programme area": area.get_absolute_url() if area else None,
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
    print(json.dumps(result))


if __name__ == "__main__":
    main()
