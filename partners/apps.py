from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partenaires")

    def ready(self):
        from core.registry import SearchDocument, registry

        from .models import Partner
        from .sitemaps import PartnerSitemap

        registry.register_section("partners:list", _("Partenaires"), order=30)
        registry.register(
            Partner,
            sitemap=PartnerSitemap,
            images=(("logo", "logo_alt"),),
            search=SearchDocument(
                "partner", _("Partenaire"), "name",
                {"A": ("name", "acronym"), "B": ("summary", "headquarters_city"), "C": ("body",)},
                ("summary", "body"), url_name="partners:detail",
            ),
        )
