from core.sitemaps import PublishedSitemap

from .models import Page


class PageSitemap(PublishedSitemap):
    """Standalone pages; a page standing for a section is listed as that section."""

    model = Page

    def items(self):
        return super().items().filter(section__isnull=True)
