"""Uploaded images are judged by their content, never by their name.

One module for every image that enters the site (model image fields, the
editor's upload, content imports): it must be one of the web formats below,
within the limits of the settings, and it is re-encoded before it is stored,
under a random name with the extension of its real format.

Bounded work. Before Pillow sees a byte, the file's own structure is read
here (PNG chunks, JPEG segments, GIF blocks, WebP RIFF chunks), without
decoding any pixel: the canvas and the number of frames are known and judged
first. A still may have IMAGE_MAX_PIXELS, a PNG IMAGE_MAX_PNG_PIXELS (Pillow
filters every row five ways before zlib: the slowest encoder per pixel), a
WebP, still or not, IMAGE_MAX_WEBP_PIXELS per canvas (Pillow decodes it
through libwebp's animation decoder: two RGBA canvases and two more copies,
four times the memory of a JPEG); an animation IMAGE_MAX_FRAMES and
IMAGE_MAX_ANIMATION_PIXELS in all (frames × canvas: Pillow composites every
frame on the full canvas, so a 1 × 1 frame on a 6,000 × 6,000 canvas costs
36 million pixels). Pillow's own count of GIF frames (n_frames) walks the
whole file in Python, without a bound: the GIF is counted here, and the walk
stops at the limit. A file built to make any walk long (thousands of tiny
blocks or chunks, a progressive JPEG of thousands of scans, each one more
pass over the whole image) is refused too. bench/uploads.py measures that
every accepted file stays within 2 s and 256 MB (the growth of the worker's
peak memory) on a 2-core machine: bench/UPLOADS.md.

No metadata. The copy handed to Pillow is rebuilt from that structure
without comments (JPEG COM segments, GIF comment extensions), XMP, IPTC and
other application segments, PNG text chunks (tEXt, zTXt, iTXt), GIF
plain-text and application extensions (except the loop count) or anything
appended; EXIF and the ICC profile go through only to be applied. The
re-encoded image, every frame of an animation included, then carries only
what rendering needs: transparency, frame durations, loop count, disposal and
blending, background. The EXIF orientation is applied to the pixels first.

The ICC profile is not kept: the pixels are converted to sRGB with it (a
phone's Display P3 or a camera's Adobe RGB photo keeps its colours, a CMYK
file becomes RGB) and the profile, a blob the uploader chose, is dropped.
Untagged sRGB is also what the renditions need: they are re-encoded without a
profile, so a photo stored in another colour space would look washed out on
every page. An unreadable profile is dropped without conversion; animations
(GIF has no profile) are stored without one.
"""

import io
import re
import uuid
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Pillow format name -> file extension stored on disk.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}

# Markup hidden in an image (a polyglot: "GIF89a<script>…", a PNG with an
# HTML page appended) is dropped by re-encoding anyway; it is refused so that
# the person who sent it learns the file is not what it seems, and so that
# the original bytes never sit anywhere on the server.
HIDDEN_MARKUP = re.compile(rb"<\s*(script|html|body|svg|iframe|object|embed|meta|!doctype|\?php)\b|javascript:", re.I)

# A progressive JPEG is decoded in one pass over the whole image per scan:
# encoders write about ten (libjpeg's default script), mozjpeg a few more.
JPEG_MAX_SCANS = 20
# A JPEG marker after the first scan: 0xFF, then neither 0x00 (an escaped
# 0xFF in the image data), a restart marker nor another 0xFF (fill byte).
_JPEG_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")

# Above this many pixels, an image is encoded with faster settings.
LARGE = 4_000_000

# What rendering needs, kept from Pillow's `info` on every frame; everything
# else (comment, exif, xmp, icc_profile, PNG text, GIF extensions) is dropped.
RENDERING_INFO = ("transparency", "duration", "loop", "disposal", "blend", "background", "default_image")

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# PNG chunks handed to Pillow: the image, its animation, its profile (for the
# conversion to sRGB) and its EXIF (for the orientation).
_PNG_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"acTL", b"fcTL", b"fdAT", b"iCCP", b"eXIf"}
# JPEG segments before the image data handed to Pillow: JFIF and Adobe (they
# say how to read the colours), EXIF (orientation) and the ICC profile.
_JPEG_APP_KEPT = {0xE0: (b"JFIF\0",), 0xE1: (b"Exif\0",), 0xE2: (b"ICC_PROFILE\0",), 0xEE: (b"Adobe",)}
# WebP chunks handed to Pillow after the first: the image, its animation, its
# alpha channel, its profile (for the conversion to sRGB) and EXIF (orientation).
_WEBP_CHUNKS = {b"ANIM", b"ANMF", b"ALPH", b"VP8 ", b"VP8L", b"ICCP", b"EXIF"}
# GIF application extensions handed to Pillow: the loop count.
_GIF_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")


@dataclass
class _Probe:
    """What the file's structure says, before any decoding."""

    format: str
    width: int
    height: int
    data: bytes  # the file without its metadata, for Pillow
    frames: int = 1
    durations: list = field(default_factory=list)  # WebP: per frame, from the ANMF chunks


class _Malformed(Exception):
    """The structure cannot be read: not an image of the format it claims."""


def _pixels(count):
    """'25 millions de pixels', '1,5 million de pixels', '50 000 pixels'."""
    if count < 1_000_000:
        return _("%(count)s pixels") % {"count": f"{count:,}".replace(",", "\u00a0")}
    value = f"{count / 1_000_000:.1f}".removesuffix(".0").replace(".", ",")
    if count < 2_000_000:
        return _("%(value)s million de pixels") % {"value": value}
    return _("%(value)s millions de pixels") % {"value": value}


def _invalid():
    return ValidationError(
        _("Ce fichier n’est pas une image valide (JPEG, PNG, WebP ou GIF)."),
        code="invalid_image",
    )


def _too_many_blocks(limit):
    return ValidationError(
        _("La structure de ce fichier est anormale (plus de %(limit)s blocs) : il est refusé. "
          "Enregistrez l’image à nouveau depuis un logiciel d’image et renvoyez-la.") % {"limit": limit},
        code="image_structure",
    )


def _check_frames(frames, width, height):
    """Called at each frame found, so that a long animation stops the walk at the limit."""
    if frames > settings.IMAGE_MAX_FRAMES:
        raise ValidationError(
            _("L’animation a trop d’images (au moins %(frames)s) ; la limite est de %(limit)s images.")
            % {"frames": frames, "limit": settings.IMAGE_MAX_FRAMES},
            code="image_frames",
        )
    if frames > 1 and frames * width * height > settings.IMAGE_MAX_ANIMATION_PIXELS:
        raise ValidationError(
            _("L’animation est trop lourde : au moins %(frames)s images de %(w)s × %(h)s pixels ; "
              "la limite est de %(limit)s en tout (nombre d’images × pixels d’une image).")
            % {"frames": frames, "w": width, "h": height, "limit": _pixels(settings.IMAGE_MAX_ANIMATION_PIXELS)},
            code="image_animation",
        )


def _pixel_limit(fmt):
    limits = {"PNG": settings.IMAGE_MAX_PNG_PIXELS, "WEBP": settings.IMAGE_MAX_WEBP_PIXELS}
    return min(settings.IMAGE_MAX_PIXELS, limits.get(fmt, settings.IMAGE_MAX_PIXELS))


def _check_canvas(probe):
    limit = _pixel_limit(probe.format)
    if probe.width * probe.height > limit:
        raise ValidationError(
            _("L’image est trop grande (%(w)s × %(h)s pixels) ; la limite est de %(limit)s%(kind)s.")
            % {"w": probe.width, "h": probe.height, "limit": _pixels(limit),
               "kind": (_(" pour une image %(format)s") % {"format": "WebP" if probe.format == "WEBP" else "PNG"})
               if limit < settings.IMAGE_MAX_PIXELS else ""},
            code="image_pixels",
        )
    if min(probe.width, probe.height) < settings.IMAGE_MIN_SIDE:
        raise ValidationError(
            _("L’image est trop petite (%(w)s × %(h)s pixels) ; il faut au moins %(min)s pixels de côté.")
            % {"w": probe.width, "h": probe.height, "min": settings.IMAGE_MIN_SIDE},
            code="image_tiny",
        )


def _block_budget(data, average):
    # Honest files have a few chunks or segments plus about one per 8 KiB of
    # PNG image data, or per 255 bytes of GIF image data: a file of tiny
    # blocks is built to make a parser (Pillow's are Python loops) spin.
    return 4096 + len(data) // average


# --- PNG and APNG: chunks ---------------------------------------------------

def _probe_png(data):
    pos, kept, budget = 8, [_PNG_SIGNATURE], _block_budget(data, 1024)
    width = height = None
    frames, chunks = 1, 0
    animated = frame_control = image_data = False
    while True:
        if pos == len(data) and image_data:
            kept.append(b"\0\0\0\0IEND\xaeB`\x82")  # some writers forget the end chunk
            break
        if pos + 12 > len(data):
            raise _Malformed
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise _Malformed
        chunks += 1
        if chunks > budget:
            raise _too_many_blocks(budget)
        if width is None:
            if kind != b"IHDR" or length < 8:
                raise _Malformed
            width = int.from_bytes(data[pos + 8:pos + 12], "big")
            height = int.from_bytes(data[pos + 12:pos + 16], "big")
        elif kind == b"acTL" and not image_data and length >= 8:
            # Pillow decodes as many frames as acTL declares...
            frames, animated = int.from_bytes(data[pos + 8:pos + 12], "big"), True
            _check_frames(frames, width, height)
        elif kind == b"fcTL":
            frame_control = True
        elif kind == b"IDAT" and not image_data:
            image_data = True
            if animated and not frame_control:
                # ...plus the default image when it comes before the animation's first frame.
                frames += 1
                _check_frames(frames, width, height)
        if kind in _PNG_CHUNKS:
            kept.append(data[pos:end])
        pos = end
        if kind == b"IEND":
            break
    return _Probe("PNG", width, height, b"".join(kept), frames=frames)


# --- JPEG: segments up to the first scan, then the scans --------------------

def _probe_jpeg(data):
    pos, kept, budget = 2, [b"\xff\xd8"], _block_budget(data, 1024)
    width = height = None
    segments = 0
    while True:
        # Junk before a marker is skipped, as Pillow and libjpeg do (with a warning).
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 4 > len(data):
            raise _Malformed
        while data[pos + 1] == 0xFF:  # fill bytes
            pos += 1
            if pos + 4 > len(data):
                raise _Malformed
        marker = data[pos + 1]
        if marker == 0xDA:
            break
        if marker == 0x00:  # an escaped 0xFF among the junk
            pos += 2
            continue
        if marker in (0xD8, 0xD9) or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            raise _Malformed
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        end = pos + 2 + length
        if length < 2 or end > len(data):
            raise _Malformed
        segments += 1
        if segments > budget:
            raise _too_many_blocks(budget)
        payload = data[pos + 4:end]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if len(payload) < 6:
                raise _Malformed
            height = int.from_bytes(payload[1:3], "big")
            width = int.from_bytes(payload[3:5], "big")
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            if any(payload.startswith(prefix) for prefix in _JPEG_APP_KEPT.get(marker, ())):
                kept.append(data[pos:end])
        else:
            kept.append(data[pos:end])
        pos = end
    if not width or not height:
        raise _Malformed
    # The scans, and the tables between them: in the entropy-coded data a
    # 0xFF byte is followed by 0x00 or a restart marker, so the next other
    # marker is found at C speed.
    start, scans = pos, 0
    while True:
        marker = data[pos + 1]
        if marker == 0xD9:
            eoi = pos + 2
            break
        length = int.from_bytes(data[pos + 2:pos + 4], "big")
        end = pos + 2 + length
        if length < 2 or end > len(data):
            raise _Malformed
        segments += 1
        if segments > budget:
            raise _too_many_blocks(budget)
        scans += marker == 0xDA
        if scans > JPEG_MAX_SCANS:
            raise ValidationError(
                _("Ce JPEG progressif compte plus de %(limit)s passes ; la limite est de %(limit)s. "
                  "Enregistrez l’image à nouveau depuis un logiciel d’image et renvoyez-la.")
                % {"limit": JPEG_MAX_SCANS},
                code="image_scans",
            )
        following = _JPEG_MARKER.search(data, end)
        if following is None:  # no end of image: Pillow will say the file is truncated
            eoi = len(data)
            break
        pos = following.start()
    kept.append(data[start:eoi])
    return _Probe("JPEG", width, height, b"".join(kept))


# --- GIF: blocks -------------------------------------------------------------

def _probe_gif(data):
    if len(data) < 13:
        raise _Malformed
    width, height = int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
    pos = 13 + (3 << ((data[10] & 7) + 1) if data[10] & 0x80 else 0)
    kept, budget, blocks, frames = [data[:pos]], _block_budget(data, 32), 0, 0

    def skip_sub_blocks(pos):
        nonlocal blocks
        while True:
            if pos >= len(data):
                raise _Malformed
            size = data[pos]
            pos += 1 + size
            blocks += 1
            if blocks > budget:
                raise _too_many_blocks(budget)
            if not size:
                return pos

    while pos < len(data):
        introducer = data[pos]
        if introducer == 0x3B:  # trailer
            break
        if introducer == 0x21:  # extension
            if pos + 2 > len(data):
                raise _Malformed
            label, start = data[pos + 1], pos
            first = data[pos + 3:pos + 3 + data[pos + 2]] if pos + 2 < len(data) else b""
            pos = skip_sub_blocks(pos + 2)
            # Graphic control (timing, transparency, disposal) and the loop count only.
            if label == 0xF9 or (label == 0xFF and first in _GIF_APPLICATIONS):
                kept.append(data[start:pos])
        elif introducer == 0x2C:  # image
            if pos + 11 > len(data):
                raise _Malformed
            x, y, w, h = (int.from_bytes(data[pos + i:pos + i + 2], "little") for i in (1, 3, 5, 7))
            flags, start = data[pos + 9], pos
            # Pillow grows the canvas to hold a frame that goes past it.
            width, height = max(width, x + w), max(height, y + h)
            frames += 1
            _check_frames(frames, width, height)
            pos += 10 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0) + 1  # + LZW code size
            pos = skip_sub_blocks(pos)
            kept.append(data[start:pos])
        else:
            # Pillow skips stray bytes between blocks; so does this, at C speed.
            match = re.compile(rb"[!,;]").search(data, pos + 1)
            pos = match.start() if match else len(data)
    if not frames:
        raise _Malformed
    kept.append(b";")
    return _Probe("GIF", width, height, b"".join(kept), frames=frames)


# --- WebP: RIFF chunks -------------------------------------------------------

def _probe_webp(data):
    pos, kept, budget = 12, [], 64 + settings.IMAGE_MAX_FRAMES
    width = height = None
    frames, durations, chunks = 0, [], 0
    # What follows the RIFF container is not part of the image (libwebp ignores it).
    riff_end = min(len(data), 8 + int.from_bytes(data[4:8], "little"))
    while pos + 8 <= riff_end:
        kind = data[pos:pos + 4]
        length = int.from_bytes(data[pos + 4:pos + 8], "little")
        end = pos + 8 + length + (length & 1)
        payload = data[pos + 8:pos + 8 + length]
        if pos + 8 + length > riff_end:
            raise _Malformed
        chunks += 1
        if chunks > budget:
            raise _too_many_blocks(budget)
        if chunks == 1:
            if kind == b"VP8X" and length >= 10:
                width = 1 + int.from_bytes(payload[4:7], "little")
                height = 1 + int.from_bytes(payload[7:10], "little")
                # XMP is gone from the copy: say so in the flags.
                chunk = bytearray(data[pos:end])
                chunk[8] &= ~0x04 & 0xFF
                kept.append(bytes(chunk))
            elif kind == b"VP8 " and length >= 10 and payload[3:6] == b"\x9d\x01\x2a":
                width = int.from_bytes(payload[6:8], "little") & 0x3FFF
                height = int.from_bytes(payload[8:10], "little") & 0x3FFF
                kept.append(data[pos:end])
            elif kind == b"VP8L" and length >= 5 and payload[0] == 0x2F:
                bits = int.from_bytes(payload[1:5], "little")
                width, height = 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)
                kept.append(data[pos:end])
            else:
                raise _Malformed
        elif kind == b"ANMF":
            if length < 16:
                raise _Malformed
            frames += 1
            durations.append(int.from_bytes(payload[12:15], "little"))
            _check_frames(frames, width, height)
            kept.append(data[pos:end])
        elif kind in _WEBP_CHUNKS:
            kept.append(data[pos:end])
        pos = end
    if width is None:
        raise _Malformed
    body = b"WEBP" + b"".join(kept)
    return _Probe("WEBP", width, height, b"RIFF" + len(body).to_bytes(4, "little") + body,
                  frames=max(frames, 1), durations=durations)


def _probe(data):
    """Our formats by their signature; None for anything else."""
    if data.startswith(_PNG_SIGNATURE):
        return _probe_png(data)
    if data.startswith(b"\xff\xd8\xff"):
        return _probe_jpeg(data)
    if data.startswith((b"GIF87a", b"GIF89a")):
        return _probe_gif(data)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return _probe_webp(data)
    return None


def _read(file):
    limit = settings.IMAGE_MAX_BYTES
    size = getattr(file, "size", None)
    if size is None or size <= limit:
        if hasattr(file, "seek"):
            file.seek(0)
        data = file.read(limit + 1) if hasattr(file, "read") else b""
        if hasattr(file, "seek"):
            file.seek(0)
        size = len(data)
    if size > limit:
        raise ValidationError(
            _("Le fichier pèse %(size)s ; la limite est de %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )
    return data


def _check_hidden_markup(data):
    if HIDDEN_MARKUP.search(data):
        raise ValidationError(
            _("Ce fichier contient du code (HTML ou script) caché dans l’image : il est refusé. "
              "Enregistrez l’image à nouveau depuis un logiciel d’image et renvoyez-la."),
            code="image_markup",
        )


def _refuse_other_format(data):
    try:
        with Image.open(io.BytesIO(data)) as image:
            fmt = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise _invalid() from exc
    raise ValidationError(
        _("Format non accepté (%(format)s). Envoyez une image JPEG, PNG, WebP ou GIF.") % {"format": fmt or "?"},
        code="image_format",
    )


def _open(file, *, draft=False):
    """The checked image, its first frame decoded, and what its structure said."""
    data = _read(file)
    try:
        probe = _probe(data)
    except (_Malformed, IndexError) as exc:  # IndexError: a header cut off by the end of the file
        raise _invalid() from exc
    if probe is None:
        _refuse_other_format(data)
    _check_canvas(probe)
    _check_hidden_markup(data)
    del data  # from here on, Pillow reads the copy without metadata
    try:
        image = Image.open(io.BytesIO(probe.data), formats=[probe.format])
        # Pillow counts PNG and WebP frames from their headers, as the probe did;
        # GIF frames only the probe counts (Pillow's n_frames walks the file).
        if image.format != probe.format or (probe.format != "GIF" and getattr(image, "n_frames", 1) != probe.frames):
            raise _invalid()
        if draft and probe.format == "JPEG":
            # Validation only: libjpeg reads every coefficient (a damaged file
            # fails as it would in full) but computes an eighth of the pixels.
            image.draft(image.mode, (1, 1))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        raise _invalid() from exc
    if probe.format == "WEBP" and probe.frames == 1:
        # Pillow keeps libwebp's decoder (two RGBA canvases) and a copy of the
        # decoded pixels for a later seek: a still needs neither once loaded.
        image._decoder = image.fp = None
    return image, probe


def validate_image(file):
    """Validator for image fields: raises a ValidationError the editor can read."""
    _open(file, draft=True)


@cache
def _srgb():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(image):
    """The pixels in sRGB, from the image's ICC profile when it has a usable one."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        description = (ImageCms.getProfileDescription(profile) or "").lower()
        if image.mode != "CMYK" and "srgb" in description.replace(" ", ""):
            return image
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        transform = ImageCms.buildTransform(profile, _srgb(), image.mode, mode)
        if mode == image.mode:
            ImageCms.applyTransform(image, transform, inPlace=True)
            return image
        return ImageCms.applyTransform(image, transform)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image


def _apply_orientation(image):
    """Turn the pixels as the EXIF orientation says, before the EXIF is dropped."""
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except Exception:  # noqa: BLE001  (a damaged EXIF block must not refuse a good image)
        pass


def _rendering_info(info):
    return {key: info[key] for key in RENDERING_INFO if key in info}


def _gif_frames(image, count):
    """Each frame as a new image that carries only what rendering needs."""
    for index in range(count):
        image.seek(index)
        frame = image.copy()
        if frame.mode in ("RGB", "RGBA"):
            # Pillow's GIF reader composites later frames in RGB; its writer
            # would bring them back to a palette by median cut, five times
            # slower than the octree (three quarters of the time of a GIF).
            frame = frame.quantize(256, method=Image.Quantize.FASTOCTREE)
        frame.info = _rendering_info(image.info)
        yield frame


def _encode(image, probe):
    out = io.BytesIO()
    fmt = probe.format
    if probe.frames > 1 and fmt == "GIF":
        # Pillow's GIF writer copies the first frame's `info` (comment and
        # all) into the file: it gets frames that carry nothing else.
        # optimize: it would also fill each frame's unchanged pixels with
        # transparency, one more pass per frame for a few percent.
        frames = _gif_frames(image, probe.frames)
        first = next(frames)
        first.save(out, format="GIF", save_all=True, append_images=frames, optimize=False)
    elif probe.frames > 1 and fmt == "WEBP":
        # Pillow's WebP writer takes no metadata from `info`; the durations come
        # from the frames' own chunks (Pillow would give every frame the first one's).
        image.save(out, format="WEBP", save_all=True, duration=probe.durations,
                   loop=image.info.get("loop", 0), background=image.info.get("background", (0, 0, 0, 0)),
                   quality=88, method=0)
    elif probe.frames > 1:
        # Pillow's APNG writer reads the frames twice (so takes no generator of
        # clean copies) and takes from `info` only what rendering needs, and
        # the ICC profile: an empty one is given instead.
        image.save(out, format="PNG", save_all=True, icc_profile=b"")
    else:
        _apply_orientation(image)
        image = _to_srgb(image)
        if fmt == "JPEG" and image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        image.info = _rendering_info(image.info)
        image.save(out, format=fmt, **_encoder_options(image, fmt))
    return out.getvalue()


def _encoder_options(image, fmt):
    """Good compression, within the time budget: originals are never served
    (pages show renditions), so a large one is stored with faster settings."""
    large = image.width * image.height > LARGE
    if fmt == "JPEG":
        # Optimised Huffman tables need a second pass and every coefficient in
        # memory (for a CMYK image, without chroma subsampling, twice its pixels).
        return {"quality": 88, "optimize": not large}
    if fmt == "WEBP":
        # libwebp's methods 3 and 4 took 2 to 3 s on 10 million pixels, method 1 half a second.
        return {"quality": 88, "method": 1 if large else 4}
    if fmt == "PNG":
        # zlib's level 6, Pillow's default, took 4 s on 25 million pixels, level 1 1.5 s.
        return {"compress_level": 1} if large else {}
    return {}


def clean_image(file):
    """Return a ContentFile holding the re-encoded image under a random name."""
    image, probe = _open(file)
    try:
        data = _encode(image, probe)
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        # A later frame of an animation is damaged.
        raise _invalid() from exc
    finally:
        image.close()
    return ContentFile(data, name=f"{uuid.uuid4().hex}.{FORMATS[probe.format]}")


def random_upload_name(filename, request=None):
    """CKEditor's filename generator: never keep the uploader's name."""
    return f"{uuid.uuid4().hex}{('.' + filename.rsplit('.', 1)[-1].lower()) if '.' in filename else ''}"
