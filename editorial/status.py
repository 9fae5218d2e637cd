"""Where an item stands, in the words of the changelists: Brouillon, Soumis, Programmé, Publié, Publié avec
modifications, Expiré.

One annotation of the changelist's queryset (editorial_state_q) gives every row its draft's step without a
query per row; the same rules answer for one object (state_of) and for the changelist filter.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Status

from .models import Draft, DraftState

DRAFT, SUBMITTED, SCHEDULED, PUBLISHED, CHANGED, EXPIRED = (
    "draft", "submitted", "scheduled", "published", "changed", "expired")
STATES = (
    (DRAFT, _("Brouillon")),
    (SUBMITTED, _("Soumis")),
    (SCHEDULED, _("Programmé")),
    (PUBLISHED, _("Publié")),
    (CHANGED, _("Publié avec modifications")),
    (EXPIRED, _("Expiré")),
)


def with_draft_state(queryset):
    """The queryset, each row annotated with its draft's step and whether it holds unpublished changes."""
    drafts = Draft.objects.filter(content_type=ContentType.objects.get_for_model(queryset.model),
                                  object_id=OuterRef("pk"))
    return queryset.annotate(
        # "" rather than NULL for an item with no draft: a NULL would make every negated condition unknown.
        editorial_draft_state=Coalesce(Subquery(drafts.values("state")[:1]), Value("")),
        editorial_draft_changes=Exists(drafts.filter(data__isnull=False)),
    )


def state_of(obj):
    """The step of one row annotated by with_draft_state()."""
    now = timezone.now()
    if obj.status == Status.PUBLISHED:
        if obj.expiry_date is not None and obj.expiry_date <= now:
            return EXPIRED
        if obj.publication_date > now or getattr(obj, "editorial_draft_state", None) == DraftState.SCHEDULED:
            return SCHEDULED
        if getattr(obj, "editorial_draft_changes", False):
            return CHANGED
        return PUBLISHED
    if getattr(obj, "editorial_draft_state", None) == DraftState.SUBMITTED:
        return SUBMITTED
    return DRAFT


def state_q(state):
    """The database form of state_of() == state, on a queryset annotated by with_draft_state()."""
    now = timezone.now()
    published = Q(status=Status.PUBLISHED)
    expired = published & Q(expiry_date__lte=now)
    scheduled = published & ~expired & (Q(publication_date__gt=now) | Q(editorial_draft_state=DraftState.SCHEDULED))
    changed = published & ~expired & ~scheduled & Q(editorial_draft_changes=True)
    return {
        EXPIRED: expired,
        SCHEDULED: scheduled,
        CHANGED: changed,
        PUBLISHED: published & ~expired & ~scheduled & ~Q(editorial_draft_changes=True),
        SUBMITTED: ~published & Q(editorial_draft_state=DraftState.SUBMITTED),
        DRAFT: ~published & ~Q(editorial_draft_state=DraftState.SUBMITTED),
    }[state]


class StateFilter(admin.SimpleListFilter):
    """Changelist filter "Étape": Brouillon, Soumis, Programmé, Publié, Publié avec modifications, Expiré."""

    title = _("étape")
    parameter_name = "etape"

    def lookups(self, request, model_admin):
        return STATES

    def queryset(self, request, queryset):
        if self.value() in dict(STATES):
            return queryset.filter(state_q(self.value()))
        return queryset
