"""Test settings: the real settings, with a test secret and fast hashing."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret")

from oim_site.settings import *  # noqa: E402,F403

# A content type of the tests' own, that tests/oim_site/test_registry.py registers and unregisters.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.throwaway"]  # noqa: F405

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Hashed static names are tested on a real collectstatic run, not here.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405

# Each test process is a separate site with a test database of its own: without
# Redis it keeps its cache in its own memory, so that one's content-version
# bumps and cache.clear() never reach another running at the same time. The
# shared file cache of production is tested in tests/operations, whose
# servers run with the real settings and a DJANGO_CACHE_DIR of their own.
if not REDIS_URL and not os.environ.get("DJANGO_CACHE_DIR"):  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Parallel test workers (pytest-xdist) each get their own Redis database, so
# that one worker's cache.clear() or content-version bump never reaches
# another worker's test.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker[2:].isdigit():  # noqa: F405
    from urllib.parse import urlparse

    _redis = urlparse(REDIS_URL)  # noqa: F405
    _db = int(_redis.path.strip("/") or 0) + 1 + int(_worker[2:])
    CACHES["default"]["LOCATION"] = _redis._replace(path=f"/{_db}").geturl()  # noqa: F405
