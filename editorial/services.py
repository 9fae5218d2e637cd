"""Editorial operations that span models: status changes with history, redirects."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from reversion import revisions

from core.models import Status

from .checks import check_object
from .models import Redirect

PUBLISHED_COMMENT = _("Publié")
UNPUBLISHED_COMMENT = _("Dépublié")


def content_status_set(*, obj, status, user):
    """Publish or unpublish one item, recorded as a revision by ``user``.

    Returns the list of problems that prevented publishing (empty on success).
    """
    if status == Status.PUBLISHED:
        problems = check_object(obj)
        if problems:
            return problems
    with transaction.atomic(), revisions.create_revision():
        obj.status = status
        obj.save(update_fields=["status", "updated_at"])
        revisions.set_user(user)
        # Stored in French, the language of the back-office's history.
        revisions.set_comment(str(PUBLISHED_COMMENT if status == Status.PUBLISHED else UNPUBLISHED_COMMENT))
    return []


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
