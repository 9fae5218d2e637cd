from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Preview links, history, translation status, quality checks and redirects."""

    name = "oim_site.editorial"
    label = "editorial"
    verbose_name = _("Outils éditoriaux")

    def ready(self):
        from . import signals, versioning

        # Explicit registration before the admin is autodiscovered, so that
        # VersionAdmin does not auto-register the models with the wrong fields.
        versioning.register_content_models()
        signals.connect()
