"""Uploaded images are judged by their content, never by their name.

One module for every image that enters the site (model image fields and the
rich-text editor's upload): Pillow must decode it, it must be one of the web
formats below, within the size and pixel limits of the settings, and it is
re-encoded before it is stored. Re-encoding drops EXIF (GPS position, camera
serial numbers), neutralises polyglot files and lets us name the file after
its real format with a random name.
"""

import io
import re
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format name -> file extension stored on disk.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}

# Markup hidden in an image (a polyglot: "GIF89a<script>…", a PNG with an
# HTML page appended) is dropped by re-encoding anyway; it is refused so that
# the person who sent it learns the file is not what it seems, and so that
# the original bytes never sit anywhere on the server.
HIDDEN_MARKUP = re.compile(rb"<\s*(script|html|body|svg|iframe|object|embed|meta|!doctype|\?php)\b|javascript:", re.I)


def _check_hidden_markup(file):
    if not hasattr(file, "read"):
        return
    file.seek(0)
    previous = b""
    while chunk := file.read(1024 * 1024):
        if HIDDEN_MARKUP.search(previous[-64:] + chunk):
            raise ValidationError(
                _("Ce fichier contient du code (HTML ou script) caché dans l’image : il est refusé. "
                  "Enregistrez l’image à nouveau depuis un logiciel d’image et renvoyez-la."),
                code="image_markup",
            )
        previous = chunk


def _open(file):
    size = getattr(file, "size", None)
    if size is not None and size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("Le fichier pèse %(size)s ; la limite est de %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(settings.IMAGE_MAX_BYTES)},
            code="image_too_large",
        )
    if hasattr(file, "seek"):
        file.seek(0)
    try:
        image = Image.open(file)
        fmt = image.format
        width, height = image.size
        if fmt not in FORMATS:
            raise ValidationError(
                _("Format non accepté (%(format)s). Envoyez une image JPEG, PNG, WebP ou GIF.")
                % {"format": fmt or "?"},
                code="image_format",
            )
        if width * height > settings.IMAGE_MAX_PIXELS:
            raise ValidationError(
                _("L’image est trop grande (%(w)s × %(h)s pixels) ; la limite est de %(limit)s millions de pixels.")
                % {"w": width, "h": height, "limit": settings.IMAGE_MAX_PIXELS // 1_000_000},
                code="image_pixels",
            )
        if min(width, height) < settings.IMAGE_MIN_SIDE:
            raise ValidationError(
                _("L’image est trop petite (%(w)s × %(h)s pixels).") % {"w": width, "h": height},
                code="image_tiny",
            )
        image.load()
        _check_hidden_markup(file)
    except ValidationError:
        raise
    except Image.DecompressionBombError as exc:
        # Pillow refuses to even read the size of an image far above the limit.
        raise ValidationError(
            _("L’image est beaucoup trop grande ; la limite est de %(limit)s millions de pixels.")
            % {"limit": settings.IMAGE_MAX_PIXELS // 1_000_000},
            code="image_pixels",
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("Ce fichier n’est pas une image valide (JPEG, PNG, WebP ou GIF)."),
            code="invalid_image",
        ) from exc
    finally:
        if hasattr(file, "seek"):
            file.seek(0)
    return image


def validate_image(file):
    """Validator for image fields: raises a ValidationError the editor can read."""
    _open(file)


def clean_image(file):
    """Return a ContentFile holding the re-encoded image under a random name."""
    image = _open(file)
    fmt = image.format
    out = io.BytesIO()
    if fmt == "GIF" and getattr(image, "is_animated", False):
        image.save(out, format="GIF", save_all=True)
    else:
        image = ImageOps.exif_transpose(image)
        if fmt == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        options = {"quality": 88, "optimize": True} if fmt in ("JPEG", "WEBP") else {}
        # No exif= argument: the metadata is not carried over.
        image.save(out, format=fmt, **options)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{FORMATS[fmt]}")


def random_upload_name(filename, request=None):
    """CKEditor's filename generator: never keep the uploader's name."""
    return f"{uuid.uuid4().hex}{('.' + filename.rsplit('.', 1)[-1].lower()) if '.' in filename else ''}"
