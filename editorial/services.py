"""Editorial operations that span models: status changes (through editorial.workflow), redirects."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.models import Status
from core.views import PublishedDetailView

from .models import Redirect
from .workflow import content_publish, content_unpublish


def content_status_set(*, obj, status, user):
    """Publish or unpublish one item on behalf of ``user`` (editorial.workflow checks the right).

    Returns the list of problems that prevented publishing (empty on success).
    """
    if status == Status.PUBLISHED:
        return content_publish(obj=obj, user=user)
    return content_unpublish(obj=obj, user=user)


REDIRECT_MAX_LENGTH = 500
#: Whitespace, control characters and backslashes: browsers read "/\\evil.example" as another host.
_UNSAFE_IN_PATH = re.compile(r"[\s\x00-\x1f\x7f\\\\]")


def _site_path_problem(value, label):
    if not value.startswith("/") or value.startswith("//"):
        return _("%(label)s doit être un chemin du site commençant par « / » (pas « // »).") % {"label": label}
    if _UNSAFE_IN_PATH.search(value):
        return _("%(label)s contient une espace, un caractère de contrôle ou une barre oblique inverse.") % {
            "label": label}
    return None


def is_live_path(path):
    """True when ``path`` is the address of a page the public can see now (a redirect there would hide it)."""
    split = urlsplit(path)
    language = split.path.strip("/").split("/", 1)[0]
    with translation.override(language if language in {"fr", "en"} else None):
        try:
            match = resolve(split.path)
        except Resolver404:
            return False
        view_class = getattr(match.func, "view_class", None)
        if view_class is not None and issubclass(view_class, PublishedDetailView) and "slug" in match.kwargs:
            model = view_class.model
            return model._default_manager.published().filter(slug=match.kwargs["slug"]).exists()
        return True  # a listing, the home page, a feed, the sitemap…


def redirect_problems(*, old_path, new_path, allow_external):
    """What is wrong with a redirect, in French, as {"old_path" | "new_path": message}; empty when it is fine.

    The old path is a path of this site that is not a live page. The target
    is a path of this site, or, for someone with the publishing right
    (``allow_external``), an absolute https:// address. Never ``//host``,
    ``javascript:`` or ``data:``.
    """
    problems = {}
    old_path, new_path = (old_path or "").strip(), (new_path or "").strip()
    if not old_path:
        problems["old_path"] = _("L’ancienne adresse est obligatoire.")
    elif len(old_path) > REDIRECT_MAX_LENGTH:
        problems["old_path"] = _("Adresse de plus de %(max)d caractères.") % {"max": REDIRECT_MAX_LENGTH}
    elif problem := _site_path_problem(old_path, _("L’ancienne adresse")):
        problems["old_path"] = problem
    elif is_live_path(old_path):
        problems["old_path"] = _("Cette adresse est celle d’une page en ligne : une redirection la masquerait.")
    if not new_path:
        problems["new_path"] = _("La nouvelle adresse est obligatoire.")
    elif len(new_path) > REDIRECT_MAX_LENGTH:
        problems["new_path"] = _("Adresse de plus de %(max)d caractères.") % {"max": REDIRECT_MAX_LENGTH}
    elif new_path.lower().startswith("https://"):
        host = urlsplit(new_path).hostname
        if not allow_external:
            problems["new_path"] = _("Une redirection vers un autre site demande le droit de publier.")
        elif not host or _UNSAFE_IN_PATH.search(new_path):
            problems["new_path"] = _("Adresse externe invalide : écrivez une adresse complète en https://.")
    elif problem := _site_path_problem(new_path, _("La nouvelle adresse")):
        problems["new_path"] = problem
    if not problems and old_path == new_path:
        problems["new_path"] = _("La nouvelle adresse est identique à l’ancienne.")
    return problems


def redirect_save(*, old_path, new_path, user):
    """Make a redirect on behalf of ``user``, enforcing redirect_problems() and the publishing right."""
    from .roles import can_publish_redirects

    problems = redirect_problems(old_path=old_path, new_path=new_path, allow_external=can_publish_redirects(user))
    if problems:
        raise ValidationError(problems)
    if not user.has_perm("editorial.add_redirect"):
        raise PermissionDenied
    return redirect_create(old_path=old_path.strip(), new_path=new_path.strip())


def redirect_create(*, old_path, new_path):
    """Make ``old_path`` answer with a 301 to ``new_path``, keeping every chain one hop long.

    A redirect that pointed to ``old_path`` now points to ``new_path``; a
    redirect *from* ``new_path`` is dropped, since that address is live again;
    a redirect to itself is never stored. Returns the Redirect, or None when
    there was nothing to record.
    """
    if not old_path or not new_path or old_path == new_path:
        return None
    with transaction.atomic():
        # A -> B while B -> C exists: A goes straight to C (unless C is A, a loop).
        onward = Redirect.objects.filter(old_path=new_path).first()
        if onward is not None:
            if onward.new_path == old_path:
                onward.delete()  # B -> A, and now A -> B: B is live again.
            else:
                new_path = onward.new_path
        # X -> A becomes X -> new target, and those that would now point to themselves disappear.
        Redirect.objects.filter(new_path=old_path, old_path=new_path).delete()
        Redirect.objects.filter(new_path=old_path).update(new_path=new_path)
        redirect, _created = Redirect.objects.update_or_create(old_path=old_path, defaults={"new_path": new_path})
        Redirect.objects.filter(Q(old_path=redirect.new_path)).exclude(pk=redirect.pk).delete()
        return redirect
