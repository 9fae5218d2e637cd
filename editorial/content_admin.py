"""What every content admin shares.

ContentAdmin gives each publishable model the same back-office: FR/EN tabs,
the English-translation column, status and date filters, publish and
unpublish actions that only the "Publication" group sees, and image
thumbnails.

WordingMixin makes the admin speak French with agreement: Django builds its
titles from ``verbose_name`` without article or gender ("Sélectionnez l’objet
communiqué de presse à changer", "Supprimer les pages sélectionnés"), so each
model's noun and gender are written once, in NOUNS, and every title, button
and message is built from them.
"""

from dataclasses import dataclass

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TabbedDjangoJqueryTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from core.i18n import is_translated
from core.models import Status
from core.uploads import KeptFileWidget, thumbnail  # noqa: F401 (thumbnail: the content admins' list column)

from .admin import EditorialAdminMixin
from .drafts import draft_for
from .roles import can_publish
from .services import content_status_set
from .status import STATES, StateFilter, state_of, with_draft_state

#: Images and documents in every content form: the current image shown, a new choice kept across a refused save.
FILE_WIDGETS = {models.ImageField: {"widget": KeptFileWidget}, models.FileField: {"widget": KeptFileWidget}}


@dataclass(frozen=True)
class Noun:
    """How the admin names one kind of content: "communiqué" (m.), "page" (f.)."""

    one: str
    many: str
    feminine: bool = False


#: Each content type's noun, by model label: shorter than verbose_name where
#: the editors say it shorter ("communiqué", not "communiqué de presse").
NOUNS = {
    "news.newsrelease": Noun(_("communiqué"), _("communiqués")),
    "pages.page": Noun(_("page"), _("pages"), feminine=True),
    "partners.partner": Noun(_("partenaire"), _("partenaires")),
    "programmes.programmearea": Noun(_("domaine de programme"), _("domaines de programme")),
    "programmes.project": Noun(_("projet"), _("projets")),
    "programmes.publication": Noun(_("publication"), _("publications"), feminine=True),
    "offices.office": Noun(_("bureau"), _("bureaux")),
    "offices.person": Noun(_("personne"), _("personnes"), feminine=True),
    "offices.activitydomain": Noun(_("domaine d’activité"), _("domaines d’activité")),
}


def noun_of(model):
    """The model's noun (NOUNS), or its verbose names for a model not listed there."""
    opts = model._meta
    return NOUNS.get(opts.label_lower) or Noun(opts.verbose_name, opts.verbose_name_plural)


#: The admin's titles and buttons, masculine and feminine; %(one)s and %(many)s are the noun.
PHRASES = {
    "choose": (_("Choisissez le %(one)s à modifier"),
               _("Choisissez la %(one)s à modifier")),
    "choose_view": (_("Choisissez le %(one)s à consulter"),
                    _("Choisissez la %(one)s à consulter")),
    "add": (_("Ajouter un %(one)s"), _("Ajouter une %(one)s")),
    "change": (_("Modifier le %(one)s"), _("Modifier la %(one)s")),
    "view": (_("Consulter le %(one)s"), _("Consulter la %(one)s")),
    "delete_selected": (_("Supprimer les %(many)s sélectionnés"),
                        _("Supprimer les %(many)s sélectionnées")),
    "recover": (_("Récupérer des %(many)s supprimés"),
                _("Récupérer des %(many)s supprimées")),
    "none_published": (_("Aucun %(one)s n’a été publié :"),
                       _("Aucune %(one)s n’a été publiée :")),
    "none_unpublished": (_("Aucun %(one)s n’a été dépublié :"),
                         _("Aucune %(one)s n’a été dépubliée :")),
}


def phrase(model, key):
    """PHRASES[key] for ``model``, in the noun's gender."""
    noun = noun_of(model)
    masculine, feminine = PHRASES[key]
    return str(feminine if noun.feminine else masculine) % {"one": noun.one, "many": noun.many}


def saved_phrase(model, obj):
    """ "Le communiqué « … » est enregistré.", "La page « … » est enregistrée." """
    noun = noun_of(model)
    text = _("La %(one)s « %(object)s » est enregistrée.") if noun.feminine else _(
        "Le %(one)s « %(object)s » est enregistré.")
    return str(text) % {"one": noun.one, "object": obj}


def count_phrase(model, count, published):
    """ "3 communiqués publiés.", "1 page dépubliée." (``count`` is at least 1: nothing done is a warning)."""
    noun = noun_of(model)
    if published and noun.feminine:
        text = ngettext("%(count)d %(noun)s publiée.", "%(count)d %(noun)s publiées.", count)
    elif published:
        text = ngettext("%(count)d %(noun)s publié.", "%(count)d %(noun)s publiés.", count)
    elif noun.feminine:
        text = ngettext("%(count)d %(noun)s dépubliée.", "%(count)d %(noun)s dépubliées.", count)
    else:
        text = ngettext("%(count)d %(noun)s dépublié.", "%(count)d %(noun)s dépubliés.", count)
    # From 1 on, French and English agree on the plural: one thing is singular, more are plural.
    return text % {"count": count, "noun": noun.one if count == 1 else noun.many}


class TitledChangeList(ChangeList):
    """The list filters under their own titles ("Sur la page équipe"), not "Par sur la page équipe"."""

    def get_filters(self, request, *args, **kwargs):
        specs, *rest = super().get_filters(request, *args, **kwargs)
        for spec in specs:
            spec.title = self.model_admin.filter_title(spec)
        return (specs, *rest)


class WordingMixin:
    """Titles, buttons and filter titles built from the model's noun (NOUNS), with article and agreement.

    For admins built on django-reversion's VersionAdmin (HistoryAdminMixin):
    it words the recover list and its button too.

    ``filter_titles`` names a filter (by field path or parameter name) where
    its field's verbose name, capitalised, does not say it.
    """

    filter_titles = {}
    #: This template (templates/admin/change_list.html) draws the "Ajouter" and "Récupérer" buttons.
    change_list_template = "admin/change_list.html"

    def filter_title(self, spec):
        key = getattr(spec, "field_path", None) or getattr(spec, "parameter_name", None)
        return self.filter_titles.get(key) or capfirst(spec.title)

    def get_changelist(self, request, **kwargs):
        return TitledChangeList

    def wording_context(self, request):
        return {
            "editorial_add_label": phrase(self.model, "add"),
            "editorial_recover_label": phrase(self.model, "recover"),
        }

    def changelist_view(self, request, extra_context=None):
        key = "choose" if self.has_change_permission(request) else "choose_view"
        context = {"title": phrase(self.model, key), **self.wording_context(request), **(extra_context or {})}
        return super().changelist_view(request, context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is None:
            title = phrase(self.model, "add")
        else:
            obj = self.get_object(request, unquote(object_id))
            title = phrase(self.model, "change" if self.has_change_permission(request, obj) else "view")
        return super().changeform_view(request, object_id, form_url, {"title": title, **(extra_context or {})})

    def recoverlist_view(self, request, extra_context=None):
        context = {"title": phrase(self.model, "recover"), **(extra_context or {})}
        return super().recoverlist_view(request, context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            function, name, _description = actions["delete_selected"]
            actions["delete_selected"] = (function, name, phrase(self.model, "delete_selected"))
        return actions


class EnglishStatusMixin:
    @admin.display(description=_("EN"), boolean=True)
    def english(self, obj):
        return is_translated(obj)


#: The change form's workflow buttons: what they did is said by editorial.admin.workflow_action.
WORKFLOW_BUTTONS = ("_publish", "_unpublish", "_submit", "_reject", "_schedule", "_expire")


class ContentAdmin(WordingMixin, EditorialAdminMixin, EnglishStatusMixin, TabbedDjangoJqueryTranslationAdmin):
    """Base admin of every model built on the publishing base."""

    date_hierarchy = "publication_date"
    list_filter = (StateFilter, "publication_date")
    actions = ("publish", "unpublish")
    save_on_top = True
    formfield_overrides = FILE_WIDGETS
    list_per_page = 50

    def get_list_display(self, request):
        return (*super().get_list_display(request), "status_label", "publication_date", "english")

    def get_queryset(self, request):
        return with_draft_state(super().get_queryset(request))

    @admin.display(description=_("étape"), ordering="status")
    def status_label(self, obj):
        return dict(STATES)[state_of(obj)]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user, self.model) or self.is_live(obj):
            # Online or offline is decided by the buttons ("Publier", "Dépublier"), through editorial.workflow.
            readonly.append("status")
        if self.is_live(obj) and not can_publish(request.user, self.model):
            readonly.append("publication_date")
        return readonly

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not can_publish(request.user, self.model):
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions

    def _muted_for_workflow(self, request, respond):
        """The admin's "L’objet … a été modifié avec succès" gives way to what really happened.

        After "Publier"… the workflow's own message alone; after a plain save of an item that is not online,
        "Le communiqué « … » est enregistré." (a published item's save says that its draft is saved).
        """
        request._editorial_mute = True
        try:
            response = respond()
        finally:
            request._editorial_mute = False
        plain_save = not any(button in request.POST for button in WORKFLOW_BUTTONS)
        saved = getattr(request, "_editorial_saved_object", None)
        if plain_save and saved is not None and not getattr(request, "_editorial_draft_mode", False) \
                and getattr(request, "_editorial_preview", None) is None:
            messages.success(request, saved_phrase(self.model, saved))
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        request._editorial_saved_object = obj

    def response_change(self, request, obj):
        return self._muted_for_workflow(request, lambda: super(ContentAdmin, self).response_change(request, obj))

    def response_add(self, request, obj, post_url_continue=None):
        return self._muted_for_workflow(
            request, lambda: super(ContentAdmin, self).response_add(request, obj, post_url_continue))

    @staticmethod
    def _has_pending_draft(obj):
        draft = draft_for(obj)
        return draft is not None and draft.has_changes

    def _set_status(self, request, queryset, status):
        """Publish or unpublish each item; returns how many changed and why the others did not."""
        done, reasons = 0, []
        # Each change is a revision ("Publié"/"Dépublié", by whom); publishing
        # skips, with the reasons, items that fail the quality checks.
        for obj in queryset:
            if status == Status.PUBLISHED and obj.status == status and not self._has_pending_draft(obj):
                reasons.append(_("« %(object)s » est déjà en ligne, sans modification en attente.") % {"object": obj})
                continue
            if status != Status.PUBLISHED and obj.status == status:
                reasons.append(_("« %(object)s » n’est pas en ligne.") % {"object": obj})
                continue
            try:
                problems = content_status_set(obj=obj, status=status, user=request.user)
            except PermissionDenied:
                reasons.append(_("Vous n’avez pas le droit de publier."))
                break
            if problems:
                reasons.append(format_html("{} {}", _("« %(object)s » n’est pas publié :") % {"object": obj},
                                           " ".join(str(problem) for problem in problems)))
                continue
            done += 1
        return done, reasons

    def _report(self, request, done, reasons, published):
        """ "3 communiqués publiés.", each refusal with its reason; a warning when nothing happened."""
        if done:
            self.message_user(request, count_phrase(self.model, done, published), messages.SUCCESS)
            for reason in reasons:
                self.message_user(request, reason, messages.ERROR)
            return
        heading = phrase(self.model, "none_published" if published else "none_unpublished")
        self.message_user(request, format_html("{} {}", heading, format_html(" ".join(["{}"] * len(reasons)),
                                                                              *reasons)), messages.WARNING)

    @admin.action(description=_("Publier la sélection"))
    def publish(self, request, queryset):
        if not can_publish(request.user, self.model):
            self.message_user(request, _("Vous n’avez pas le droit de publier."), messages.ERROR)
            return
        self._report(request, *self._set_status(request, queryset, Status.PUBLISHED), published=True)

    @admin.action(description=_("Dépublier la sélection"))
    def unpublish(self, request, queryset):
        if not can_publish(request.user, self.model):
            self.message_user(request, _("Vous n’avez pas le droit de publier."), messages.ERROR)
            return
        self._report(request, *self._set_status(request, queryset, Status.DRAFT), published=False)


class TranslatedTabularInline(TranslationTabularInline):
    extra = 0
    formfield_overrides = FILE_WIDGETS


class TranslatedStackedInline(TranslationStackedInline):
    extra = 0
    formfield_overrides = FILE_WIDGETS
