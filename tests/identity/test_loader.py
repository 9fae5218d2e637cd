"""The shipped identity: made once by load_initial_content, with an emblem of our own; Publication's edits stay."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage

from content.data import IDENTITY
from identity.models import SiteIdentity
from library.models import Image
from tests import factories

pytestmark = pytest.mark.django_db

EMBLEM_TITLE = "Emblème provisoire (à remplacer par l’emblème officiel)"


def load(*args):
    out = StringIO()
    call_command("load_initial_content", "--no-input", *args, stdout=out, verbosity=1)
    return out.getvalue()


def row():
    return SiteIdentity.objects.values().get()


def test_the_loader_makes_the_identity_in_both_languages_with_a_provisional_emblem():
    out = load()
    identity = SiteIdentity.objects.select_related("emblem").get()
    assert (identity.name_fr, identity.name_en) == ("OIM France", "IOM France")
    assert identity.parent_name_en == "International Organization for Migration"
    assert identity.tagline_en == "International Organization for Migration — France office"
    emblem = identity.emblem
    assert emblem.title == EMBLEM_TITLE and emblem.collection.name == "Identité du site"
    assert emblem.alt_text_fr and emblem.alt_text_en
    with emblem.file.open("rb"), PILImage.open(emblem.file) as picture:
        assert picture.format == "PNG" and picture.size == (512, 512)
    assert identity.social_links == []  # none given by the old site: none invented
    assert "Identité du site : 1 créé(s)" in out


def test_a_second_run_changes_nothing():
    load()
    before, images = row(), list(Image.objects.values())
    with CaptureQueriesContext(connection) as queries:
        out = load()
    writes = [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]
    assert writes == []
    assert row() == before and list(Image.objects.values()) == images
    assert "Identité du site : 1 inchangé(s)" in out


def test_what_publication_changed_stays_unless_reset(png_upload):
    load()
    official = factories.LibraryImageFactory(file=png_upload("iom.png", size=(300, 300)))
    SiteIdentity.objects.update(name_en="IOM France office", emblem=official)
    out = load()
    assert SiteIdentity.objects.get().name_en == "IOM France office" and "modifié(s) dans l’admin" in out

    load("--reset")
    identity = SiteIdentity.objects.get()
    assert identity.name_en == IDENTITY["fields"]["name_en"]
    # The emblem Publication chose is never replaced by the stand-in.
    assert identity.emblem_id == official.pk


def test_reset_gives_back_an_emblem_only_where_there_is_none():
    load()
    SiteIdentity.objects.update(emblem=None)
    load("--reset")
    assert SiteIdentity.objects.get().emblem.title == EMBLEM_TITLE


def test_a_dry_run_makes_no_identity_and_no_file(media_root):
    out = StringIO()
    call_command("load_initial_content", "--dry-run", stdout=out, verbosity=1)
    assert not SiteIdentity.objects.exists() and not Image.objects.filter(title=EMBLEM_TITLE).exists()
    assert not list(media_root.glob("library/images/**/*.png"))
    assert "Identité du site : 1 créé(s)" in out.getvalue()


def test_pages_show_the_shipped_identity(client):
    load()
    emblem = SiteIdentity.objects.get().emblem
    page = client.get("/en/").content.decode()
    assert '<meta property="og:site_name" content="IOM France">' in page
    assert f'"logo": "http://testserver{emblem.file.url}"' in page  # the JSON-LD organisation's logo
