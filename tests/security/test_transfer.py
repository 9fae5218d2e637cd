"""Nothing is lost: export_content / import_content round trip, all or nothing.

The round trip is compared column by column with raw SQL on every content
table (both languages, slugs, status, dates, timestamps, keys), every
many-to-many row and the bytes of every media file.
"""

import io
import json

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.core.serializers.base import DeserializedObject
from django.db import connection
from django.utils import timezone

from content.transfer import content_models, delete_content
from core.models import Status
from news.models import NewsRelease
from pages.models import Page
from tests import factories
from tests.conftest import make_image_bytes

COMPARED = {"fields": 0}


def snapshot():
    """{table: rows} for every content table and its many-to-many tables, read with raw SQL."""
    tables = {}
    for model in content_models():
        tables[model._meta.db_table] = [f.column for f in model._meta.concrete_fields]
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            tables[through._meta.db_table] = [f.column for f in through._meta.concrete_fields if not f.primary_key]
    data = {}
    with connection.cursor() as cursor:
        for table, columns in tables.items():
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)} ORDER BY {quoted}")
            data[table] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return data


def media_files():
    found = {}

    def walk(folder):
        if not default_storage.exists(folder or "."):
            return
        dirs, files = default_storage.listdir(folder or ".")
        for name in files:
            path = f"{folder}/{name}" if folder else name
            with default_storage.open(path, "rb") as file:
                found[path] = file.read()
        for name in dirs:
            walk(f"{folder}/{name}" if folder else name)

    walk("")
    return found


@pytest.fixture
def full_site(db, png_upload):
    """Every content model, every translated field in both languages, every kind of relation, media."""
    editor_image = default_storage.save("editor/2026/11/abc.png", SimpleUploadedFile("x", make_image_bytes("PNG")))
    parent = factories.PageFactory(summary_fr="Résumé", summary_en="Summary", show_in_menu=True, order=3,
                                   section="news:list")
    factories.PageFactory(parent=parent, status=Status.DRAFT, body_fr=f'<p>Image <img src="/media/{editor_image}" '
                          'alt="Carte"></p>', body_en="<p>English body</p>")
    office = factories.OfficeFactory(address_en="11 Paris street", role_fr="Bureau pays", role_en="Country office",
                                     summary_fr="Résumé", summary_en="Summary", description_fr="<p>Desc</p>",
                                     description_en="<p>Desc EN</p>", postal_code="75008",
                                     opening_date=timezone.now().date(), order=2)
    factories.ActivityDomainFactory(office=office, description_fr="Texte", description_en="Text", order=4)
    contact = factories.PersonFactory(office=office, show_on_team_page=False, order=5)
    factories.PersonFactory(office=None)
    partner = factories.PartnerFactory(logo=png_upload("logo.png"), logo_alt_fr="Logo", logo_alt_en="Logo EN",
                                       acronym_en="EN", headquarters_city_en="Geneva", body_fr="<p>Coop</p>",
                                       body_en="<p>Coop EN</p>", order=6)
    area = factories.ProgrammeAreaFactory(body_fr="<h2>Titre</h2><p>Texte</p>", body_en="<p>Text</p>", order=7)
    area.contacts.set([contact])
    factories.ProjectFactory(area=area, summary_fr="Résumé", summary_en="Summary", countries_fr="Liban",
                             countries_en="Lebanon", url="https://www.iom.int/", order=8)
    factories.PublicationFactory(area=area, file=factories.pdf_upload("rapport.pdf"), url="")
    release = factories.NewsReleaseFactory(image=png_upload("photo.jpg", fmt="JPEG"), image_alt_fr="Photo",
                                           image_alt_en="Photo EN", image_credit_fr="OIM", image_credit_en="IOM",
                                           programme_areas=[area], partners=[partner], media_contacts=[contact])
    factories.NewsReleaseFactory(status=Status.DRAFT, publication_date=timezone.now() + timezone.timedelta(days=3))
    factories.RelatedLinkFactory(release=release, order=2)
    if apps.is_installed("editorial"):
        apps.get_model("editorial.redirect").objects.create(old_path="/fr/ancien/", new_path="/fr/nouveau/")
    return release


def empty_everything():
    for model in reversed(content_models()):
        delete_content(model)
    for path in media_files():
        default_storage.delete(path)


def test_round_trip_restores_every_field_relation_and_file(full_site, tmp_path):
    before, files_before = snapshot(), media_files()
    assert len(files_before) == 4  # editor image, partner logo, publication PDF, release image
    export = tmp_path / "export.json"
    out = io.StringIO()
    call_command("export_content", str(export), stdout=out)
    assert "Export terminé" in out.getvalue()

    empty_everything()
    assert all(rows == [] for rows in snapshot().values()) and media_files() == {}

    out = io.StringIO()
    call_command("import_content", str(export), stdout=out)
    assert "news.newsrelease : 2 objet(s)" in out.getvalue()
    after = snapshot()
    assert after == before
    assert media_files() == files_before
    compared = sum(len(rows) * len(rows[0]) for rows in before.values() if rows) + len(files_before)
    assert compared > 250
    COMPARED["fields"] = compared
    print(f"\nround trip: {compared} values compared over {len(before)} tables and {len(files_before)} files")

    # The site works with the imported content: new rows get fresh keys (sequences moved past the imported ones).
    assert factories.NewsReleaseFactory().pk > max(row["id"] for row in before["news_newsrelease"])
    assert factories.PersonFactory(office=None).pk > max(row["id"] for row in before["offices_person"])


def test_import_is_idempotent_and_replace_removes_the_rest(full_site, tmp_path):
    export = tmp_path / "export.json"
    call_command("export_content", str(export), verbosity=0)
    before = snapshot()
    call_command("import_content", str(export), verbosity=0)
    assert snapshot() == before  # importing over itself changes nothing
    extra = factories.PageFactory(title_fr="Ajoutée après l’export")
    call_command("import_content", str(export), verbosity=0)
    assert Page.objects.filter(pk=extra.pk).exists()  # plain import keeps what it does not know
    call_command("import_content", str(export), "--replace", verbosity=0)
    assert not Page.objects.filter(pk=extra.pk).exists()
    assert snapshot() == before


def test_export_to_stdout_is_the_json_and_progress_goes_to_stderr(full_site, capsys):
    err = io.StringIO()
    call_command("export_content", "-", stderr=err)
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "oim-content-export"
    assert document["counts"]["news.newsrelease"] == 2
    assert "Export terminé" in err.getvalue()


@pytest.mark.parametrize("fail_after", [0, 6, 13])
def test_a_failure_halfway_leaves_the_database_as_it_was(full_site, tmp_path, monkeypatch, fail_after):
    export = tmp_path / "export.json"
    call_command("export_content", str(export), verbosity=0)
    document = json.loads(export.read_text())
    for entry in document["objects"]:  # an import that would change every release's title
        if entry["model"] == "news.newsrelease":
            entry["fields"]["title_fr"] += " (modifié)"
    export.write_text(json.dumps(document))
    factories.PageFactory(title_fr="Pas dans l’export")
    before, files_before = snapshot(), media_files()
    for path in files_before:
        default_storage.delete(path)
    files_before = media_files()

    original = DeserializedObject.save
    calls = {"n": 0}

    def flaky_save(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > fail_after:
            raise RuntimeError("disque plein")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(DeserializedObject, "save", flaky_save)
    with pytest.raises(RuntimeError, match="disque plein"):
        call_command("import_content", str(export), "--replace", verbosity=0)
    assert calls["n"] == fail_after + 1
    assert snapshot() == before  # neither the --replace deletion nor the first rows stayed
    assert media_files() == files_before  # and no file was written


def _export_document(tmp_path):
    export = tmp_path / "export.json"
    call_command("export_content", str(export), verbosity=0)
    return json.loads(export.read_text())


def _import(tmp_path, document):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document))
    call_command("import_content", str(path), verbosity=0)


def test_import_sanitises_rich_text_in_both_languages(full_site, tmp_path):
    document = _export_document(tmp_path)
    for entry in document["objects"]:
        if entry["model"] == "news.newsrelease":
            entry["fields"]["body_fr"] = '<p onclick="x()">ok<script>alert(1)</script></p>'
            entry["fields"]["body_en"] = '<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>'
    _import(tmp_path, document)
    for body_fr, body_en in NewsRelease.objects.values_list("body_fr", "body_en"):
        assert body_fr == "<p>ok</p>"
        assert "javascript" not in body_en and "onerror" not in body_en


@pytest.mark.parametrize("spoil", ["javascript_link", "html_as_image", "path_traversal", "checksum", "unknown_model",
                                   "wrong_format", "dangling_foreign_key"])
def test_hostile_or_broken_exports_are_refused_and_nothing_changes(full_site, tmp_path, media_root, spoil):
    document = _export_document(tmp_path)
    before = snapshot()
    if spoil == "javascript_link":
        next(e for e in document["objects"] if e["model"] == "news.relatedlink")["fields"]["url"] = "javascript:x"
    elif spoil == "html_as_image":
        import base64
        import hashlib

        data = b"<html><script>alert(1)</script></html>"
        path = next(p for p in document["media"] if p.startswith("library/images/"))
        document["media"][path] = {"sha256": hashlib.sha256(data).hexdigest(), "data": base64.b64encode(data).decode()}
    elif spoil == "path_traversal":
        document["media"]["../../settings.py"] = next(iter(document["media"].values()))
    elif spoil == "checksum":
        next(iter(document["media"].values()))["sha256"] = "0" * 64
    elif spoil == "unknown_model":
        document["objects"].append({"model": "auth.user", "pk": 99, "fields": {"username": "intrus"}})
    elif spoil == "wrong_format":
        document["format"] = "autre-chose"
    elif spoil == "dangling_foreign_key":
        next(e for e in document["objects"] if e["model"] == "news.relatedlink")["fields"]["release"] = 999_999
    with pytest.raises(CommandError, match="Rien n’a été importé|seuls les liens|FOREIGN KEY|foreign key|"
                                           "violates|invalid foreign key"):
        try:
            _import(tmp_path, document)
        except Exception as exc:  # a database integrity error is also a refusal, as long as nothing changed
            if isinstance(exc, CommandError):
                raise
            raise CommandError(f"{type(exc).__name__}: {exc}") from exc
    assert snapshot() == before
    assert not (media_root.parent / "settings.py").exists()
