"""Several gunicorn workers on one machine, without Redis, agree on what is published.

The default single-machine deployment (DJANGO_DEBUG=0, no REDIS_URL, several
workers): the page cache's content version lives in the shared file cache
(DJANGO_CACHE_DIR), so a release unpublished by one process is gone from
every worker on the next request. With a cache private to each process
(LocMemCache) every worker that had the page kept serving it (issue 14).
"""

import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.servers import gunicorn_servers

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Communiqué bientôt retiré"
WORKERS = 3
REQUESTS = 15


@pytest.fixture
def machine(tmp_path):
    """The environment of a production machine: SQLite file, no Redis, debug off."""
    env = {
        **{key: value for key, value in os.environ.items()
           if key not in {"PYTEST_XDIST_WORKER", "REDIS_URL", "DJANGO_DEBUG", "DJANGO_CACHE_DIR"}},
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
        "DJANGO_DEBUG": "0",
        "PAGE_CACHE_SECONDS": "600",
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=120)
    return env


def manage_shell(env, code):
    """Another process of the machine changes content (as an admin request on another worker would)."""
    subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True, timeout=60)


@pytest.fixture
def gunicorn(machine):
    with gunicorn_servers(machine, workers=WORKERS) as (url,):
        yield url


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("X-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache"), ""


def cache_settings(env):
    code = ("import django; django.setup(); from django.conf import settings; c = settings.CACHES['default']; "
            "print(c['BACKEND'].rsplit('.', 1)[-1], c.get('LOCATION', ''))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60, check=True)
    return result.stdout.split()


def test_production_settings_without_redis_share_one_cache_directory(machine):
    assert cache_settings(machine) == ["FileBasedCache", machine["DJANGO_CACHE_DIR"]]
    # Outside the test run (no PYTEST_VERSION) and without DJANGO_CACHE_DIR: var/cache beside the project.
    production = {key: value for key, value in machine.items() if key not in {"DJANGO_CACHE_DIR", "PYTEST_VERSION"}}
    assert cache_settings({**production, "DJANGO_SETTINGS_MODULE": "oim_site.settings",
                           "DJANGO_SECRET_KEY": "x" * 50}) == ["FileBasedCache", str(ROOT / "var" / "cache")]
    assert cache_settings({**production, "DJANGO_DEBUG": "1"})[0] == "LocMemCache"


def test_a_release_unpublished_elsewhere_is_gone_from_every_worker_on_the_next_request(machine, gunicorn):
    manage_shell(machine, f"from tests.factories import NewsReleaseFactory; "
                          f"NewsReleaseFactory(title_fr={TITLE!r}, slug_fr='bientot-retire')")
    news_list, detail = gunicorn + "/fr/actualites/", gunicorn + "/fr/actualites/bientot-retire/"
    # Every worker renders or serves both pages, until the cache answers.
    before = [get(news_list) for _ in range(REQUESTS)] + [get(detail) for _ in range(REQUESTS)]
    assert all(status == 200 and TITLE in body for status, _cache, body in before)
    assert any(cache == "HIT" for _status, cache, _body in before)

    manage_shell(machine, "from core.models import Status; from news.models import NewsRelease; "
                          "release = NewsRelease.objects.get(slug_fr='bientot-retire'); "
                          "release.status = Status.DRAFT; release.save()")

    lists = [get(news_list) for _ in range(REQUESTS)]
    stale = [cache for _status, cache, body in lists if TITLE in body]
    assert stale == [], f"{len(stale)} of {REQUESTS} list pages still show the unpublished release"
    details = [get(detail) for _ in range(REQUESTS)]
    assert [status for status, _cache, _body in details] == [404] * REQUESTS
