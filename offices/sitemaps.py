from oim_site.sitemaps import PublishedSitemap

from .models import Office


class OfficeSitemap(PublishedSitemap):
    model = Office
