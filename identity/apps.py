from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

#: The one right over the identity, given to the Publication role only (editorial.roles).
CHANGE_PERMISSION = "identity.change_siteidentity"


class IdentityConfig(AppConfig):
    """The site's name, tagline, parent organisation, emblem, share image and social links."""

    name = "identity"
    verbose_name = _("Identité du site")

    def ready(self):
        from core.registry import registry

        from .models import SiteIdentity
        from .services import identity_changed, site_identity

        # Not a content type: no draft, history or export; pages read it through the registry.
        registry.set_identity(site_identity)
        registry.register_publisher_permission(CHANGE_PERMISSION)
        for signal in (post_save, post_delete):
            # The row is not a content type: its change renews every page. Its images are content: the pages
            # depend on them through the identity's cached value (core.cache.by_content_version).
            signal.connect(identity_changed, sender=SiteIdentity, dispatch_uid=f"identity.changed.{signal}")
