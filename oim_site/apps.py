from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OimSiteConfig(AppConfig):
    """The roof: settings, root URLs, the home page.

    It is an installed app only for its migrations, which hold the history
    of the first layout (standalone pages, since moved to ``pages``, and the
    PostgreSQL search configuration).
    """

    name = "oim_site"
    verbose_name = _("Site")
