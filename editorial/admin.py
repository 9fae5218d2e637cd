"""What the editorial workflow adds to every content admin.

``HistoryAdminMixin`` (django-reversion's VersionAdmin): every save through the
admin keeps a revision with its author; history, restore, recover deleted
objects and compare two versions. ``EditorialAdminMixin`` adds, for the
publishable models: the quality checks that block publishing, the
translation-status filter, "Prévisualiser" and "Partager un lien de
prévisualisation".
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from core.models import Status

from .checks import check_link_labels, check_object, link_label_fields
from .diff import version_diff
from .models import PreviewLink, Redirect
from .preview import render_preview
from .roles import can_publish, can_publish_redirects
from .services import redirect_problems, redirect_save


class HistoryAdminMixin(VersionAdmin):
    """History, restore, recover and compare, for every content admin."""

    object_history_template = "editorial/object_history.html"
    history_latest_first = True

    def _editorial_url(self, suffix, view):
        opts = self.model._meta
        return path(f"<path:object_id>/{suffix}/", self.admin_site.admin_view(view),
                    name=f"{opts.app_label}_{opts.model_name}_{suffix.replace('/', '_')}")

    def get_urls(self):
        return [self._editorial_url("history/compare", self.compare_view), *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        # reversion's own list, with each version's id so that two can be ticked for comparison.
        opts = self.model._meta
        versions = self._reversion_order_version_queryset(
            request,
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision", "revision__user"),
        )
        action_list = [{
            "revision": version.revision,
            "version_id": version.pk,
            "url": reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                           args=(quote(version.object_id), version.pk)),
        } for version in versions]
        return super().history_view(request, object_id, {"action_list": action_list, **(extra_context or {})})

    def compare_view(self, request, object_id):
        """Field-by-field differences between two versions (``?a=<id>&b=<id>``), both languages."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        obj = get_object_or_404(self.model, pk=unquote(object_id))
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            ids = sorted({int(request.GET["a"]), int(request.GET["b"])})
        except (KeyError, ValueError):
            raise Http404(_("Choisissez deux versions à comparer.")) from None
        older = get_object_or_404(versions, pk=ids[0])
        newer = get_object_or_404(versions, pk=ids[-1])
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Comparer deux versions de « %(object)s »") % {"object": obj},
            "opts": opts,
            "object": obj,
            "older": older,
            "newer": newer,
            "rows": version_diff(self.model, older, newer),
            "history_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]),
        }
        return TemplateResponse(request, "editorial/compare.html", context)


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


class EditorialAdminMixin(HistoryAdminMixin):
    """Checks, preview, share links and translation filter for publishable models."""

    change_form_template = "admin/editorial/change_form.html"

    def get_urls(self):
        return [
            self._editorial_url("preview", self.preview_view),
            self._editorial_url("share", self.share_view),
            *super().get_urls(),
        ]

    def get_list_filter(self, request):
        from .translation_status import TranslationStatusFilter

        filters = super().get_list_filter(request)
        if any(f.name == "fr_updated_at" for f in self.model._meta.concrete_fields):
            filters = (*filters, TranslationStatusFilter)
        return filters

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)

        class CheckedForm(form):
            """Refuses to save a published item that fails the quality checks; drafts always save."""

            def _post_clean(self):
                super()._post_clean()
                if self.instance.status != Status.PUBLISHED:
                    return
                for problem in check_object(self.instance, with_related=False):
                    field = problem.field if problem.field in self.fields else None
                    if field and field in self.errors:
                        self.errors[field].append(problem.message)
                    else:
                        self.add_error(field, problem.message)

        CheckedForm.__name__ = form.__name__
        return CheckedForm

    def _current_status(self, pk):
        return self.model._default_manager.filter(pk=pk).values_list("status", flat=True).first()

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Remember the status before reversion writes the old version to the database.
        request._editorial_status_before = self._current_status(unquote(object_id))
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        request._editorial_status_before = None
        return super().recover_view(request, version_id, extra_context)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            fields = link_label_fields(self.model).get(formset.fk.remote_field.get_accessor_name()
                                                                            if getattr(formset, "fk", None) else "")
            yield (_checked_link_formset(formset, fields) if fields else formset), inline

    def save_model(self, request, obj, form, change):
        before = getattr(request, "_editorial_status_before", None)
        if before is not None:
            # Restoring text never publishes or unpublishes: that is done on purpose, by the actions.
            obj.status = before
        elif not can_publish(request.user, self.model):
            # Only "Publication" sets the status; a recovered object comes back as a draft.
            current = None if hasattr(request, "_editorial_status_before") else (
                self._current_status(obj.pk) if obj.pk else None)
            obj.status = current or Status.DRAFT
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            opts = self.model._meta
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
