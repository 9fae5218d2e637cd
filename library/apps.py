from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Médiathèque")

    def ready(self):
        from core.registry import registry

        from .html import body_images
        from .models import Collection, Document, Image

        # Registered like content: both roles, history, export and import (files and checksums
        # included) and page-cache renewal when an alternative text changes. Not searched, no sitemap.
        for model in (Collection, Image, Document):
            registry.register(model)
        registry.register_html_processor(body_images)
