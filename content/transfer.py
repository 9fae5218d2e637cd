"""Export and import of all the site's content, with its media, in one JSON file.

What is exported: every registered content type (core.registry: pages,
offices and their activity domains, people, partners, programme areas with
their projects and publications, press releases and their links) and the
editorial redirects, each row with every column (both languages, slugs,
status, dates, timestamps, primary keys), their many-to-many links, and
the media files they use: the files of image and file fields and the files
that rich text points to (/media/… in src or href), embedded in base64 with
their SHA-256.

What is not: user accounts and groups, login attempts, revision history,
preview links, sessions and generated image renditions. Accounts and
history are in the database backup (README.md, "Sauvegarde"); renditions
are rebuilt on demand.

The file is made with Django's serializer ("python" format) so that it
follows the models; an import with a different schema fails loudly instead
of guessing. Import keeps the primary keys, so importing the same file
twice gives the same database (rows are updated in place), and relations
need no remapping.
"""

import base64
import datetime
import hashlib
import io
import json
import re
from collections import Counter
from pathlib import PurePosixPath

from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone, translation
from PIL import Image as PILImage

from core.document_files import KINDS as DOCUMENT_KINDS
from core.document_files import validate_document
from core.fields import RichTextField
from core.images import validate_image
from core.registry import registry
from editorial.models import Redirect

FORMAT = "oim-content-export"
VERSION = 1
#: Model labels of files made before a model moved app, and where the model is now.
MOVED_MODELS = {"oim_site.page": "pages.page"}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


class TransferError(Exception):
    """The export file cannot be imported; the message says why."""


def content_models():
    """The registered content types, in registration order, then the redirects.

    The content apps register in INSTALLED_APPS order, where what a row
    points to comes first; foreign-key checks are deferred to the end of an
    import anyway.
    """
    return [*registry.models(), Redirect]


def _current_labels(objects):
    """Serialised rows with the model labels of today's layout (a file from before a move still imports)."""
    for entry in objects:
        label = entry.get("model") if isinstance(entry, dict) else None
        if label in MOVED_MODELS:
            entry = {**entry, "model": MOVED_MODELS[label]}
        yield entry


#: Files that content rows held themselves before the media library: (model, old field) ->
#: (library model, the row's new field, {library field: the row's field it came from}).
INLINE_FILES = {
    ("news.newsrelease", "image"): ("library.image", "image", {
        "title": "title_fr", "alt_text_fr": "image_alt_fr", "alt_text_en": "image_alt_en",
        "decorative": "image_decorative", "credit_fr": "image_credit_fr", "credit_en": "image_credit_en"}),
    ("partners.partner", "logo"): ("library.image", "logo", {
        "title": "name_fr", "alt_text_fr": "logo_alt_fr", "alt_text_en": "logo_alt_en",
        "decorative": "logo_decorative"}),
    ("programmes.publication", "file"): ("library.document", "document", {"title": "title_fr", "language": "language"}),
}
#: Fields of those rows that went with the file (the alternative text now overrides the library's).
INLINE_FILE_LEFTOVERS = {"image_decorative", "image_credit", "image_credit_fr", "image_credit_en", "logo_decorative",
                         "image_alt", "image_alt_fr", "image_alt_en", "logo_alt", "logo_alt_fr", "logo_alt_en"}


def _into_library(objects, files, *, reuse):
    """Rows of a file made before the media library, pointing at library items made from their own files.

    An item whose file the library already holds is reused (``reuse``: not
    when the import replaces everything), so importing the same old file
    twice makes no duplicates.
    """
    from django.apps import apps

    now = timezone.now().isoformat()
    made, next_pk = [], {}

    def allocate(label, name):
        model = apps.get_model(label)
        if reuse:
            existing = model.objects.filter(file=name).values_list("pk", flat=True).first()
            if existing is not None:
                return existing, False
        if label not in next_pk:
            in_file = [entry.get("pk") for entry in objects if entry.get("model") == label]
            in_db = model.objects.aggregate(top=Max("pk"))["top"] or 0
            next_pk[label] = max([in_db, *(pk for pk in in_file if isinstance(pk, int))]) + 1
        next_pk[label] += 1
        return next_pk[label] - 1, True

    old_fields = {label: old_field for label, old_field in INLINE_FILES}
    upgraded = []
    for entry in objects:
        label = entry.get("model") if isinstance(entry, dict) else None
        fields = entry.get("fields") if label in old_fields else None
        if not isinstance(fields, dict) or not isinstance(fields.get(old_fields[label]), str):
            upgraded.append(entry)
            continue
        fields = dict(fields)  # the caller's document stays as it was
        upgraded.append({**entry, "fields": fields})
        target, new_field, sources = INLINE_FILES[(label, old_fields[label])]
        name = fields.pop(old_fields[label])
        values = {library_field: fields.get(source) for library_field, source in sources.items()}
        for leftover in INLINE_FILE_LEFTOVERS & set(fields):
            if leftover.startswith(("image_alt", "logo_alt")):  # blank: the library's text serves
                fields[leftover] = "" if leftover.endswith("_alt") else None
            else:
                del fields[leftover]
        fields[new_field] = None
        if not name:
            continue
        pk, new = allocate(target, name)
        fields[new_field] = pk
        if new:
            data = files.get(name, b"")
            values = {key: value for key, value in values.items() if value not in (None, "")}
            made.append({"model": target, "pk": pk, "fields": {
                "file": name, "title": str(values.pop("title", name))[:255], "created_at": now, "updated_at": now,
                "file_size": len(data), "checksum": hashlib.sha256(data).hexdigest() if data else "",
                **_file_facts(target, name, data), **values}})
    return [*made, *upgraded]


def _file_facts(target, name, data):
    """Dimensions of an image, the format of a document (already judged by content in _decode_media)."""
    if target == "library.document":
        return {"kind": PurePosixPath(name).suffix.lstrip(".").lower()[:10]}
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            return {"width": image.width, "height": image.height}
    except (OSError, ValueError):
        return {}


def _media_paths(obj):
    """Media files a row uses: its file fields, and /media/ URLs in its rich text."""
    paths = set()
    prefix = settings.MEDIA_URL
    pattern = re.compile(r"""(?:src|href)=["']""" + re.escape(prefix) + r"""([^"'?#]+)""")
    for field in obj._meta.concrete_fields:
        if isinstance(field, models.FileField):
            file = getattr(obj, field.attname)
            if file:
                paths.add(str(file))
        elif isinstance(field, RichTextField):
            paths.update(pattern.findall(getattr(obj, field.attname) or ""))
    return paths


def export_content(*, log=None):
    """The whole content as a JSON-serialisable dict."""
    log = log or (lambda message, level=1: None)
    objects, counts, media_paths = [], {}, set()
    # One snapshot, and the untranslated mirror columns read in the site language.
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        for model in content_models():
            label = model._meta.label_lower
            rows = list(model._default_manager.order_by("pk"))
            for obj in rows:
                media_paths |= _media_paths(obj)
            objects += serializers.serialize("python", rows)
            counts[label] = len(rows)
            log(f"{label} : {len(rows)} objet(s)")
    media = {}
    for path in sorted(media_paths):
        if not default_storage.exists(path):
            log(f"fichier manquant, non exporté : {path}", 0)
            continue
        with default_storage.open(path, "rb") as file:
            data = file.read()
        media[path] = {"sha256": hashlib.sha256(data).hexdigest(), "data": base64.b64encode(data).decode("ascii")}
        log(f"média {path} ({len(data)} octets)", 2)
    log(f"{len(media)} fichier(s) média")
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "counts": counts,
        "objects": objects,
        "media": media,
    }


class _Encoder(DjangoJSONEncoder):
    """Django's encoder keeps milliseconds only; a faithful export keeps every microsecond."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            return o.isoformat()
        return super().default(o)


def dump(document, stream):
    json.dump(document, stream, cls=_Encoder, ensure_ascii=False, indent=1)


def delete_content(model):
    """Delete every row of model, even trees protected against deleting a parent (Page.parent)."""
    for field in model._meta.concrete_fields:
        if field.many_to_one and field.related_model is model and field.null:
            model._default_manager.exclude(**{field.name: None}).update(**{field.name: None})
    return model._default_manager.all().delete()[0]


def _safe_media_path(path):
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in path:
        raise TransferError(f"Chemin de média refusé : {path!r}")
    return str(pure)


def _decode_media(media):
    files = {}
    for path, entry in media.items():
        path = _safe_media_path(path)
        try:
            data = base64.b64decode(entry["data"], validate=True)
        except (KeyError, ValueError, TypeError) as exc:
            raise TransferError(f"Média illisible : {path}") from exc
        if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            raise TransferError(f"Média abîmé (somme SHA-256 différente) : {path}")
        # Judged by content like any upload: an image must be one, a document one of the accepted kinds,
        # and nothing else (HTML, SVG, scripts) comes in, whatever its name.
        suffix = PurePosixPath(path).suffix.lower()
        if suffix in IMAGE_EXTENSIONS:
            validate, kind = validate_image, "Image"
        elif suffix.lstrip(".") in DOCUMENT_KINDS:
            validate, kind = validate_document, "Document"
        else:
            raise TransferError(f"Fichier refusé ({path}) : ni une image ni un document accepté.")
        try:
            validate(ContentFile(data, name=path))
        except ValidationError as exc:
            raise TransferError(f"{kind} refusé(e) ({path}) : {' '.join(exc.messages)}") from exc
        files[path] = data
    return files


def import_content(document, *, replace=False, log=None):
    """Write the exported content into the database, in one transaction. Returns {model label: count}.

    Rich text is sanitised and links checked on the way in (RichTextField and
    URLField do it in get_prep_value, which raw saves still call); images are
    checked by content. Rows are matched by primary key: existing ones are
    updated. With replace=True every content row not in the file is deleted
    first, so the database ends up holding exactly the file's content.
    """
    log = log or (lambda message, level=1: None)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TransferError("Ce fichier n’est pas un export de contenu du site (format inconnu).")
    if document.get("version") != VERSION:
        raise TransferError(f"Version d’export {document.get('version')!r} non prise en charge (attendu : {VERSION}).")
    files = _decode_media(document.get("media") or {})
    models_in_order = content_models()
    known = {model._meta.label_lower for model in models_in_order}
    objects = _into_library(list(_current_labels(document.get("objects") or [])), files, reuse=not replace)
    unknown = {entry.get("model") if isinstance(entry, dict) else entry for entry in objects} - known
    if unknown:
        raise TransferError(f"Modèles inconnus dans l’export : {', '.join(sorted(map(str, unknown)))}")

    counts = Counter()
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        if replace:
            for model in reversed(models_in_order):
                deleted = delete_content(model)
                log(f"{model._meta.label_lower} : contenu existant supprimé ({deleted})", 2)
        with connection.constraint_checks_disabled():
            try:
                for deserialized in serializers.deserialize("python", objects):
                    deserialized.save()
                    label = deserialized.object._meta.label_lower
                    counts[label] += 1
                    log(f"  {label} #{deserialized.object.pk}", 2)
            except serializers.base.DeserializationError as exc:
                raise TransferError(f"Objet illisible dans l’export : {exc}") from exc
        connection.check_constraints(table_names=[model._meta.db_table for model in models_in_order])
        # Rows came with their primary keys: move the sequences past them (PostgreSQL).
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models_in_order):
                cursor.execute(sql)
        for label in (m._meta.label_lower for m in models_in_order):
            log(f"{label} : {counts[label]} objet(s)")
        # Files last: a failure above leaves no file behind; a failure here rolls the rows back.
        for path, data in files.items():
            if default_storage.exists(path):
                with default_storage.open(path, "rb") as current:
                    if current.read() == data:
                        continue
                default_storage.delete(path)
            saved = default_storage.save(path, ContentFile(data))
            if saved != path:
                raise TransferError(f"Le média {path} n’a pas pu être écrit à son adresse (écrit sous {saved}).")
            log(f"média {path}", 2)
        log(f"{len(files)} fichier(s) média")
    return dict(counts)
