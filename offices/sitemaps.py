from core.sitemaps import PublishedSitemap

from .models import Office


class OfficeSitemap(PublishedSitemap):
    model = Office
