from core.sitemaps import PublishedSitemap

from .models import Partner


class PartnerSitemap(PublishedSitemap):
    model = Partner
