"""History in the admin: every content admin's list of versions, and the comparison of two of them."""

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from .diff import version_diff


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
