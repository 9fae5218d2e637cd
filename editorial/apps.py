from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _setup_roles(sender, app_config=None, using="default", **kwargs):
    """After migrate: the two editorial groups get the permissions of every registered model.

    post_migrate fires once per app, in INSTALLED_APPS order, and each
    app's permissions are only made in its own turn; rather than depend on
    that order, the content types and permissions of every app are made
    first (both steps are idempotent), then the groups are set.
    """
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    if sender is not apps.get_app_config("editorial"):
        return
    for config in apps.get_app_configs():
        create_contenttypes(config, verbosity=0, using=using)
        create_permissions(config, verbosity=0, using=using)
    from .roles import roles_setup

    roles_setup()


class EditorialConfig(AppConfig):
    """Roles, history, preview links, translation status, quality checks and redirects."""

    name = "editorial"
    verbose_name = _("Outils éditoriaux")

    def ready(self):
        # The content apps have registered their types (they come first in
        # INSTALLED_APPS); the admin, autodiscovered after this app, finds
        # them registered with django-reversion with the right fields.
        from core.registry import registry

        from . import signals, versioning
        from .drafts import draft_references
        from .workflow import publish_due_drafts, scheduled_moments

        versioning.register_content_models()
        signals.connect()
        registry.register_schedule(scheduled_moments, publish_due_drafts)
        registry.register_reference_finder(draft_references)
        post_migrate.connect(_setup_roles, dispatch_uid="editorial.setup_roles", weak=False)
