from oim_site.sitemaps import PublishedSitemap

from .models import ProgrammeArea


class ProgrammeAreaSitemap(PublishedSitemap):
    model = ProgrammeArea
