"""Body images on public pages: a library image in rich text becomes a rendition with srcset.

The editor inserts the address of the library's file (library/editor.py);
the stored HTML keeps it, so the text stays readable and portable. On the
page, each <img> whose address is a library image is replaced by the same
``{% picture %}`` markup as the main images (WebP and AVIF, srcset, width
and height), with the alternative text typed in the text or, failing that,
the library's, in the page's language. Other images stay as they are.
"""

import html as html_lib
import re
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.template.loader import render_to_string

from core.templatetags.site_tags import picture

from .models import Image

IMG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
ATTR_RE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
WIDTHS = "480,800,1200"
SIZES = "(min-width: 50em) 46rem, 100vw"


def _library_name(src):
    path = unquote(urlparse(html_lib.unescape(src)).path)
    prefix = settings.MEDIA_URL + "library/images/"
    if not path.startswith(prefix) or ".." in path or any(ord(char) < 32 for char in path):
        return None  # not one of ours, or an odd path (a NUL would not even reach PostgreSQL)
    return path[len(settings.MEDIA_URL):]


def body_images(html):
    if not html or "<img" not in html:
        return html
    found = {}
    for tag in IMG_RE.findall(html):
        attrs = dict(ATTR_RE.findall(tag))
        name = _library_name(attrs.get("src", ""))
        if name:
            found[tag] = (name, html_lib.unescape(attrs.get("alt", "")))
    if not found:
        return html
    images = {image.file.name: image for image in Image.objects.filter(file__in={n for n, _alt in found.values()})}

    def replace(match):
        tag = match.group(0)
        name, alt = found.get(tag, (None, ""))
        image = images.get(name)
        if image is None:
            return tag
        context = picture(image, alt, widths=WIDTHS, sizes=SIZES, lazy=True, css_class="rich-text__image")
        return render_to_string("includes/picture.html", context).strip() if context.get("rendition") else tag

    return IMG_RE.sub(replace, html)
