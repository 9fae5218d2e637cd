from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Actualités")

    def ready(self):
        from core.registry import SearchDocument, registry

        from .models import NewsRelease, RelatedLink
        from .sitemaps import NewsSitemap
        from .views import site_feeds

        registry.register_section("news:list", _("Actualités"), order=10)
        registry.register(
            NewsRelease,
            follow=("links",),
            sitemap=NewsSitemap,
            images=(("image", "image_alt"),),
            link_labels={"links": ("label",)},
            search=SearchDocument(
                "news", _("Communiqué de presse"), "title",
                {"A": ("title",), "B": ("lead", "dateline"), "C": ("body",)}, ("lead", "body"),
                url_name="news:detail", date="publication_date",
            ),
        )
        registry.register(RelatedLink)
        registry.register_feeds(site_feeds)
