"""The two editorial groups and what each may do.

"Rédaction" writes: it adds, changes and views content but cannot publish,
unpublish or delete. "Publication" may do everything on content, including
the rights a model declares in its Meta.permissions (publish_<model>; for
the media library, changing an image or document the public already sees). The groups
are (re)built after every migrate and by ``manage.py setup_roles`` from the
content registry (core.registry), plus this app's own redirects: a new
content type gets both roles by registering, nothing is listed here. A right
that is no content type's (the site's identity) is registered for
Publication with ``registry.register_publisher_permission()``.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from core.registry import registry

EDITORS = "Rédaction"
PUBLISHERS = "Publication"


def role_models():
    """(model, carries a publish_<model> permission) for every model the roles cover."""
    from .models import Redirect

    # A redirect to another site changes what the public sees: publish_redirect, for Publication only.
    return [(entry.model, entry.publishable) for entry in registry] + [(Redirect, True)]


def _permissions(actions, with_publish):
    perms = []
    for model, _publishable in role_models():
        opts = model._meta
        codenames = [f"{action}_{opts.model_name}" for action in actions]
        if with_publish:
            # The model's own rights: publish_<model>, and the library's change_live_<model>.
            codenames.extend(codename for codename, _label in opts.permissions)
        perms.extend((opts.app_label, codename) for codename in codenames)
    return perms


def roles_setup():
    """Create or update both groups; return {group name: permission count}."""
    ContentType.objects.clear_cache()
    wanted = {
        EDITORS: _permissions(("add", "change", "view"), with_publish=False),
        PUBLISHERS: _permissions(("add", "change", "delete", "view"), with_publish=True)
        # Rights that are not a content type's, such as the site's identity (identity.change_siteidentity).
        + [tuple(permission.split(".", 1)) for permission in registry.publisher_permissions()],
    }
    result = {}
    for name, pairs in wanted.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = []
        for app_label, codename in pairs:
            perms.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(perms)
        result[name] = len(perms)
    return result


def can_publish_redirects(user):
    return user.has_perm("editorial.publish_redirect")


def can_publish(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")
