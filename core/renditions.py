"""Resized WebP renditions of uploaded images, made on first use.

Pages never serve an uploaded original: a template asks for widths
(``{% picture %}`` in core.templatetags.site_tags) and gets WebP files
under MEDIA_ROOT/renditions/, named from the original's name and the width,
so the name is deterministic and the file is made once and then found on
disk (or in the object storage). Originals already have random unique names
(core.images), so a replaced image gets new renditions automatically.
Width and height are kept in the cache so a page does not reopen files.
"""

import hashlib
import io
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

RENDITIONS_DIR = "renditions"
QUALITY = 80


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def rendition_name(original_name, width):
    digest = hashlib.sha256(original_name.encode()).hexdigest()[:16]
    return f"{RENDITIONS_DIR}/{digest[:2]}/{digest}-{width}w.webp"


def _cache_key(original_name, width):
    return "rendition:" + hashlib.sha256(f"{original_name}|{width}".encode()).hexdigest()


def _make(original_name, width, storage):
    """Write the rendition; returns its size. Never wider than the original."""
    with storage.open(original_name, "rb") as source, Image.open(source) as image:
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "transparency" in image.info or image.mode in ("LA", "P") else "RGB")
        if image.width > width:
            height = max(1, round(image.height * width / image.width))
            image = image.resize((width, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, "WEBP", quality=QUALITY, method=4)
        size = image.size
    name = rendition_name(original_name, width)
    if not storage.exists(name):
        saved = storage.save(name, ContentFile(buffer.getvalue()))
        if saved != name:  # another process wrote it first: keep theirs
            storage.delete(saved)
    return size


def get_rendition(image_file, width, storage=None):
    """The rendition of `image_file` (a FieldFile) at `width` pixels, or None.

    A missing or unreadable original gives None (the page shows no image)
    rather than an error page.
    """
    if not image_file:
        return None
    storage = storage or default_storage
    original = image_file.name
    key = _cache_key(original, width)
    cached = cache.get(key)
    if cached:
        return Rendition(*cached)
    name = rendition_name(original, width)
    try:
        if storage.exists(name):
            with storage.open(name, "rb") as existing, Image.open(existing) as image:
                size = image.size
        else:
            size = _make(original, width, storage)
    except (OSError, ValueError, Image.DecompressionBombError):
        logger.warning("No rendition for %s at %spx", original, width, exc_info=True)
        return None
    rendition = Rendition(storage.url(name), *size)
    cache.set(key, (rendition.url, rendition.width, rendition.height), None)
    return rendition


def get_renditions(image_file, widths):
    """Renditions for a srcset, without duplicates when the original is small."""
    seen = {}
    for width in sorted(widths):
        rendition = get_rendition(image_file, width)
        if rendition and rendition.width not in seen:
            seen[rendition.width] = rendition
    return list(seen.values())
