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
        from library.models import Image

        from .models import SiteIdentity
        from .services import identity_changed, identity_version_renewed, site_identity

        # Not a content type: no draft, history or export; pages read it through the registry.
        registry.set_identity(site_identity)
        registry.register_publisher_permission(CHANGE_PERMISSION)
        for signal in (post_save, post_delete):
            signal.connect(identity_changed, sender=SiteIdentity, dispatch_uid=f"identity.changed.{signal}")
            # A library image may be the emblem or the share image (a new focal point: a new crop).
            signal.connect(identity_version_renewed, sender=Image, dispatch_uid=f"identity.image_changed.{signal}")
