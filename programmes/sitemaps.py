from core.sitemaps import PublishedSitemap

from .models import ProgrammeArea


class ProgrammeAreaSitemap(PublishedSitemap):
    model = ProgrammeArea
