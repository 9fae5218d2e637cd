"""Which content lacks English, or has English older than its French.

English is *missing* when a text the reader reads (title, lead, summary,
body… : core.i18n.READING_FIELDS) is written in French but not in
English — the rule that also keeps the page out of hreflang — and
*out of date* when the French text changed after the English text was last
edited (``Publishable.fr_updated_at`` / ``en_updated_at``, kept by save()).
"""

from django.contrib import admin
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.i18n import READING_FIELDS, is_translated, translated_fields
from core.registry import registry

MISSING = "missing"
OUTDATED = "outdated"
UP_TO_DATE = "ok"
STATES = ((MISSING, _("manquante")), (OUTDATED, _("à mettre à jour")), (UP_TO_DATE, _("à jour")))


def tracked_models(user=None):
    """Content models whose translation state is tracked (the publishable ones), those ``user`` may view."""
    models = registry.publishable_models()
    if user is not None:
        models = [model for model in models if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
                  or user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")]
    return models


def missing_q(model):
    """The database form of ``not core.i18n.is_translated(obj)``."""
    condition = Q(pk__in=[])
    for name in READING_FIELDS:
        if name in translated_fields(model):
            french, english = f"{name}_fr", f"{name}_en"
            condition |= (~Q(**{f"{french}__isnull": True}) & ~Q(**{french: ""})
                          & (Q(**{f"{english}__isnull": True}) | Q(**{english: ""})))
    return condition


def outdated_q(model):
    return ~missing_q(model) & Q(fr_updated_at__isnull=False) & (
        Q(en_updated_at__isnull=True) | Q(en_updated_at__lt=F("fr_updated_at"))
    )


def state_q(model, state):
    if state == MISSING:
        return missing_q(model)
    if state == OUTDATED:
        return outdated_q(model)
    return ~missing_q(model) & ~outdated_q(model)


def state_of(obj):
    if not is_translated(obj):
        return MISSING
    if obj.fr_updated_at and (obj.en_updated_at is None or obj.en_updated_at < obj.fr_updated_at):
        return OUTDATED
    return UP_TO_DATE


class TranslationStatusFilter(admin.SimpleListFilter):
    """Changelist filter "Traduction": manquante / à mettre à jour / à jour."""

    title = _("traduction")
    parameter_name = "traduction"

    def lookups(self, request, model_admin):
        return STATES

    def queryset(self, request, queryset):
        if self.value() in dict(STATES):
            return queryset.filter(state_q(queryset.model, self.value()))
        return queryset


def translation_counts(user):
    """[{verbose name, missing, outdated, changelist URL}] for the admin home, one query per model."""
    rows = []
    for model in tracked_models(user):
        counts = model.objects.aggregate(
            missing=Count("pk", filter=missing_q(model)), outdated=Count("pk", filter=outdated_q(model)),
        )
        opts = model._meta
        rows.append({
            "name": opts.verbose_name_plural,
            "missing": counts["missing"],
            "outdated": counts["outdated"],
            "changelist_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        })
    return rows


def untranslated_items(user):
    """Every item whose English is missing or out of date, grouped by model, oldest French change first."""
    groups = []
    for model in tracked_models(user):
        opts = model._meta
        items = model.objects.filter(missing_q(model) | outdated_q(model)).order_by(
            F("fr_updated_at").asc(nulls_first=True), "pk")
        entries = [{
            "object": obj,
            "state": state_of(obj),
            "state_label": dict(STATES)[state_of(obj)],
            "change_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
        } for obj in items]
        if entries:
            groups.append({"name": opts.verbose_name_plural, "entries": entries})
    return groups
