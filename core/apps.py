from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The foundation: publishing base, fields, images, cache, i18n, SEO, the content registry."""

    name = "core"
    verbose_name = _("Fondations du site")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        from . import checks  # noqa: F401  (registers the system checks)
        from .cache import connect_signals

        # Pillow refuses (rather than only warns about) anything past our own limit.
        Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS
        connect_signals()
