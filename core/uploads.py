"""A chosen file survives a refused save.

Browsers never re-fill a file input: when a change form comes back with an
error (a missing title, a concurrent edit), the image the editor had chosen
would be gone, and the next save would go through without it. The widget
below keeps every uploaded file aside (``PENDING_UPLOADS_DIR``, outside
MEDIA_ROOT: nothing there is served) under a random name, and the form that
comes back carries a signed reference to it; the next save uses it unless
another file is chosen. The field's own checks (core.images) still judge the
file on that save, as on the first.
"""

import os
import secrets

from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.renditions import get_rendition

SALT = "editorial.pending-upload"
#: A kept file is offered back for this long (seconds).
MAX_AGE = 24 * 3600


def pending_storage():
    return FileSystemStorage(location=settings.PENDING_UPLOADS_DIR)


def keep(upload):
    """Store ``upload`` aside; return the signed reference a form carries back."""
    extension = os.path.splitext(upload.name)[1].lower()[:10]
    upload.seek(0)
    stored = pending_storage().save(f"{secrets.token_hex(16)}{extension}", upload)
    upload.seek(0)
    return signing.dumps({"path": stored, "name": os.path.basename(upload.name)[:200]}, salt=SALT)


def restore(token):
    """The kept file of a signed reference, as a fresh upload; None when the reference is bad or old."""
    try:
        kept = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        storage = pending_storage()
        with storage.open(kept["path"], "rb") as file:
            data = file.read()
    except (signing.BadSignature, KeyError, TypeError, OSError, ValueError):
        return None
    return SimpleUploadedFile(kept["name"], data)


def thumbnail(image, alt=""):
    """A small rendition of the image (a library image or a file), for a list column.

    Its size is in editorial/static/editorial/admin.css: no style attribute.
    """
    rendition = get_rendition(image, 240) if image else None
    if rendition is None:
        return "—"
    return format_html('<img src="{}" alt="{}" class="editorial-thumbnail" loading="lazy">', rendition.url, alt)


class KeptFileWidget(AdminFileWidget):
    """The admin's file input, showing the current image, and keeping a new choice across a refused save."""

    def _pending_name(self, name):
        return f"{name}__kept"

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        if isinstance(upload, UploadedFile):
            self.kept_token, self.kept_name = keep(upload), upload.name
            return upload
        token = data.get(self._pending_name(name))
        if upload in (None, False) and token and not data.get(self.clear_checkbox_name(name)):
            restored = restore(token)
            if restored is not None:
                self.kept_token, self.kept_name = token, restored.name
                return restored
        return upload

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if value and getattr(value, "url", None):
            html = format_html("<div>{}</div>{}", thumbnail(value), html)
        token = getattr(self, "kept_token", None)
        if token:
            html = format_html(
                '{}<input type="hidden" name="{}" value="{}"><p class="help editorial-kept-file">{}</p>', html,
                self._pending_name(name), token,
                _("Fichier choisi conservé : %(name)s (il sera enregistré avec le formulaire).") % {
                    "name": self.kept_name},
            )
        return html
