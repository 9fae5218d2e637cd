"""The sitemap: every public page in French and English, with hreflang alternates.

An object whose English text is missing is listed only in French: its /en/
page shows the French text, and search engines should not take it for an
English page (core.i18n decides, as it does for hreflang).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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
        urls = super()._urls(page, protocol, domain)
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        for url in urls:
            french = next((alt for alt in url["alternates"] if alt["lang_code"] == default), None)
            if french is not None:
                url["alternates"].append({"location": french["location"], "lang_code": "x-default"})
        return urls


class PublishedSitemap(I18nSitemap):
    """Sitemap of one publishable model, through its published() QuerySet."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_languages_for_item(self, item):
        return available_languages(item)


class SectionSitemap(I18nSitemap):
    """The home page and the registered listings (their Page, if any, is not listed separately)."""

    changefreq = "daily"

    def items(self):
        return ["home", *(section.url_name for section in registry.shown_sections())]

    def location(self, item):
        return reverse(item)
