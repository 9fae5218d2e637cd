"""Two app instances on the same PostgreSQL and Redis always agree.

A publisher publishes through instance A's admin; a reader on instance B,
whose copy of the list page was cached a moment before, sees the release on
the very next request.
"""

import http.cookiejar
import os
import re
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils.translation import override

from core.models import Status
from tests.factories import PASSWORD, NewsReleaseFactory, UserFactory
from tests.servers import gunicorn_servers

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]



def database_url():
    db = connection.settings_dict
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}/{db['NAME']}"


@pytest.fixture
def instances(postgres, redis_url):
    # The instances share this test's cache database (a worker of its own under xdist).
    env = {
        **{key: value for key, value in os.environ.items() if key != "PYTEST_XDIST_WORKER"},
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.CACHES["default"]["LOCATION"],
        "DJANGO_DEBUG": "0",
        "PAGE_CACHE_SECONDS": "600",
    }
    with gunicorn_servers(env, count=2) as urls:
        yield urls


class Browser:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.headers, response.read().decode()

    def post(self, path, data):
        token = next(c.value for c in self.jar if c.name == "csrftoken")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=10) as response:
            return response.read().decode()


def test_a_publish_through_one_instance_is_seen_at_once_through_the_other(instances):
    a, b = instances
    release = NewsReleaseFactory(title_fr="Communiqué en attente", status=Status.DRAFT)
    UserFactory(username="publieur", groups=["Publication"])

    with override("fr"):
        release_list = reverse("news:list")
    reader = Browser(b)
    _headers, before = reader.get(release_list)
    assert "Communiqué en attente" not in before
    headers, _ = reader.get(release_list)
    assert headers["X-Cache"] == "HIT"

    publisher = Browser(a)
    _headers, login_page = publisher.get("/admin/login/")
    assert re.search(r'name="csrfmiddlewaretoken"', login_page)
    publisher.post("/admin/login/?next=/admin/", {"username": "publieur", "password": PASSWORD})
    publisher.get("/admin/news/newsrelease/")
    publisher.post("/admin/news/newsrelease/", {"action": "publish", "_selected_action": [release.pk]})
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED

    headers, after = reader.get(release_list)
    assert headers["X-Cache"] == "MISS"
    assert "Communiqué en attente" in after
