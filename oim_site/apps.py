from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _setup_roles(sender, **kwargs):
    from django.apps import apps

    # post_migrate fires once per app; permissions of every app exist only
    # once the last one has been handled.
    if sender is list(apps.get_app_configs())[-1]:
        from .roles import roles_setup

        roles_setup()


class OimSiteConfig(AppConfig):
    name = "oim_site"
    verbose_name = _("Site et pages")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        # Pillow refuses (rather than only warns about) anything past our own limit.
        Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
        from .cache import connect_signals

        connect_signals()
        post_migrate.connect(_setup_roles, dispatch_uid="oim_site.setup_roles", weak=False)
