"""The two editorial groups and what each may do.

"Rédaction" writes: it adds, changes and views content but cannot publish,
unpublish or delete. "Publication" may do everything on content. The groups
are (re)built after every migrate and by ``manage.py setup_roles``, so adding
a model only means listing it here.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

EDITORS = "Rédaction"
PUBLISHERS = "Publication"

# app_label.model -> True when the model carries a publish_<model> permission.
CONTENT_MODELS = {
    "oim_site.page": True,
    "news.newsrelease": True,
    "news.relatedlink": False,
    "partners.partner": True,
    "programmes.programmearea": True,
    "programmes.project": False,
    "programmes.publication": False,
    "offices.office": True,
    "offices.activitydomain": False,
    "offices.person": False,
    "editorial.redirect": False,
}


def _permissions(actions, with_publish):
    perms = []
    for label, publishable in CONTENT_MODELS.items():
        app_label, model = label.split(".")
        codenames = [f"{action}_{model}" for action in actions]
        if with_publish and publishable:
            codenames.append(f"publish_{model}")
        perms.extend((app_label, codename) for codename in codenames)
    return perms


def roles_setup():
    """Create or update both groups; return {group name: permission count}."""
    ContentType.objects.clear_cache()
    wanted = {
        EDITORS: _permissions(("add", "change", "view"), with_publish=False),
        PUBLISHERS: _permissions(("add", "change", "delete", "view"), with_publish=True),
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


def can_publish(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")
