from oim_site.sitemaps import PublishedSitemap

from .models import Partner


class PartnerSitemap(PublishedSitemap):
    model = Partner
