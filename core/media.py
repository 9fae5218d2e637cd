"""/media/ served by Django with headers that keep an upload from acting as a page of the site.

Only when settings.DEBUG or settings.SERVE_MEDIA is on; otherwise the proxy (or
the object storage) serves /media/ and must send the same headers (README.md,
"Deploying"). Every answer, 404 and 304 included, carries:

- ``X-Content-Type-Options: nosniff``: the browser keeps the served type, so
  a file can never be "sniffed" into HTML.
- ``Content-Security-Policy`` with ``sandbox``: even a file a browser did
  render as a page would run in an opaque origin, without access to the
  site's cookies or pages, with no script, form, popup or top navigation,
  and could load nothing (``default-src 'none'``). ``img-src 'self'`` lets an
  image opened on its own show; ``style-src 'unsafe-inline'`` is what the
  browsers' own viewers style their synthetic page with (Chromium's image
  and PDF viewers). A PDF also gets ``allow-scripts`` in its sandbox: some
  built-in viewers (Safari's) run their own script in the document and
  show nothing without it. That script is the browser's; the PDF's own
  JavaScript was refused at upload (core.document_files), the origin stays
  opaque and ``default-src 'none'`` still forbids any script of the document.
- ``Cross-Origin-Resource-Policy: same-origin``: other sites cannot embed
  or read our files.
- ``Content-Disposition``: ``inline`` for web images (JPEG, PNG, WebP, GIF)
  and PDF, ``attachment`` for office documents and anything else, which is
  also served as application/octet-stream whatever its extension (an old
  .html or .svg upload downloads, never renders). The name is the stored
  name (random and ASCII for documents and images stored since
  core.document_files and core.images; older names are encoded per RFC 6266).

A path that no stored file could have (absolute, ``..``, empty or dot
segments, backslash, NUL or control characters, over-long) is a 404
without touching the disk, as is a missing file or a directory.
"""

import posixpath
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponseNotFound
from django.utils.http import content_disposition_header
from django.views.static import serve

from .document_files import KINDS

POLICY = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
PDF_POLICY = "sandbox allow-scripts; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"

#: Shown in the browser: web images and PDF.
INLINE_TYPES = {
    "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif",
    "avif": "image/avif",  # renditions (core.renditions)
    "pdf": "application/pdf",
}
#: Downloaded under their own type, so that the reader's office suite opens them.
DOWNLOAD_TYPES = {
    **{kind.extension: kind.mime_type for kind in KINDS.values() if not kind.inline},
    # Uploaded before core.document_files refused them; still downloadable.
    "doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint",
}
MAX_PATH = 1024
MAX_SEGMENT = 255


def is_plain_path(path):
    """True for a relative path a stored file can have: no trick the storage or the disk would interpret.

    Also what core.documents accepts as a link to one of our files.
    """
    if not path or len(path) > MAX_PATH or "\\" in path or any(ord(char) < 32 or ord(char) == 127 for char in path):
        return False
    segments = path.split("/")
    return all(segment and not segment.startswith(".") and len(segment) <= MAX_SEGMENT for segment in segments)


def _secure(response, path=None):
    extension = posixpath.splitext(path or "")[1].lstrip(".").lower()
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = PDF_POLICY if extension == "pdf" and path else POLICY
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if path is not None and response.status_code == 200:
        inline = extension in INLINE_TYPES
        response["Content-Type"] = INLINE_TYPES.get(extension) or DOWNLOAD_TYPES.get(extension) \
            or "application/octet-stream"
        # serve() adds Content-Encoding for .gz, .br...: the download is the stored file, as it is.
        if "Content-Encoding" in response:
            del response["Content-Encoding"]
        response["Content-Disposition"] = content_disposition_header(not inline, posixpath.basename(path))
    return response


def _not_found():
    return _secure(HttpResponseNotFound("Fichier introuvable.", content_type="text/plain; charset=utf-8"))


def serve_media(request, path):
    """A file of MEDIA_ROOT with the headers above; 404 unless DEBUG or SERVE_MEDIA."""
    if not (settings.DEBUG or getattr(settings, "SERVE_MEDIA", False)) or not is_plain_path(path):
        return _not_found()
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        # A symbolic link inside MEDIA_ROOT must not lead out of it.
        if not (root / path).resolve().is_relative_to(root):
            return _not_found()
        response = serve(request, path, document_root=root)
    except (Http404, SuspiciousOperation, OSError, ValueError):
        return _not_found()
    return _secure(response, path)
