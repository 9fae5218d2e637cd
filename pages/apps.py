from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from core.registry import SearchDocument, registry

        from .models import Page
        from .sitemaps import PageSitemap
        from .views import SitePages

        registry.register(
            Page,
            sitemap=PageSitemap,
            search=SearchDocument(
                "page", _("Page"), "title", {"A": ("title",), "B": ("summary",), "C": ("body",)},
                ("summary", "body"), url_name="pages:detail", section_field="section",
            ),
        )
        registry.set_site_pages(SitePages.for_request)
