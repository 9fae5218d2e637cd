"""The one list of what rich text may contain.

Every rich-text value goes through :func:`sanitize_html` before it reaches
the database (see :class:`core.fields.RichTextField`), whatever wrote it:
the admin, the CKEditor upload round trip, a management command or an import.
"""

import nh3

#: h1 is kept although a body never needs one (the page's title is its h1): dropping it would hide the
#: mistake, and the quality checks (editorial.checks) report it, so that it cannot be published.
ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "q", "cite", "abbr", "a", "img", "figure",
    "figcaption", "table", "thead", "tbody", "tr", "th", "td", "caption", "hr",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang"},
    "img": {"src", "alt", "width", "height", "title"},
    "abbr": {"title", "lang"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "*": {"lang"},
}
#: The schemes a link may use, in rich text and in link fields alike (core.fields.URLField).
#: Anything else (javascript:, vbscript:, data:, ftp:…) would run, smuggle or
#: hide content when printed in an href.
URL_SCHEMES = ("http", "https", "mailto", "tel")


def sanitize_html(value):
    if not value:
        return value
    return nh3.clean(
        str(value),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
