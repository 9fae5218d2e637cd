"""The sitemap: every public page in French and English, with hreflang alternates.

An object whose English text is missing is listed only in French: its /en/
page shows the French text, and search engines should not take it for an
English page (core.i18n decides, as it does for hreflang).
"""

from html import escape

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import override

from .i18n import available_languages
from .registry import registry


class I18nSitemap(Sitemap):
    """Alternates in every language the item is written in, and x-default: its French address.

    Django's own x-default drops the /fr/ prefix, an address that only
    redirects (to /fr/ or /en/ by the browser's language); the pages' own
    hreflang links name the French page as x-default, and so does this.
    """

    i18n = True
    alternates = True
    x_default = False

    def _urls(self, page, protocol, domain):
        """Django's list of URLs, with each object's addresses worked out once rather than once per entry.

        Django reverses an object's address in every language for each of
        its entries (three reverses and three language switches per entry for
        two languages): 10,000 releases took seconds.
        """
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        urls, latest_lastmod, all_items_lastmod = [], None, True
        alternates_of = {}
        for item in self.paginator.page(page).object_list:
            obj, language = item
            if id(obj) not in alternates_of:
                locations = {}
                for code in self.get_languages_for_item(obj):
                    with override(code):
                        locations[code] = f"{protocol}://{domain}{self._get('location', (obj, code))}"
                alternates = [{"location": location, "lang_code": code} for code, location in locations.items()]
                if default in locations:
                    alternates.append({"location": locations[default], "lang_code": "x-default"})
                alternates_of[id(obj)] = (locations, alternates)
            locations, alternates = alternates_of[id(obj)]
            lastmod = self._get("lastmod", item)
            if all_items_lastmod:
                all_items_lastmod = lastmod is not None
                if all_items_lastmod and (latest_lastmod is None or lastmod > latest_lastmod):
                    latest_lastmod = lastmod
            priority = self._get("priority", item)
            urls.append({
                "item": item, "location": locations[language], "lastmod": lastmod,
                "changefreq": self._get("changefreq", item),
                "priority": str(priority if priority is not None else ""), "alternates": alternates,
            })
        if all_items_lastmod and latest_lastmod:
            self.latest_lastmod = latest_lastmod
        return urls

    def get_languages_for_item(self, item):
        # Called for each entry of the paginator and again for its addresses: asked once per object.
        cache = self.__dict__.setdefault("_languages_of", {})
        if id(item) not in cache:
            cache[id(item)] = (item, self.item_languages(item))
        return cache[id(item)][1]

    def item_languages(self, item):
        return [code for code, _name in settings.LANGUAGES]


class PublishedSitemap(I18nSitemap):
    """Sitemap of one publishable model, through its published() QuerySet."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def item_languages(self, item):
        return available_languages(item)


class SectionSitemap(I18nSitemap):
    """The home page and the registered listings (their Page, if any, is not listed separately)."""

    changefreq = "daily"

    def items(self):
        return ["home", *(section.url_name for section in registry.shown_sections())]

    def location(self, item):
        return reverse(item)


def _entries(urls):
    """The <url> elements of ``urls``; the alternates of an object, the same for each of its languages, once."""
    links = {}
    for url in urls:
        alternates = url["alternates"]
        if id(alternates) not in links:
            links[id(alternates)] = (alternates, "".join(
                f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
                f'href="{escape(alternate["location"])}"/>' for alternate in alternates))
        parts = [f"<url><loc>{escape(url['location'])}</loc>"]
        if url["lastmod"]:
            parts.append(f"<lastmod>{url['lastmod']:%Y-%m-%d}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        parts += [links[id(alternates)][1], "</url>"]
        yield "".join(parts)


@x_robots_tag
def sitemap_view(request, sitemaps):
    """django.contrib.sitemaps' view, written without its template: 20,000 entries in a fraction of a second.

    The same document (tests/clients reads it with the sitemap XSD): Django's
    template spent seconds on a loop of 20,000 entries and 60,000 links.
    """
    page = request.GET.get("p", 1)
    site = get_current_site(request)
    entries, lastmods = [], []
    for sitemap in sitemaps.values():
        sitemap = sitemap() if callable(sitemap) else sitemap
        try:
            entries.extend(_entries(sitemap.get_urls(page=page, site=site, protocol=request.scheme)))
        except EmptyPage:
            raise Http404(f"Page {page} empty") from None
        except PageNotAnInteger:
            raise Http404(f"No page '{page}'") from None
        lastmods.append(getattr(sitemap, "latest_lastmod", None))
    document = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:xhtml="http://www.w3.org/1999/xhtml">' + "".join(entries) + "</urlset>\n")
    response = HttpResponse(document, content_type="application/xml")
    if lastmods and all(lastmods):
        response["Last-Modified"] = http_date(max(lastmods).timestamp())
    return response
