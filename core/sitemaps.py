"""The sitemap: every public page in French and English, with hreflang alternates.

An object whose English text is missing is listed only in French: its /en/
page shows the French text, and search engines should not take it for an
English page (core.i18n decides, as it does for hreflang).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .i18n import available_languages
from .registry import registry


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    # Django's x-default drops the /fr/ prefix, an address that only redirects
    # here; the pages' own hreflang links name /fr/ as x-default instead.
    x_default = False


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
        return ["home", *(section.url_name for section in registry.sections())]

    def location(self, item):
        return reverse(item)

