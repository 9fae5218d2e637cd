"""The editorial workflow: who may change what the public sees, and when it changes.

"Rédaction" saves drafts and submits them; "Publication" publishes,
schedules, sends back and unpublishes. Every right is checked here, in the
service that does the change, whatever called it (the change form, a bulk
action, the history's restore, a command): the admin only makes it
comfortable.

A scheduled draft of a live item goes live at its time without a timer job:
the content state of the page cache (core.cache) knows the time of the next
due draft, and the first request after it applies the due drafts
(:func:`publish_due_drafts`) before anything is read or served.

Each step mails whoever must act or know (editorial.notifications), once
the step is committed. ``on_mail_failure``, if given, receives the sentence
to show the person who acted when a mail could not be sent; the step itself
stands either way.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reversion import revisions

from core.models import Status
from core.registry import registry

from .checks import check_object
from .drafts import apply_graph, draft_for, materialized, record_of
from .models import Draft, DraftState
from .notifications import notify_published, notify_rejected, notify_submitted
from .roles import can_publish

PUBLISHED_COMMENT = _("Publié")
UNPUBLISHED_COMMENT = _("Dépublié")
SCHEDULED_COMMENT = _("Programmé pour le %(date)s")


def _require_publisher(user, obj):
    if not can_publish(user, type(obj)):
        raise PermissionDenied(_("Seul le groupe « Publication » peut décider de ce qui est en ligne."))


def _require_editor(user, obj):
    opts = obj._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        raise PermissionDenied


def _workflow_row(obj, user):
    draft = draft_for(obj)
    if draft is None:
        draft = Draft(content_object=obj, author=user)
    return draft


def draft_save(*, obj, graph, user):
    """Keep ``graph`` (editorial.drafts.serialize_graph) as the unpublished state of the published ``obj``."""
    _require_editor(user, obj)
    if not can_publish(user, type(obj)):
        # Only "Publication" decides when an item is online: its live status and date stay in the draft.
        live = record_of(obj)["fields"]
        for name in ("status", "publication_date"):
            graph["object"]["fields"][name] = live[name]
    draft = _workflow_row(obj, user)
    draft.data = graph
    draft.updated_by = user
    if draft.state == DraftState.SCHEDULED:
        # The schedule was for the text Publication read: a new edit needs a new decision.
        draft.state, draft.go_live_at = DraftState.DRAFT, None
    draft.save()
    return draft


def draft_submit(*, obj, user, message="", on_mail_failure=None):
    """Ask "Publication" to review and publish the item (its draft, or the item itself if never published)."""
    _require_editor(user, obj)
    draft = _workflow_row(obj, user)
    draft.state, draft.message, draft.review_comment = DraftState.SUBMITTED, message, ""
    draft.author, draft.updated_by = draft.author or user, user
    draft.save()
    notify_submitted(obj=obj, user=user, message=message, on_failure=on_mail_failure)
    return draft


def draft_reject(*, obj, user, comment, on_mail_failure=None):
    """Send the item back to "Rédaction" with a comment its author sees."""
    _require_publisher(user, obj)
    draft = _workflow_row(obj, user)
    draft.state, draft.review_comment, draft.go_live_at = DraftState.DRAFT, comment, None
    draft.updated_by = user
    draft.save()
    notify_rejected(obj=obj, author=draft.author, user=user, comment=comment, on_failure=on_mail_failure)
    return draft


def publication_problems(obj):
    """What prevents publishing ``obj`` as its draft stands (the checks run on the draft, not the live row)."""
    with materialized(obj):
        return check_object(obj)


def content_publish(*, obj, user, at=None, on_mail_failure=None):
    """Publish the item now, or at ``at``. Returns the problems that prevented it (empty on success)."""
    _require_publisher(user, obj)
    problems = publication_problems(obj)
    if problems:
        return problems
    draft = draft_for(obj)
    author = draft.author if draft is not None else None
    now = timezone.now()
    if at is not None and at > now:
        with transaction.atomic(), revisions.create_revision():
            if obj.status == Status.PUBLISHED and draft is not None and draft.has_changes:
                draft.state, draft.go_live_at, draft.updated_by = DraftState.SCHEDULED, at, user
                draft.save()
            else:
                obj.status, obj.publication_date = Status.PUBLISHED, at
                obj.save()
                if draft is not None:
                    draft.delete()
            revisions.set_user(user)
            revisions.set_comment(str(SCHEDULED_COMMENT % {"date": timezone.localtime(at).strftime("%d/%m/%Y %H:%M")}))
        notify_published(obj=obj, author=author, user=user, at=at, on_failure=on_mail_failure)
        return []
    with transaction.atomic(), revisions.create_revision():
        if draft is not None and draft.has_changes:
            apply_graph(obj, draft.data)
        if obj.status != Status.PUBLISHED and not ever_published(obj) and not (
                draft is not None and draft.publication_date_chosen):
            # The date of a release is the moment it first went out, not the day its draft was begun.
            obj.status, obj.publication_date = Status.PUBLISHED, now
            obj.save()
        elif obj.status != Status.PUBLISHED or obj.publication_date > now:
            obj.status, obj.publication_date = Status.PUBLISHED, min(obj.publication_date, now)
            obj.save()
        if draft is not None:
            draft.delete()
        revisions.set_user(user)
        revisions.set_comment(str(PUBLISHED_COMMENT))
    notify_published(obj=obj, author=author, user=user, on_failure=on_mail_failure)
    return []


def ever_published(obj):
    """True when the item has gone live before (its history has a "Publié" entry)."""
    from reversion.models import Version

    return Version.objects.get_for_object(obj).filter(revision__comment=str(PUBLISHED_COMMENT)).exists()


def publication_date_chosen(*, obj, user):
    """Publication typed the date of an item never published: publishing it will keep that date."""
    _require_publisher(user, obj)
    draft = _workflow_row(obj, user)
    draft.publication_date_chosen, draft.updated_by = True, user
    draft.save()


def content_unpublish(*, obj, user):
    """Take the item offline. Its draft, if any, stays for later."""
    _require_publisher(user, obj)
    with transaction.atomic(), revisions.create_revision():
        obj.status = Status.DRAFT
        obj.save(update_fields=["status", "updated_at"])
        revisions.set_user(user)
        revisions.set_comment(str(UNPUBLISHED_COMMENT))
    draft = draft_for(obj)
    if draft is not None and draft.has_changes:
        # Offline, the row itself is the draft again: what was pending becomes the row.
        with transaction.atomic():
            apply_graph(obj, draft.data, keep=("status",))
            draft.delete()
    return []


EXPIRY_COMMENT = _("Dépublication programmée le %(date)s")


def content_expire(*, obj, user, at):
    """Take the item offline by itself at ``at`` ("Dépublier le …")."""
    _require_publisher(user, obj)
    with transaction.atomic(), revisions.create_revision():
        obj.expiry_date = at
        obj.save(update_fields=["expiry_date", "updated_at"])
        revisions.set_user(user)
        revisions.set_comment(str(EXPIRY_COMMENT % {"date": timezone.localtime(at).strftime("%d/%m/%Y %H:%M")}))
    return []


def scheduled_moments():
    """When the scheduled drafts go live, past ones included (core.cache unions it with the publishing dates)."""
    return Draft.objects.filter(state=DraftState.SCHEDULED, go_live_at__isnull=False).order_by().values_list(
        "go_live_at", flat=True)


def publish_due_drafts():
    """Apply every scheduled draft whose time has come; safe when several processes call it at once."""
    published = 0
    for pk in list(Draft.objects.due().values_list("pk", flat=True)):
        with transaction.atomic():
            draft = Draft.objects.select_for_update(skip_locked=True).filter(pk=pk).due().first()
            if draft is None:
                continue  # another process took it
            obj = draft.content_object
            if obj is None or registry.get(type(obj)) is None:
                draft.delete()
                continue
            with revisions.create_revision():
                if draft.has_changes:
                    apply_graph(obj, draft.data)
                draft.delete()
                revisions.set_user(draft.updated_by)
                revisions.set_comment(str(PUBLISHED_COMMENT))
            # Sent when this draft's transaction commits; nobody is there to warn if it fails (it is logged).
            notify_published(obj=obj, author=draft.author, user=draft.updated_by)
            published += 1
    return published
