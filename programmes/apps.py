from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes d’intégration")

    def ready(self):
        from core.registry import SearchDocument, registry

        from .models import ProgrammeArea, Project, Publication
        from .sitemaps import ProgrammeAreaSitemap

        registry.register_section("programmes:list", _("Domaines de programme"), order=20)
        registry.register(
            ProgrammeArea,
            follow=("projects", "publications"),
            sitemap=ProgrammeAreaSitemap,
            search=SearchDocument(
                "area", _("Domaine de programme"), "title",
                {"A": ("title",), "B": ("summary",), "C": ("body",)}, ("summary", "body"),
                url_name="programmes:detail",
            ),
        )
        registry.register(
            Project,
            search=SearchDocument(
                "project", _("Projet ou campagne"), "name",
                {"A": ("name", "acronym"), "B": ("summary", "countries")}, ("summary", "countries"),
                url_name="programmes:detail", slug="area__slug", plain=("acronym",),
            ),
        )
        registry.register(Publication)
