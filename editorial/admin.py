"""What the editorial workflow adds to every content admin.

``HistoryAdminMixin`` (django-reversion's VersionAdmin): every save through the
admin keeps a revision with its author; history, restore, recover deleted
objects and compare two versions. ``EditorialAdminMixin`` adds, for the
publishable models: the quality checks that block publishing, the
translation-status filter, "Prévisualiser" and "Partager un lien de
prévisualisation".
"""

import copy
import secrets
from datetime import datetime, timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from core.models import Status
from core.registry import registry

from .checks import check_link_labels, check_object, link_label_fields
from .drafts import draft_for, materialized, serialize_graph
from .history_admin import HistoryAdminMixin
from .models import PreviewLink, Redirect
from .preview import render_preview
from .roles import can_publish, can_publish_redirects
from .services import redirect_problems, redirect_save
from .workflow import (
    content_expire,
    content_publish,
    content_unpublish,
    draft_reject,
    draft_save,
    draft_submit,
    publication_date_chosen,
)


def parse_local_datetime(value):
    """A browser's datetime-local value ("2026-12-01T14:30") in the site's time zone, or None."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except (AttributeError, ValueError):
        return None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def warn_of_problems(request, obj):
    """The quality checks' findings on a draft that saved anyway (they block publishing)."""
    problems = getattr(request, "_editorial_warnings", [])
    if problems:
        labels = {f.name: f.verbose_name for f in obj._meta.fields}
        messages.warning(request, format_html(
            "{} {}", _("Enregistré, mais à corriger avant publication :"),
            " ".join(f"{labels.get(p.field, '')} : {p}".strip(" :") for p in problems)))
        request._editorial_warnings = []


def workflow_action(request, obj, draft_saved=False):
    """The button that was pressed: "Soumettre pour publication", "Publier"…, after the save itself."""
    warn_of_problems(request, obj)
    post = request.POST

    def mail_failed(sentence):
        # Called once the change is committed, before the answer leaves: the change stands, the mail did not go.
        messages.warning(request, sentence)

    try:
        if "_submit" in post:
            draft_submit(obj=obj, user=request.user, message=post.get("editorial_message", "").strip(),
                         on_mail_failure=mail_failed)
            messages.success(request, _("« %(object)s » est soumis pour publication.") % {"object": obj})
        elif "_publish" in post:
            problems = content_publish(obj=obj, user=request.user, on_mail_failure=mail_failed)
            if problems:
                messages.error(request, format_html("{} {}", _("« %(object)s » n’est pas publié :") % {
                    "object": obj}, " ".join(str(problem) for problem in problems)))
            else:
                messages.success(request, _("« %(object)s » est publié.") % {"object": obj})
        elif "_schedule" in post or "_expire" in post:
            field = "editorial_go_live_at" if "_schedule" in post else "editorial_expire_at"
            at = parse_local_datetime(post.get(field, ""))
            if at is None or at <= timezone.now():
                messages.error(request, _("Indiquez une date et une heure à venir."))
            elif "_schedule" in post:
                problems = content_publish(obj=obj, user=request.user, at=at, on_mail_failure=mail_failed)
                if problems:
                    messages.error(request, format_html("{} {}", _("« %(object)s » n’est pas programmé :") % {
                        "object": obj}, " ".join(str(problem) for problem in problems)))
                else:
                    messages.success(request, _("« %(object)s » sera publié le %(date)s.") % {
                        "object": obj, "date": date_format(localtime(at), "DATETIME_FORMAT")})
            else:
                content_expire(obj=obj, user=request.user, at=at)
                messages.success(request, _("« %(object)s » quittera le site le %(date)s.") % {
                    "object": obj, "date": date_format(localtime(at), "DATETIME_FORMAT")})
        elif "_reject" in post:
            draft_reject(obj=obj, user=request.user, comment=post.get("editorial_comment", "").strip(),
                         on_mail_failure=mail_failed)
            messages.success(request, _("« %(object)s » est renvoyé en rédaction.") % {"object": obj})
        elif "_unpublish" in post:
            content_unpublish(obj=obj, user=request.user)
            messages.success(request, _("« %(object)s » est retiré du site.") % {"object": obj})
        elif draft_saved:
            messages.success(request, _("Brouillon de « %(object)s » enregistré. La version en ligne n’a pas "
                                        "changé : elle changera quand le groupe Publication publiera ce "
                                        "brouillon.") % {"object": obj})
    except PermissionDenied as refused:
        messages.error(request, str(refused) or _("Vous n’avez pas le droit de faire cela."))


class DraftSavingMixin:
    """What a change form does while it saves into a draft: remember the saved object, hush the admin's message."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(request, "_editorial_draft_mode", False):
            request._editorial_saved = form.instance

    def message_user(self, request, *args, **kwargs):
        if getattr(request, "_editorial_mute", False):
            return None  # the admin's "modifié avec succès": the workflow says what really happened
        return super().message_user(request, *args, **kwargs)

    def response_change(self, request, obj):
        if not getattr(request, "_editorial_draft_mode", False):
            return super().response_change(request, obj)
        request._editorial_mute = True
        try:
            return super().response_change(request, obj)
        finally:
            request._editorial_mute = False

    def response_add(self, request, obj, post_url_continue=None):
        if not getattr(request, "_editorial_draft_mode", False):
            return super().response_add(request, obj, post_url_continue)
        request._editorial_mute = True
        try:
            return super().response_add(request, obj, post_url_continue)
        finally:
            request._editorial_mute = False


#: How long a preview of unsaved changes stays available for its language and width switches.
FORM_PREVIEW_SECONDS = 900


class EditorialForm(forms.ModelForm):
    """The change form of a content item: it knows which save it was opened on."""

    editorial_token = forms.CharField(widget=forms.HiddenInput, required=False)

    #: Set per request by get_form: the token of the save the form must follow, and who made that save.
    expected_token = None
    last_save = None

    def clean(self):
        cleaned = super().clean()
        # Forms rendered by the admin carry the token; a post without one (a script) is not compared.
        sent = self.data.get("editorial_token")
        if self.expected_token is not None and sent is not None and sent != self.expected_token:
            who, when = self.last_save or (None, None)
            raise forms.ValidationError(
                _("%(who)s a enregistré ce contenu le %(date)s à %(time)s, pendant que vous le modifiiez. Vos "
                  "modifications ne sont pas enregistrées, pour ne pas effacer les siennes : elles restent dans ce "
                  "formulaire. Ouvrez le contenu dans un autre onglet pour voir sa version, puis reportez-y vos "
                  "changements.") % {
                    "who": (who.get_full_name() or who.get_username()) if who else _("Quelqu’un"),
                    "date": date_format(localtime(when), "DATE_FORMAT") if when else "?",
                    "time": localtime(when).strftime("%H:%M:%S") if when else "?",
                },
                code="concurrent_edit",
            )
        return cleaned


def edit_token(obj, draft):
    """Which save the change form was opened on: the draft's last save, else the row's."""
    if draft is not None:
        return f"d{draft.pk}-{draft.updated_at.timestamp():.6f}"
    if obj is not None and obj.pk is not None:
        return f"r{obj.updated_at.timestamp():.6f}"
    return ""


def last_save(obj, draft):
    """(user, moment) of the save behind edit_token()."""
    if draft is not None:
        return draft.updated_by, draft.updated_at
    version = Version.objects.get_for_object(obj).select_related("revision__user").first()
    if version is not None and version.revision.date_created >= obj.updated_at - timedelta(seconds=1):
        return version.revision.user, obj.updated_at
    return None, obj.updated_at


def remember_edit_token(request, obj, draft):
    request._editorial_token = edit_token(obj, draft)
    request._editorial_last_save = last_save(obj, draft) if obj is not None and obj.pk else (None, None)


def draft_changeform(request, owner, run):
    """Run the admin's change form with ``owner``'s draft in the database, and keep what it saved as that draft.

    ``owner`` is the published item whose draft it is: the item itself, or
    the parent of a child edited on its own page. Nothing reaches the live
    rows (editorial.drafts.materialized).
    """
    draft = draft_for(owner)
    request._editorial_draft_mode, request._editorial_saved = True, None
    if not hasattr(request, "_editorial_token"):
        remember_edit_token(request, owner, draft)
    with materialized(owner, draft=draft, apply=not getattr(request, "_editorial_reverting", False)):
        response = run({"editorial_draft": draft})
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        saved = request._editorial_saved
        graph = serialize_graph(type(owner)._default_manager.get(pk=owner.pk)) if saved is not None else None
    if graph is not None and getattr(request, "_editorial_preview", None) is None:
        if getattr(request, "_editorial_reverting", False):
            request._editorial_graph = graph  # revision_view keeps it once the restore is rolled back
        else:
            draft_save(obj=owner, graph=graph, user=request.user)
            workflow_action(request, owner, draft_saved=True)
    return response


class ChildAdminMixin(DraftSavingMixin, HistoryAdminMixin):
    """A child edited on its own page: a project, a publication, an office's activity domain.

    Under a published parent, a change or a new child is a draft of the parent
    (the registry says which parent follows it, editorial.drafts), so it is
    public only once the parent is published again.
    """

    def _parent_relation(self):
        for field in self.model._meta.concrete_fields:
            if field.many_to_one:
                entry = registry.get(field.related_model)
                if entry is not None and field.remote_field.get_accessor_name() in entry.follow:
                    return field
        return None

    def _parent(self, request, object_id):
        field = self._parent_relation()
        if field is None:
            return None
        pk = request.POST.get(field.name) if request.method == "POST" else None
        if not pk and object_id:
            pk = self.model._default_manager.filter(pk=unquote(object_id)).values_list(field.attname, flat=True).first()
        try:
            return field.related_model._default_manager.filter(pk=pk).first() if pk else None
        except (TypeError, ValueError, ValidationError):
            return None  # not a key: the form will say so

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        parent = self._parent(request, object_id)
        if parent is None or parent.status != Status.PUBLISHED:
            return super().changeform_view(request, object_id, form_url, extra_context)
        return draft_changeform(request, parent, lambda context: super(ChildAdminMixin, self).changeform_view(
            request, object_id, form_url, {**context, **(extra_context or {})}))


def _checked_link_formset(formset_class, fields):
    """The inline formset of a published item's links refuses vague link labels."""

    class CheckedLinkFormSet(formset_class):
        def clean(self):
            super().clean()
            if getattr(self.instance, "status", None) != Status.PUBLISHED:
                return
            for form in self.forms:
                if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                    continue
                values = {f"{name}_{code}": form.cleaned_data.get(f"{name}_{code}")
                          for name in fields for code in ("fr", "en")}
                for problem in check_link_labels(values):
                    form.add_error(problem.field if problem.field in form.fields else None, problem.message)

    CheckedLinkFormSet.__name__ = formset_class.__name__
    return CheckedLinkFormSet


class EditorialAdminMixin(DraftSavingMixin, HistoryAdminMixin):
    """Checks, preview, share links and translation filter for publishable models."""

    #: False for a type with no public page of its own (people): no preview or share link.
    previewable = True

    def view_on_site(self, obj):
        """"Voir sur le site": the public page once it is online, the preview before (never a 404)."""
        if obj.is_published or not self.previewable:
            return obj.get_absolute_url()
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_preview", args=[obj.pk])

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and "_save" in request.POST and self.list_editable \
                and not can_publish(request.user, self.model):
            # The list's editable columns (an order) change the live rows: that is Publication's decision.
            messages.error(request, _("Seul le groupe « Publication » peut modifier ces colonnes depuis la liste."))
            return HttpResponseRedirect(request.get_full_path())
        return super().changelist_view(request, extra_context)

    change_form_template = "admin/editorial/change_form.html"

    def get_urls(self):
        opts = self.model._meta
        own = [
            # Before "<path:object_id>/…", which would take "add" and "preview-form" for an id.
            path("add/preview-form/", self.admin_site.admin_view(self.form_preview_view),
                 name=f"{opts.app_label}_{opts.model_name}_add_preview_form"),
            path("preview-form/<str:key>/", self.admin_site.admin_view(self.form_preview_show),
                 name=f"{opts.app_label}_{opts.model_name}_preview_form_show"),
            path("<path:object_id>/preview-form/", self.admin_site.admin_view(self.form_preview_view),
                 name=f"{opts.app_label}_{opts.model_name}_preview_form"),
            self._editorial_url("preview", self.preview_view),
            self._editorial_url("share", self.share_view),
        ] if self.previewable else []
        return [*own, *super().get_urls()]

    # -- preview of what is in the form -------------------------------------

    def form_preview_view(self, request, object_id=None):
        """The public page as the form would make it, unsaved fields, inlines and relations included; saves nothing.

        The form is processed as for a save, inside a savepoint (with the
        draft applied first for a published item); the public template is
        rendered in both languages from that state, with the quality checks,
        and everything is rolled back.
        """
        opts = self.model._meta
        allowed = self.has_add_permission(request) if object_id is None else self.has_change_permission(request)
        if not allowed:
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        request._editorial_preview = {}
        with transaction.atomic():
            savepoint = transaction.savepoint()
            try:
                response = self.changeform_view(request, object_id)
            finally:
                transaction.savepoint_rollback(savepoint)
        key = request._editorial_preview.get("key")
        if key is None:
            return response  # the form has errors: shown as the admin shows them
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_preview_form_show", args=[key])
        language = request.GET.get("lang") if request.GET.get("lang") in {"fr", "en"} else "fr"
        return HttpResponseRedirect(f"{url}?lang={language}")

    def _store_form_preview(self, request, obj):
        reading = copy.copy(request)  # the public view answers GET only: the page as a reader would ask for it
        reading.method, reading.POST = "GET", QueryDict()
        pages = {code: render_preview(reading, obj, code).content.decode() for code in ("fr", "en")}
        problems = [{"field": problem.field, "message": str(problem)} for problem in check_object(obj)]
        key = secrets.token_urlsafe(16)
        cache.set(f"oim:form-preview:{request.user.pk}:{key}",
                  {"pages": pages, "problems": problems, "title": str(obj)}, FORM_PREVIEW_SECONDS)
        request._editorial_preview["key"] = key
        return HttpResponseRedirect("")  # replaced by form_preview_view once everything is rolled back

    def form_preview_show(self, request, key):
        """The stored preview, in French or English, at phone or desktop width, with the checks beside it."""
        stored = cache.get(f"oim:form-preview:{request.user.pk}:{key}")
        if stored is None:
            raise Http404(_("Cet aperçu a expiré : prévisualisez à nouveau depuis le formulaire."))
        language = request.GET.get("lang") if request.GET.get("lang") in {"fr", "en"} else "fr"
        device = "phone" if request.GET.get("device") == "phone" else "desktop"
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Aperçu de « %(object)s »") % {"object": stored["title"]},
            "page": stored["pages"][language],
            "problems": stored["problems"],
            "language": language,
            "device": device,
            "switches": [
                {"label": label, "url": f"?lang={lang}&device={dev}", "current": (lang, dev) == (language, device)}
                for label, lang, dev in ((_("Français, ordinateur"), "fr", "desktop"),
                                         (_("Français, téléphone"), "fr", "phone"),
                                         (_("Anglais, ordinateur"), "en", "desktop"),
                                         (_("Anglais, téléphone"), "en", "phone"))
            ],
        }
        response = TemplateResponse(request, "editorial/form_preview.html", context)
        response["Cache-Control"] = "no-store, private"
        return response

    def get_list_filter(self, request):
        from .translation_status import TranslationStatusFilter

        filters = super().get_list_filter(request)
        if any(f.name == "fr_updated_at" for f in self.model._meta.concrete_fields):
            filters = (*filters, TranslationStatusFilter)
        return filters

    form = EditorialForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, {**options, "fields": tuple(options["fields"])})
                     for name, options in super().get_fieldsets(request, obj)]
        if obj is not None and fieldsets and "editorial_token" not in fieldsets[0][1]["fields"]:
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "fields": (*options["fields"], "editorial_token")})
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        token = getattr(request, "_editorial_token", None) if obj is not None else None

        draft_mode = getattr(request, "_editorial_draft_mode", False)

        class CheckedForm(form):
            """Quality checks on every save: errors when the save publishes, warnings on a draft (it saves)."""

            expected_token = token
            last_save = getattr(request, "_editorial_last_save", None)

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "editorial_token" in self.fields:
                    self.fields["editorial_token"].initial = token
                if not self.is_bound and self.instance.pk is not None:
                    # What the checks found on the saved draft, under the field it concerns (they block publishing).
                    for problem in check_object(self.instance, with_related=False):
                        if problem.field in self.fields:
                            field = self.fields[problem.field]
                            field.help_text = format_html(
                                '<strong class="editorial-warning">{} {}</strong> {}',
                                _("À corriger avant publication :"), problem, field.help_text)

            def _post_clean(self):
                super()._post_clean()
                problems = check_object(self.instance, with_related=False)
                if draft_mode or self.instance.status != Status.PUBLISHED:
                    # A draft saves; the problems are said, and will block publishing.
                    request._editorial_warnings = [*getattr(request, "_editorial_warnings", []), *problems]
                    return
                for problem in problems:
                    field = problem.field if problem.field in self.fields else None
                    if field and field in self.errors:
                        self.errors[field].append(problem.message)
                    else:
                        self.add_error(field, problem.message)

        CheckedForm.__name__ = form.__name__
        return CheckedForm

    def _current_status(self, pk):
        return self.model._default_manager.filter(pk=pk).values_list("status", flat=True).first()

    # -- live and draft (editorial.drafts) ----------------------------------

    @staticmethod
    def is_live(obj):
        """A published item (online or scheduled): its saves become a draft, its row stays as published."""
        return obj is not None and obj.pk is not None and obj.status == Status.PUBLISHED

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if hasattr(request, "_editorial_status_before"):  # a restore: the history view changed the row
            live = obj is not None and request._editorial_status_before == Status.PUBLISHED
        else:
            live = self.is_live(obj)
        if not live:
            if obj is not None:
                remember_edit_token(request, obj, draft_for(obj))
            return super().changeform_view(request, object_id, form_url, extra_context)
        return draft_changeform(request, obj, lambda context: super(EditorialAdminMixin, self).changeform_view(
            request, object_id, form_url, {**context, **(extra_context or {})}))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if self.is_live(obj):
            # Not inside VersionAdmin's revision: a draft save writes nothing live, so no version of the live row.
            return self.changeform_view(request, object_id, form_url, extra_context)
        return super().change_view(request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Restore an old version: of a published item it makes the draft, never a live change."""
        pk = unquote(object_id)
        request._editorial_status_before = self._current_status(pk)
        if request._editorial_status_before != Status.PUBLISHED:
            return super().revision_view(request, object_id, version_id, extra_context)
        request._editorial_reverting = True
        with transaction.atomic():
            savepoint = transaction.savepoint()
            try:
                # django-reversion reverts the rows and runs the change form; all of it is undone here.
                response = super().revision_view(request, object_id, version_id, extra_context)
            finally:
                transaction.savepoint_rollback(savepoint)
        graph = getattr(request, "_editorial_graph", None)
        if graph is not None:
            obj = self.model._default_manager.get(pk=pk)
            draft_save(obj=obj, graph=graph, user=request.user)
            request._editorial_mute = False
            messages.success(request, _("L’ancienne version de « %(object)s » est devenue son brouillon. La version "
                                        "en ligne n’a pas changé.") % {"object": obj})
        return response

    def recover_view(self, request, version_id, extra_context=None):
        request._editorial_status_before = None  # a recovered item comes back as a draft
        return super().recover_view(request, version_id, extra_context)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            fields = link_label_fields(self.model).get(formset.fk.remote_field.get_accessor_name()
                                                       if getattr(formset, "fk", None) else "")
            yield (_checked_link_formset(formset, fields) if fields else formset), inline

    def save_model(self, request, obj, form, change):
        if hasattr(request, "_editorial_status_before"):
            # Restoring text never publishes or unpublishes: a restore keeps the status, a recovery is a draft.
            obj.status = request._editorial_status_before or Status.DRAFT
        elif not can_publish(request.user, self.model):
            # Only "Publication" sets the status.
            obj.status = (self._current_status(obj.pk) if obj.pk else None) or Status.DRAFT
        super().save_model(request, obj, form, change)
        if ("publication_date" in form.changed_data and obj.status != Status.PUBLISHED
                and can_publish(request.user, self.model) and not getattr(request, "_editorial_draft_mode", False)):
            publication_date_chosen(obj=obj, user=request.user)

    def response_change(self, request, obj):
        if getattr(request, "_editorial_preview", None) is not None:
            return self._store_form_preview(request, obj)
        if not getattr(request, "_editorial_draft_mode", False):
            workflow_action(request, obj)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "_editorial_preview", None) is not None:
            return self._store_form_preview(request, obj)
        workflow_action(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        opts = self.model._meta
        context["editorial_content_form"] = True  # its save is a draft (templates/admin/submit_line.html)
        if self.previewable:
            context["editorial_form_preview_url"] = (
                reverse(f"admin:{opts.app_label}_{opts.model_name}_preview_form", args=[obj.pk])
                if obj is not None and obj.pk else
                reverse(f"admin:{opts.app_label}_{opts.model_name}_add_preview_form"))
        if obj is not None and obj.pk:
            draft = context.get("editorial_draft") or draft_for(obj)
            context["editorial_workflow"] = {
                "draft": draft,
                "live": self.is_live(obj),
                "can_publish": can_publish(request.user, self.model),
                "compare_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_draft_compare", args=[obj.pk])
                if draft is not None and draft.has_changes else "",
            }
        if obj is not None and obj.pk and self.previewable:
            context["editorial_preview_url"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_preview",
                                                       args=[obj.pk])
            context["editorial_share_url"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_share",
                                                     args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _object_for_change(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def preview_view(self, request, object_id):
        """The item, draft or scheduled, in its public template (``?lang=en`` for English)."""
        obj = self._object_for_change(request, object_id)
        language = request.GET.get("lang", "fr")
        if language not in {"fr", "en"}:
            language = "fr"
        with materialized(obj):  # the draft, when the item has one
            return render_preview(request, obj, language)

    def share_view(self, request, object_id):
        """Create, list and revoke the item's preview links."""
        obj = self._object_for_change(request, object_id)
        opts = self.model._meta
        if request.method == "POST":
            if "revoke" in request.POST:
                link = get_object_or_404(PreviewLink.objects.for_object(obj), pk=request.POST["revoke"])
                link.revoke()
                messages.success(request, _("Le lien a été révoqué : il ne fonctionne plus."))
            else:
                PreviewLink.objects.create(content_object=obj, created_by=request.user)
                messages.success(request, _("Lien de prévisualisation créé, valable 7 jours. Copiez-le ci-dessous."))
            return HttpResponseRedirect(request.path)
        links = PreviewLink.objects.for_object(obj).select_related("created_by")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Partager un lien de prévisualisation"),
            "opts": opts,
            "object": obj,
            "links": links,
            "change_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
        }
        return TemplateResponse(request, "editorial/share.html", context)


@admin.register(PreviewLink)
class PreviewLinkAdmin(admin.ModelAdmin):
    list_display = ("__str__", "content_object", "created_by", "created_at", "expires_at", "revoked_at")
    list_filter = ("content_type",)
    list_select_related = ("content_type", "created_by")
    actions = ("revoke",)

    def has_add_permission(self, request):
        return False  # links are made from the item's own page

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Révoquer les liens sélectionnés"))
    def revoke(self, request, queryset):
        count = 0
        for link in queryset.filter(revoked_at__isnull=True):
            link.revoke()
            count += 1
        self.message_user(request, _("%(count)d lien(s) révoqué(s).") % {"count": count}, messages.SUCCESS)


class RedirectForm(forms.ModelForm):
    """Validates as ``import_redirects`` does (editorial.services.redirect_problems), in the editor's words."""

    class Meta:
        model = Redirect
        fields = ("old_path", "new_path")

    #: Set per request by RedirectAdmin.get_form: may the editor redirect to another site?
    allow_external = False

    def _post_clean(self):
        # The service's rules, not only the model's: a path that is a live page, //host, javascript:…
        for field, message in redirect_problems(
            old_path=self.cleaned_data.get("old_path", ""), new_path=self.cleaned_data.get("new_path", ""),
            allow_external=self.allow_external,
        ).items():
            if field not in self.errors:
                self.add_error(field, message)
        super()._post_clean()


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ("old_path", "new_path", "created")
    search_fields = ("old_path", "new_path")
    date_hierarchy = "created"
    form = RedirectForm

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"allow_external": can_publish_redirects(request.user)})

    def save_model(self, request, obj, form, change):
        # Through the service, which checks the rules and the right again and keeps chains one hop long.
        with transaction.atomic():
            if change:
                Redirect.objects.filter(pk=obj.pk).delete()
            saved = redirect_save(old_path=obj.old_path, new_path=obj.new_path, user=request.user)
        obj.pk = saved.pk
