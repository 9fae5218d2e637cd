from core.sitemaps import PublishedSitemap

from .models import NewsRelease


class NewsSitemap(PublishedSitemap):
    model = NewsRelease
