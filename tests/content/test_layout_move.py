"""Data made by main before the layout move (tests/data/pre_layout, see build.py there) survives it.

The database files hold the shipped content, two revisions of a page, of a
release and of a partner, preview links to a page and a release, and a
redirect. Migrating them moves standalone pages from ``oim_site`` to
``pages``: the rows, their history, their preview links and the permissions
must all still be attached to the same pages.
"""

import json
import lzma
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from content.transfer import import_content
from pages.models import Page

DATA = Path(__file__).resolve().parent.parent / "data" / "pre_layout"
ROOT = Path(settings.BASE_DIR)

# Run in a fresh process on the migrated database: what an operator would see after `manage.py migrate`.
CHECK = r"""
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from reversion.models import Version
from editorial.models import PreviewLink
from pages.models import Page
page = Page.objects.get(slug_fr="a-propos")
links = list(PreviewLink.objects.all())
client = Client()
print(json.dumps({
    "content_types": sorted(ContentType.objects.filter(model="page").values_list("app_label", flat=True)),
    "pages": Page.objects.count(),
    "page_versions": Version.objects.get_for_object(page).count(),
    "previewed": sorted(type(link.content_object).__name__ for link in links),
    "preview_status": [client.get(f"/fr/preview/{link.token}/").status_code for link in links],
    "about_status": client.get("/fr/pages/" + page.slug_fr + "/").status_code,
    "publishers_may_publish_pages": Group.objects.get(name="Publication").permissions.filter(
        content_type__app_label="pages", codename="publish_page").exists(),
}))
"""


def _migrate_and_inspect(database_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "tests.settings",
           "MEDIA_ROOT": str(tmp_path / "media"), "PAGE_CACHE_SECONDS": "0", "DJANGO_ALLOWED_HOSTS": "testserver"}
    env.pop("REDIS_URL", None)
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _assert_survived(found):
    assert found["content_types"] == ["pages"]
    assert found["pages"] == 10
    assert found["page_versions"] == 2
    assert found["previewed"] == ["NewsRelease", "Page"]
    assert found["preview_status"] == [200, 200]
    assert found["about_status"] == 200
    assert found["publishers_may_publish_pages"] is True


def test_sqlite_database_from_before_the_move_migrates_with_history_and_preview_links(tmp_path):
    database = tmp_path / "before.sqlite3"
    database.write_bytes(lzma.decompress((DATA / "main-before-layout.sqlite3.xz").read_bytes()))
    _assert_survived(_migrate_and_inspect(f"sqlite:///{database}", tmp_path))


@pytest.mark.postgres
def test_postgres_database_from_before_the_move_migrates_with_history_and_preview_links(postgres, tmp_path):
    import psycopg2

    params = settings.DATABASES["default"]
    name = f"oim_layout_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    dsn = dict(host=params["HOST"] or "127.0.0.1", port=params["PORT"] or 5432, user=params["USER"],
               password=params["PASSWORD"] or None)
    admin = psycopg2.connect(dbname="postgres", **dsn)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        with psycopg2.connect(dbname=name, **dsn) as restore, restore.cursor() as cursor:
            cursor.execute(lzma.decompress((DATA / "main-before-layout.pg.sql.xz").read_bytes()).decode())
        restore.close()
        password = f":{dsn['password']}" if dsn["password"] else ""
        found = _migrate_and_inspect(f"postgres://{dsn['user']}{password}@{dsn['host']}:{dsn['port']}/{name}",
                                     tmp_path)
        _assert_survived(found)
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.django_db
def test_export_file_from_before_the_move_imports_into_the_new_layout():
    document = json.loads(lzma.decompress((DATA / "export.json.xz").read_bytes()))
    assert any(entry["model"] == "oim_site.page" for entry in document["objects"])

    counts = import_content(document)

    assert counts["pages.page"] == 10
    assert Page.objects.get(slug_fr="a-propos").get_absolute_url() == "/fr/pages/a-propos/"
    # Its partners' logos (inline image fields then) arrive as library images, alternative texts with them.
    from library.models import Image
    from partners.models import Partner

    logos = {partner.logo for partner in Partner.objects.select_related("logo")}
    assert logos and None not in logos and len(logos) == Image.objects.count() == counts["library.image"]
    for logo in logos:
        assert logo.file.name.startswith("partners/") and logo.alt_text_fr and logo.width and len(logo.checksum) == 64
    assert import_content(document).get("library.image", 0) == 0  # a second import reuses them
