from oim_site.sitemaps import PublishedSitemap

from .models import NewsRelease


class NewsSitemap(PublishedSitemap):
    model = NewsRelease
