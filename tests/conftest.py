"""Fixtures shared by the whole suite.

Tests that need PostgreSQL, Redis or Chromium skip with the reason on a
newcomer's machine and fail in CI (CI=true), where all three must be there.
"""

import io
import os
import shutil
import socket
from urllib.parse import urlparse

import pytest
from django.conf import settings
from PIL import Image

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def require(condition, reason):
    """Skip with a reason on a developer machine; fail in CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must provide this: {reason}")
    pytest.skip(reason)


def _reachable(url, default_port):
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def postgres():
    require(settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
            "needs PostgreSQL: run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/oim")


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL", "")
    require(bool(url) and _reachable(url, 6379), "needs Redis: run with REDIS_URL=redis://127.0.0.1:6379/0")
    return url


@pytest.fixture
def chromium_path():
    found = os.path.exists(CHROMIUM) or shutil.which("chromium")
    require(found, f"needs Chromium at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    """Every test writes its uploads (and the files kept across a refused save) to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PENDING_UPLOADS_DIR = tmp_path / "pending-uploads"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _french_by_default():
    """Each test starts in French, the site's language.

    Django's test client leaves the language of its last request active in the
    thread; without this a test would see English after another test's /en/ page.
    """
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def public_site(settings):
    """The page cache off: view tests count and see the views' own work.

    The page cache (core.cache) is tested on its own.
    """
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def make_image_bytes(fmt="PNG", size=(64, 48), color=(0, 51, 160), exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


@pytest.fixture
def png_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(name="photo.png", fmt="PNG", **kwargs):
        content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp", "GIF": "image/gif"}[fmt]
        return SimpleUploadedFile(name, make_image_bytes(fmt, **kwargs), content_type=content_type)

    return make


@pytest.fixture
def editor(db):
    from tests.factories import UserFactory

    return UserFactory(groups=["Rédaction"])


@pytest.fixture
def publisher(db):
    from tests.factories import UserFactory

    return UserFactory(groups=["Publication"])
