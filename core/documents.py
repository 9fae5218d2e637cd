"""What readers are told about a linked document: "(PDF, 2 Mo, anglais)".

``document_info(publication)`` describes an uploaded or linked file;
``document_links(html)`` adds the same note after every link of sanitised
rich text that points to one of our files under MEDIA_URL. A missing file
gets the format alone; another host's /media/ or an odd media path is left
a plain link; never an error.
"""

import os
import re
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .media import is_plain_path


class DocumentLanguage(models.TextChoices):
    """The language a document is written in (not always one of the site's)."""

    FR = "fr", gettext_lazy("français")
    EN = "en", gettext_lazy("anglais")
    ES = "es", gettext_lazy("espagnol")
    AR = "ar", gettext_lazy("arabe")
    OTHER = "other", gettext_lazy("autre")


#: File extensions worth announcing, with the name readers know them by.
FORMATS = {
    "pdf": "PDF", "doc": "Word", "docx": "Word", "odt": "ODT", "rtf": "RTF", "txt": "TXT",
    "xls": "Excel", "xlsx": "Excel", "ods": "ODS", "csv": "CSV", "ppt": "PowerPoint", "pptx": "PowerPoint",
    "odp": "ODP", "zip": "ZIP", "epub": "EPUB", "mp3": "MP3", "mp4": "MP4",
}
LINK_RE = re.compile(r'(<a\b[^>]*\bhref="([^"]+)"[^>]*>)(.*?)(</a>)', re.IGNORECASE | re.DOTALL)
HREFLANG_RE = re.compile(r'\bhreflang="([^"]+)"', re.IGNORECASE)


def human_size(size):
    """2 Mo, 340 ko: in the reader's language, rounded as people say it."""
    if size is None:
        return ""
    if size >= 1024 * 1024:
        value = round(size / (1024 * 1024), 1)
        number = number_format(value, decimal_pos=1 if value % 1 else 0)
        return _("%(size)s Mo") % {"size": number}
    return _("%(size)s ko") % {"size": max(1, round(size / 1024))}


def file_format(name):
    try:
        path = urlparse(name).path
    except ValueError:  # "//[::1/x.pdf": an address urllib cannot read has no format to announce
        return ""
    extension = os.path.splitext(path)[1].lstrip(".").lower()
    return FORMATS.get(extension, extension.upper() if extension else "")


def language_name(code):
    try:
        language = DocumentLanguage(code)
    except ValueError:
        return ""
    return "" if language == DocumentLanguage.OTHER else str(language.label)


def media_name(url):
    """The stored name a link to one of our files points to ("/media/editor/guide.pdf"), else None.

    Not ours: another host's /media/, or a path no stored file can have
    (/media//etc/passwd.pdf, .., NUL, backslash, over-long; core.media.is_plain_path).
    """
    try:
        parts = urlparse(url)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or not parts.path.startswith(settings.MEDIA_URL):
        return None
    name = unquote(parts.path[len(settings.MEDIA_URL):])
    return name if is_plain_path(name) else None


def media_file_size(url):
    """Size of a file served from MEDIA_URL, or None when it is not one of ours or is missing."""
    name = media_name(url)
    if name is None:
        return None
    try:
        return default_storage.size(name)
    except Exception:
        # Missing, refused by the storage, or the storage's own error (botocore's ClientError on S3):
        # the note is a courtesy, the page must render.
        return None


def describe(fmt, size, language):
    parts = [part for part in (fmt, human_size(size) if size is not None else "", language) if part]
    return f"({', '.join(parts)})" if parts else ""


def document_info(publication):
    """"(PDF, 2 Mo, anglais)" for a publication: format and size of its library document, or the link's format.

    ``publication.document`` is a library document (its real format read from
    its content, its size stored with it) or None for an external link.
    """
    document = getattr(publication, "document", None)
    if document is not None:
        size, fmt = document.file_size or None, document.format_label
    else:
        size, fmt = None, file_format(publication.url or "")
    return describe(fmt, size, language_name(publication.language))


def document_links(html):
    """Rich text with "(PDF, 2 Mo)" after each link to an uploaded document (language from hreflang)."""
    if not html:
        return html

    def annotate(match):
        opening, href, text, closing = match.groups()
        if media_name(href) is None or not file_format(href):
            return match.group(0)  # not one of our files: a plain link
        hreflang = HREFLANG_RE.search(opening)
        note = describe(file_format(href), media_file_size(href),
                        language_name(hreflang.group(1).split("-")[0]) if hreflang else "")
        return f'{opening}{text} <span class="document-info">{escape(note)}</span>{closing}'

    return mark_safe(LINK_RE.sub(annotate, str(html)))  # input is sanitised rich text; the note is escaped
