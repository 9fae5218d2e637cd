"""Resized, cropped WebP and AVIF renditions of uploaded images, made on first use.

Pages never serve an uploaded original: a template asks for widths, and
perhaps a shape (``{% picture %}`` in core.templatetags.site_tags), and gets
files under MEDIA_ROOT/renditions/. A crop to a shape keeps the image's
focal point (set by clicking on the image in the media library) as near the
middle as the edges allow, so a head is never cut off by a card's frame.

The name of a rendition is derived from the original's name, the focal
point, the shape, the width and the format: the file is made once and then
found on disk (or in the object storage), and moving the focal point makes
new files. Width and height are kept in the cache, so a page does not reopen
files; the cache entries carry a generation number, so ``manage.py
clear_renditions`` (which deletes the files) makes every page ask again:
renditions are safe to delete. All the renditions of one picture are read
from the cache in one round trip (``lookup_renditions``). Originals have random unique names
(core.images), so a new upload never meets an old rendition.

Anything with a ``file`` (a library image, with its ``focal_point``) or a
bare FieldFile may be given.
"""

import hashlib
import io
import logging
from dataclasses import dataclass
from fractions import Fraction

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile
from PIL import Image, ImageOps, features

logger = logging.getLogger(__name__)

RENDITIONS_DIR = "renditions"
#: Encoder settings per format: quality chosen for photographs at screen sizes; AVIF's speed 8 encodes
#: a 1,200 px image in about 0.05 s on this machine (speed 6: 0.7 s for a file 30 % smaller).
ENCODERS = {
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "avif": ("AVIF", {"quality": 55, "speed": 8}),
}
GENERATION_KEY = "rendition:generation"


def formats():
    """The formats offered, best first: AVIF only where this Pillow can write it."""
    return ("avif", "webp") if features.check("avif") else ("webp",)


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def parse_ratio(ratio):
    """"16:9", "1.91", 1.5 or "" -> a positive Fraction or None; anything else is None."""
    if not ratio:
        return None
    try:
        if isinstance(ratio, str) and ":" in ratio:
            width, height = ratio.split(":", 1)
            value = Fraction(int(width), int(height))
        else:
            value = Fraction(str(ratio)).limit_denominator(1000)
    except (ValueError, ZeroDivisionError):
        return None
    return value if 0 < value <= 10 else None


def _source(image):
    """(FieldFile, focal point or None) of a library image or a bare file."""
    if isinstance(image, FieldFile):
        return (image if image else None), None
    file = getattr(image, "file", None)
    if isinstance(file, FieldFile) and file:
        return file, getattr(image, "focal_point", None)
    return None, None


def crop_box(size, ratio, focal=None):
    """The largest box of the given shape inside ``size``, centred on the focal point as far as the edges allow."""
    width, height = size
    fx, fy = focal or (0.5, 0.5)
    if Fraction(width, height) > ratio:  # too wide: keep the full height
        box_w, box_h = max(1, round(height * ratio)), height
    else:
        box_w, box_h = width, max(1, round(width / ratio))
    left = min(max(0, round(fx * width - box_w / 2)), width - box_w)
    top = min(max(0, round(fy * height - box_h / 2)), height - box_h)
    return (left, top, left + box_w, top + box_h)


def rendition_name(original_name, width, ratio=None, focal=None, fmt="webp"):
    spec = f"{original_name}|{ratio or ''}|{focal if ratio else ''}"
    digest = hashlib.sha256(spec.encode()).hexdigest()[:16]
    shape = f"-{ratio.numerator}x{ratio.denominator}" if ratio else ""
    return f"{RENDITIONS_DIR}/{digest[:2]}/{digest}{shape}-{width}w.{fmt}"


def _cache_key(name):
    return "rendition:" + hashlib.sha256(name.encode()).hexdigest()


def clear_cache():
    """Forget every rendition's size (after the files were deleted): pages make them again.

    And a new epoch of the page cache: a kept page or fragment (the home page's sections) names renditions that
    no longer exist, and nothing would ask for them again.
    """
    from .cache import content_changed

    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)
    content_changed()


def _make(original_name, name, width, ratio, focal, fmt, storage):
    """Write the rendition; returns its size. Never wider than the original (or its crop)."""
    pil_format, options = ENCODERS[fmt]
    with storage.open(original_name, "rb") as source, Image.open(source) as image:
        # JPEG decodes at 1/2, 1/4 or 1/8 scale when that still covers the width: less memory and time.
        if image.format == "JPEG" and not ratio:
            image.draft("RGB", (width, max(1, image.height * width // max(1, image.width))))
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "transparency" in image.info or image.mode in ("LA", "P", "PA")
                                  else "RGB")
        if ratio:
            image = image.crop(crop_box(image.size, ratio, focal))
        if image.width > width:
            height = max(1, round(image.height * width / image.width))
            image = image.resize((width, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        image.save(buffer, pil_format, **options)
        size = image.size
    if not storage.exists(name):
        saved = storage.save(name, ContentFile(buffer.getvalue()))
        if saved != name:  # another process wrote it first: keep theirs
            storage.delete(saved)
    return size


def _measure(file, name, width, ratio, focal, fmt, storage):
    """The size of the rendition on disk, made first if missing; None when the original cannot be read."""
    try:
        if storage.exists(name):
            with storage.open(name, "rb") as existing, Image.open(existing) as made:
                return made.size
        return _make(file.name, name, width, ratio, focal, fmt, storage)
    except (OSError, ValueError, Image.DecompressionBombError):
        logger.warning("No rendition for %s at %spx", file.name, width, exc_info=True)
        return None


def lookup_renditions(image, specs, ratio=None, storage=None):
    """{(width, fmt): Rendition or None} for the (width, format) pairs ``specs`` of one image.

    One read of the shared cache for all of them, the generation included:
    the cached sizes carry the generation they were measured under, and one
    from before ``clear_cache()`` counts as missing. A picture asks for its
    two formats at two or three widths at once (a page of ten cards: ten
    reads, not eighty).
    """
    file, focal = _source(image)
    if not file:
        return {}
    storage = storage or default_storage
    ratio = parse_ratio(ratio)
    names = {spec: rendition_name(file.name, spec[0], ratio, focal, spec[1]) for spec in dict.fromkeys(specs)}
    keys = {spec: _cache_key(name) for spec, name in names.items()}
    found = cache.get_many([GENERATION_KEY, *keys.values()])
    generation = found.get(GENERATION_KEY, 0)
    renditions, measured = {}, {}
    for spec, name in names.items():
        cached = found.get(keys[spec])
        if cached and len(cached) == 4 and cached[0] == generation:
            renditions[spec] = Rendition(*cached[1:])
            continue
        size = _measure(file, name, spec[0], ratio, focal, spec[1], storage)
        if size is None:
            renditions[spec] = None
            continue
        rendition = renditions[spec] = Rendition(storage.url(name), *size)
        measured[keys[spec]] = (generation, rendition.url, rendition.width, rendition.height)
    if measured:
        cache.set_many(measured, None)
    return renditions


def get_rendition(image, width, ratio=None, fmt="webp", storage=None):
    """The rendition of ``image`` at ``width`` pixels, cropped to ``ratio`` if given, or None.

    A missing or unreadable original gives None (the page shows no image)
    rather than an error page.
    """
    return lookup_renditions(image, [(width, fmt)], ratio, storage).get((width, fmt))


def _srcset_renditions(found, widths, fmt):
    seen = {}
    for width in sorted(widths):
        rendition = found.get((width, fmt))
        if rendition and rendition.width not in seen:
            seen[rendition.width] = rendition
    return list(seen.values())


def get_rendition_sets(image, widths, ratio=None, fmts=("webp",)):
    """{format: renditions for a srcset} of one image, read from the cache at once (see lookup_renditions)."""
    found = lookup_renditions(image, [(width, fmt) for fmt in fmts for width in widths], ratio)
    return {fmt: _srcset_renditions(found, widths, fmt) for fmt in fmts}


def get_renditions(image, widths, ratio=None, fmt="webp"):
    """Renditions for a srcset, without duplicates when the original is small."""
    return get_rendition_sets(image, widths, ratio, (fmt,))[fmt]
