"""What the admin home shows a member of staff: what needs them today.

For "Publication", what waits for review; for everyone, their own drafts,
what goes online or offline by itself in the next days, and what was
published last. Each entry links to the item's change page. Only the types
the user may view are read (editorial.translation_status.tracked_models),
and the queries are a few per content type, never one per item.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from core.models import Status

from .models import Draft, DraftState
from .roles import can_publish
from .translation_status import tracked_models

#: How far ahead "Programmé" and "Dépubliés bientôt" look.
AHEAD = timedelta(days=7)
#: How many items "Publié récemment" lists.
RECENT = 10
#: The field, if the publishing base has it, of the date an item leaves the site by itself.
EXPIRY_FIELD = "expiry_date"


@dataclass
class Entry:
    """One line of the dashboard: an item, when, who, and what they said."""

    obj: object
    when: datetime | None = None
    who: object = None
    note: str = ""
    label: str = ""

    @property
    def type_name(self):
        return self.obj._meta.verbose_name

    @property
    def who_name(self):
        return (self.who.get_full_name() or self.who.get_username()) if self.who is not None else ""

    @property
    def change_url(self):
        opts = self.obj._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.obj.pk])


@dataclass
class Section:
    """A heading of the dashboard and its entries; ``empty`` says so when there are none."""

    id: str
    title: str
    entries: list
    empty: str


def _key(obj):
    return (type(obj), obj.pk)


def _drafts(user, content_types, now):
    """The workflow rows the dashboard needs, with their items: one query, plus one per type present."""
    mine = Q(author=user) | Q(updated_by=user)
    wanted = (Q(state=DraftState.SUBMITTED) | (mine & Q(state=DraftState.DRAFT))
              | Q(state=DraftState.SCHEDULED, go_live_at__lte=now + AHEAD))
    rows = (Draft.objects.filter(wanted, content_type__in=content_types)
            .select_related("author", "updated_by").prefetch_related("content_object"))
    return [draft for draft in rows if draft.content_object is not None]


def _last_editor(model):
    """The user of the item's latest revision (django-reversion), as a subquery."""
    versions = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    ).order_by("-revision__date_created", "-pk")
    return Subquery(versions.values("revision__user")[:1])


def _upcoming_and_mine(model, user, now):
    """One query: published items that appear or leave within AHEAD, and never-published items I edited last."""
    soon = Q(status=Status.PUBLISHED) & Q(publication_date__gt=now, publication_date__lte=now + AHEAD)
    if hasattr(model, EXPIRY_FIELD):
        soon |= Q(status=Status.PUBLISHED) & Q(**{f"{EXPIRY_FIELD}__gt": now, f"{EXPIRY_FIELD}__lte": now + AHEAD})
    mine = Q(status=Status.DRAFT, last_editor=user.pk)
    return model.objects.annotate(last_editor=_last_editor(model)).filter(soon | mine)


def dashboard(user):
    """The sections (:class:`Section`) of the admin home for ``user``; none when they may view no content."""
    models = tracked_models(user)
    if not models:
        return []
    now = timezone.now()
    content_types = ContentType.objects.get_for_models(*models).values()
    publishable_by_me = {model for model in models if can_publish(user, model)}

    to_review, my_drafts, scheduled, expiring, recent = [], [], [], [], []
    seen_mine = set()
    for draft in _drafts(user, content_types, now):
        obj = draft.content_object
        if draft.state == DraftState.SUBMITTED and type(obj) in publishable_by_me:
            to_review.append(Entry(obj, draft.updated_at, draft.author or draft.updated_by, draft.message))
        if draft.state == DraftState.SCHEDULED:
            scheduled.append(Entry(obj, draft.go_live_at, draft.updated_by, label=_("modifications")))
        elif user.pk in (draft.author_id, draft.updated_by_id):
            label = draft.get_state_display() if draft.state == DraftState.SUBMITTED else (
                _("renvoyé en rédaction") if draft.review_comment else
                _("modifications en attente") if draft.has_changes else _("brouillon"))
            my_drafts.append(Entry(obj, draft.updated_at, draft.updated_by, draft.review_comment, label))
            seen_mine.add(_key(obj))

    with_expiry = [model for model in models if hasattr(model, EXPIRY_FIELD)]
    for model in models:
        for obj in _upcoming_and_mine(model, user, now):
            if obj.status == Status.DRAFT:
                if _key(obj) not in seen_mine:
                    my_drafts.append(Entry(obj, obj.updated_at, user, label=_("jamais publié")))
                continue
            if now < obj.publication_date <= now + AHEAD:
                scheduled.append(Entry(obj, obj.publication_date, label=_("première publication")))
            expiry = getattr(obj, EXPIRY_FIELD, None)
            if expiry is not None and now < expiry <= now + AHEAD:
                expiring.append(Entry(obj, expiry))
        recent.extend(Entry(obj, obj.publication_date)
                      for obj in model.objects.published().order_by("-publication_date", "-pk")[:RECENT])

    to_review.sort(key=lambda entry: entry.when)
    my_drafts.sort(key=lambda entry: entry.when, reverse=True)
    scheduled.sort(key=lambda entry: entry.when)
    expiring.sort(key=lambda entry: entry.when)
    recent.sort(key=lambda entry: entry.when, reverse=True)
    sections = []
    if publishable_by_me:
        sections.append(Section("to-review", _("À relire"), to_review, _("Aucun contenu soumis pour publication.")))
    sections.append(Section("my-drafts", _("Mes brouillons"), my_drafts, _("Aucun brouillon en cours.")))
    sections.append(Section("scheduled", _("Programmé dans les 7 prochains jours"), scheduled,
                            _("Aucune publication programmée.")))
    if with_expiry:
        sections.append(Section("expiring", _("Dépubliés bientôt"), expiring,
                                _("Aucun contenu ne quitte le site dans les 7 prochains jours.")))
    sections.append(Section("recent", _("Publié récemment"), recent[:RECENT], _("Rien n’est encore publié.")))
    return sections
