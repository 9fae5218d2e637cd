from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def team_has_members():
    """Kept with the content version (core.cache): one query per change of published content, not per page."""
    from core.cache import by_content_version

    from .models import Person

    return by_content_version("team-has-members", lambda: Person.objects.on_team_page().exists())


class OfficesConfig(AppConfig):
    name = "offices"
    verbose_name = _("Bureaux et équipe")

    def ready(self):
        from core.registry import SearchDocument, registry

        from .models import ActivityDomain, Office, Person
        from .sitemaps import OfficeSitemap

        registry.register_section("offices:list", _("Bureaux"), order=40)
        # Linked only when someone is on it: an empty team page is not advertised (it still answers).
        registry.register_section("offices:team", _("Équipe"), order=50, shown=team_has_members)
        registry.register(
            Office,
            follow=("domains",),
            sitemap=OfficeSitemap,
            search=SearchDocument(
                "office", _("Bureau"), "name",
                {"A": ("name", "city"), "B": ("role", "summary", "address"), "C": ("description",)},
                ("summary", "address", "description"), url_name="offices:detail",
            ),
        )
        registry.register(ActivityDomain)
        registry.register(
            Person,
            search=SearchDocument(
                "person", _("Équipe"), "name", {"A": ("name",), "B": ("job_title",)}, ("job_title",),
                url_name="offices:team", slug="", plain=("name",), queryset="on_team_page",
            ),
        )
