"""Template tags of the public site: languages, structured data, images, dates, phone numbers."""

import datetime
import functools
import json
import re
import threading
import weakref

import phonenumbers
from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.functional import Promise
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst as _capfirst
from django.utils.translation import get_language, get_language_info, override

from core.documents import document_info, document_links
from core.i18n import available_languages, is_fallback, missing_fields
from core.links import fixed_url as _fixed_url
from core.registry import registry
from core.renditions import formats, get_rendition_sets, get_renditions

register = template.Library()
register.filter("document_info", document_info)
register.filter("document_links", document_links, is_safe=True)

# The same escapes as django.utils.html.json_script: no "</script>", no
# "<!--" and no "&" can come out of an editor's text.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def jsonld_dumps(data):
    from django.core.serializers.json import DjangoJSONEncoder

    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)


@register.filter
def jsonld(data):
    """A schema.org block: data, not script, so the strict CSP allows it."""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(jsonld_dumps(data)))


@register.simple_tag(name="fixed_url")
def fixed_url(url_name):
    """{% url %} for an address without arguments (home, listings, feeds), reversed once per language."""
    return _fixed_url(url_name)


# Marks that cannot come from content (Unicode private use area) around an address in memoised markup: each
# request then writes aria-current where the address is its own (see MemoNode).
_ARIA_START, _ARIA_END = "\ue010", "\ue011"
_ARIA_MARK = re.compile(f"{_ARIA_START}(.*?){_ARIA_END}", re.S)
_MEMO_ARIA = "site_tags.memo_aria"


@register.simple_tag(takes_context=True)
def aria_current(context, url):
    """' aria-current="page"' on a link to the page being read."""
    if context.render_context.get(_MEMO_ARIA):
        return mark_safe(f"{_ARIA_START}{escape(url or '')}{_ARIA_END}") if url else ""
    request = context.get("request")
    if request is not None and url and url == request.path:
        return mark_safe(' aria-current="page"')
    return ""


#: Every memo node of the loaded templates, emptied when a setting changes (tests override STATIC_URL, LANGUAGES…).
_memo_nodes = weakref.WeakSet()
_memo_lock = threading.Lock()
MEMO_SIZE = 64


def _memo_value(value):
    """A memo key part: lazy texts as the text of the active language, lists as tuples."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, (list, tuple)):
        return tuple(_memo_value(item) for item in value)
    return value


class MemoNode(template.Node):
    """Renders its content once per key, language and script prefix, and keeps the markup for the process.

    For the layout's parts that read only what their key names (the site's name, its emblem, the version of the
    menu pages…): the header's brand, the menu, the footer, the head's links. Links to the page being read
    (aria_current) are marked in the kept markup and written for each request.
    """

    def __init__(self, nodelist, keys):
        self.nodelist = nodelist
        self.keys = keys
        self.kept = {}
        _memo_nodes.add(self)

    def render(self, context):
        key = (get_language(), get_script_prefix(), *(_memo_value(part.resolve(context)) for part in self.keys))
        try:
            markup = self.kept.get(key)
        except TypeError:  # a part that cannot be a key: rendered every time
            return self.nodelist.render(context)
        if markup is None:
            with context.render_context.push():
                context.render_context[_MEMO_ARIA] = True
                markup = self.nodelist.render(context)
            with _memo_lock:
                if len(self.kept) >= MEMO_SIZE:
                    self.kept.clear()
                self.kept[key] = markup
        if _ARIA_START not in markup:
            return markup
        request = context.get("request")
        path = escape(request.path) if request is not None else None
        return mark_safe(_ARIA_MARK.sub(lambda found: ' aria-current="page"' if found[1] == path else "", markup))


@register.tag
def memo(parser, token):
    """{% memo key1 key2 … %}…{% endmemo %}: the content rendered once per key (and language); see MemoNode.

    The content must read nothing but its keys: anything else would be shown as it was the first time.
    """
    keys = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    return MemoNode(nodelist, keys)


def _forget_memos(**kwargs):
    for node in list(_memo_nodes):
        node.kept.clear()


setting_changed.connect(_forget_memos, dispatch_uid="site_tags.forget_memos")


@register.simple_tag
def lang_fallback(obj, field):
    """' lang="fr"' on an element showing French text on an English page."""
    if obj is not None and is_fallback(obj, field):
        return mark_safe(f' lang="{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"')
    return ""


@register.simple_tag
def rich_text(obj, field):
    """A rich-text field as one block: marked lang="fr" when it falls back, document links annotated.

    The value was sanitised on its way into the database (core.fields.RichTextField).
    """
    html = getattr(obj, field, "")
    if not html:
        return ""
    html = mark_safe(registry.process_html(document_links(html)))  # sanitised input; processors escape what they add
    return format_html('<div class="rich-text"{}>{}</div>', lang_fallback(obj, field), html)


@register.filter
def needs_fallback_notice(obj):
    """True when part of this object's text is shown in French on a page in another language."""
    if obj is None or get_language() == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return False
    return bool(missing_fields(obj, get_language()))


def _page_query(request):
    page = request.GET.get("page", "")
    return f"?page={page}" if page.isdigit() and page != "1" else ""


def _canonical_query(context, request):
    """The query string of the page's canonical address: what the view says (its filters and page), else the page."""
    path = context.get("canonical_path")
    if path is not None:
        query = path.partition("?")[2]
        return f"?{query}" if query else ""
    return _page_query(request)


def _preview_in(request, code):
    """The same preview in language ``code``: a shared link under /<code>/, the admin's with ?lang=."""
    path = _route_in(request, code)
    if path is not None and path != request.path:
        return path
    return f"{request.path}?lang={code}"


def _home_in(code):
    with override(code):
        return reverse("home")


def _route_in(request, code):
    """The page the request resolved to, reversed in language ``code``; None when there is none.

    Built from the resolved route (URL name and arguments), never from the
    raw path: under a WSGI server a path such as "//evil.example/fr/" is
    passed through as is, and translating it would give a link to another
    site.
    """
    match = getattr(request, "resolver_match", None)
    if match is None or not match.view_name:
        return None
    try:
        with override(code):
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return None
    if not path.startswith("/") or path.startswith("//"):
        return None
    return path


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page in every language, for the switcher, hreflang and canonical.

    An object is followed through its own URL in the other language (its
    translated slug); a listing keeps its route and filters; a page that does
    not resolve (a 404) leads to each language's home page, and so does a
    page whose address is the same in every language (the admin's). A version
    whose text is not translated yet is still linked from the switcher (it
    shows the French text) but is not advertised as an alternate.
    """
    request = context.get("request")
    obj = context.get("translatable_object")
    current = get_language()
    languages = available_languages(obj) if obj is not None else [code for code, _name in settings.LANGUAGES]
    query = request.META.get("QUERY_STRING", "") if request is not None else ""
    versions = []
    for code, _name in settings.LANGUAGES:
        if context.get("preview") and request is not None:
            # A preview's switch stays in the preview: the public address of a draft would be a 404.
            url = address = _preview_in(request, code)
        elif obj is not None:
            url = address = obj.get_absolute_url_in(code)
        elif request is not None:
            path = _route_in(request, code)
            if path is None or (code != current and path == request.path):
                url = path = _home_in(code)
            else:
                url = path + (f"?{iri_to_uri(query)}" if query else "")
            # Search engines get the same address as the canonical link: what the
            # view calls its own (a filtered list, a page number), never search terms.
            address = path + _canonical_query(context, request)
        else:
            url = address = _home_in(code)
        info = get_language_info(code)
        versions.append({
            "code": code,
            "name": info["name_local"],
            "url": url,
            "absolute_url": request.build_absolute_uri(address) if request is not None else address,
            "current": code == current,
            "alternate": code in languages,
        })
    return versions


@register.simple_tag(takes_context=True)
def canonical_url(context, versions):
    """The page's own address, or the French one when this page only repeats French text."""
    request = context["request"]
    current = next((v for v in versions if v["current"]), None)
    if current and not current["alternate"]:
        french = next(v for v in versions if v["code"] == settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        return french["absolute_url"]
    return request.build_absolute_uri(request.path + _canonical_query(context, request))


@register.simple_tag(takes_context=True)
def absolute(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None and url else url


def image_alt(image, override=""):
    """The alternative text of a use: the use's own text, else the library's (none when decorative)."""
    return override or getattr(image, "alt", "")


@register.inclusion_tag("includes/picture.html")
def picture(image, alt="", widths="400,800", sizes="100vw", lazy=True, css_class="", ratio=""):
    """A rendition with srcset, width and height, in AVIF and WebP; lazy unless above the fold.

    ``image`` is a library image (its alternative text is used unless ``alt``
    overrides it) or a bare file; ``ratio`` ("3:2") crops around its focal point.
    """
    widths = [int(width) for width in str(widths).split(",")]
    sources = get_rendition_sets(image, widths, ratio, formats())
    renditions = sources.pop("webp")
    if not renditions:
        return {"rendition": None}
    return {
        "rendition": renditions[-1],
        "srcset": srcset(renditions),
        "sources": [(f"image/{fmt}", srcset(found)) for fmt, found in sources.items() if found],
        "sizes": sizes,
        "alt": image_alt(image, alt),
        "decorative": not alt and getattr(image, "decorative", False),
        "lazy": lazy,
        "css_class": css_class,
    }


def srcset(renditions):
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


@register.simple_tag
def rendition_url(image, width=1200, ratio=""):
    renditions = get_renditions(image, [int(width)], ratio)
    return renditions[0].url if renditions else ""


@register.simple_tag
def choice_pairs(items, value="", label="", capfirst=False):
    """(value, label) pairs for includes/filter_select.html.

    ``value`` and ``label`` name attributes of the items (objects); without
    them an item that is a pair stays as it is and any other item is its own
    value and label (a year).
    """
    pairs = []
    for item in items or ():
        if value:
            pair = (getattr(item, value), getattr(item, label or value))
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            pair = tuple(item)
        else:
            pair = (item, item)
        pairs.append((pair[0], _capfirst(pair[1]) if capfirst else pair[1]))
    return pairs


@register.inclusion_tag("includes/filter_select.html")
def filter_select(name, label, all_label, options, selected, field_id=""):
    """One filter of a listing: a labelled <select> of (value, label) pairs, ``selected`` chosen.

    A tag rather than {% include ... with %}: a template tag holds on one
    line, and six arguments with their names do not.
    """
    return {"name": name, "label": label, "all_label": all_label, "options": options,
            "selected": selected, "field_id": field_id or f"filtre-{name}"}


@register.filter
def datetime_attr(value):
    """A <time datetime> value: local date and time to the second with the UTC offset, or a date.

    The "c" date format writes microseconds, which HTML does not allow
    (at most three digits of fractions of a second).
    """
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


@register.filter
def phone_display(value):
    """+33140440640 -> +33 1 40 44 06 40 (readable, still international)."""
    if not value:
        return ""
    return _phone_display(str(value))


@functools.lru_cache(maxsize=1024)
def _phone_display(value):
    # Parsing costs more than the rest of a contact card, and the site has a few dozen numbers.
    try:
        number = phonenumbers.parse(value, "FR")
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
