"""Moving the files of content into the library, for the content apps' migrations.

Each content item's own image (or file) becomes a library item with the same
stored file (nothing is copied or renamed), its alternative text in both
languages, its "decorative" flag and its credit; the item then points at it.
Backwards, the item gets the file's name back. Only historical models are
used (``apps.get_model``), so later changes to the models do not break it.
"""

import hashlib

from django.core.files.storage import default_storage


def _describe(name):
    """(checksum, size, width, height) of a stored file; blanks for a missing one (it is moved all the same)."""
    try:
        with default_storage.open(name, "rb") as file:
            data = file.read()
    except (OSError, ValueError):
        return "", 0, 0, 0
    width = height = 0
    try:
        import io

        from PIL import Image

        with Image.open(io.BytesIO(data)) as opened:
            width, height = opened.size
    except Exception:  # noqa: BLE001 - a document, or an unreadable image: no dimensions
        pass
    return hashlib.sha256(data).hexdigest(), len(data), width, height


def settle(schema_editor):
    """Check the new foreign keys now: PostgreSQL refuses to alter a table with deferred checks pending,
    and the migration's next operations alter the tables these rows point to."""
    schema_editor.connection.check_constraints()


def images_forwards(apps, app_label, model_name, *, file_field, new_field, title_field, alt_field=None,
                    decorative_field=None, credit_field=None):
    Model = apps.get_model(app_label, model_name)
    Image = apps.get_model("library", "Image")
    for obj in Model.objects.exclude(**{file_field: ""}).exclude(**{f"{file_field}__isnull": True}):
        name = getattr(obj, file_field).name
        checksum, size, width, height = _describe(name)
        values = {
            "file": name, "title": (getattr(obj, f"{title_field}_fr", None) or getattr(obj, title_field) or name)[:255],
            "checksum": checksum, "file_size": size, "width": width, "height": height,
        }
        for code in ("", "_fr", "_en"):
            if alt_field:
                values[f"alt_text{code}"] = getattr(obj, f"{alt_field}{code}", None) or ("" if code == "" else None)
            if credit_field:
                values[f"credit{code}"] = getattr(obj, f"{credit_field}{code}", None) or ("" if code == "" else None)
        if decorative_field:
            values["decorative"] = getattr(obj, decorative_field)
        image = Image.objects.create(**values)
        cleared = {new_field: image}
        if alt_field:
            # The library holds the text now; the item's own field is for overriding it.
            cleared.update({alt_field: "", f"{alt_field}_fr": "", f"{alt_field}_en": ""})
        Model.objects.filter(pk=obj.pk).update(**cleared)


def images_backwards(apps, app_label, model_name, *, file_field, new_field, alt_field=None,
                     decorative_field=None, credit_field=None, **_ignored):
    Model = apps.get_model(app_label, model_name)
    for obj in Model.objects.exclude(**{f"{new_field}__isnull": True}).select_related(new_field):
        image = getattr(obj, new_field)
        values = {file_field: image.file.name}
        for code in ("", "_fr", "_en"):
            if alt_field and not getattr(obj, f"{alt_field}{code}", None):
                values[f"{alt_field}{code}"] = getattr(image, f"alt_text{code}")
            if credit_field:
                values[f"{credit_field}{code}"] = getattr(image, f"credit{code}")
        if decorative_field:
            values[decorative_field] = image.decorative
        Model.objects.filter(pk=obj.pk).update(**values)


def documents_forwards(apps, app_label, model_name, *, file_field, new_field, title_field, language_field=None):
    Model = apps.get_model(app_label, model_name)
    Document = apps.get_model("library", "Document")
    for obj in Model.objects.exclude(**{file_field: ""}).exclude(**{f"{file_field}__isnull": True}):
        name = getattr(obj, file_field).name
        checksum, size, _width, _height = _describe(name)
        document = Document.objects.create(
            file=name, title=(getattr(obj, f"{title_field}_fr", None) or getattr(obj, title_field) or name)[:255],
            checksum=checksum, file_size=size, kind=name.rsplit(".", 1)[-1].lower()[:10] if "." in name else "",
            **({"language": getattr(obj, language_field)} if language_field else {}),
        )
        Model.objects.filter(pk=obj.pk).update(**{new_field: document})


def documents_backwards(apps, app_label, model_name, *, file_field, new_field, **_ignored):
    Model = apps.get_model(app_label, model_name)
    for obj in Model.objects.exclude(**{f"{new_field}__isnull": True}).select_related(new_field):
        Model.objects.filter(pk=obj.pk).update(**{file_field: getattr(obj, new_field).file.name})
