"""The identity's one change page, for Publication only.

No list (it leads to the page), no second row, no deletion: the site always
has exactly one identity. Rédaction gets 403 on every address of it; the
right is ``identity.change_siteidentity`` (editorial.roles gives it to
Publication). The emblem and the share image are chosen from the media
library, which then lets only Publication change them (they are live).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from .apps import CHANGE_PERMISSION
from .models import SOCIAL_NETWORKS, SiteIdentity


@admin.register(SiteIdentity)
class SiteIdentityAdmin(TabbedDjangoJqueryTranslationAdmin):
    fieldsets = (
        (None, {"fields": ("name", "tagline", "parent_name")}),
        (_("Images"), {"fields": ("emblem", "share_image")}),
        (_("Réseaux sociaux"), {"fields": tuple(name for name, _network in SOCIAL_NETWORKS)}),
    )
    save_as = False

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.has_perm(CHANGE_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_module_permission(self, request):
        return self.has_change_permission(request)

    def has_add_permission(self, request):
        # Only the first time, before the content loader or anyone made it.
        return self.has_change_permission(request) and not SiteIdentity.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def _page_url(self):
        identity = SiteIdentity.objects.filter(pk=SiteIdentity.SINGLE_PK).first()
        if identity is None:
            return reverse("admin:identity_siteidentity_add")
        return reverse("admin:identity_siteidentity_change", args=[identity.pk])

    def changelist_view(self, request, extra_context=None):
        """There is nothing to list: the list is the change page (or the first-time form)."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        return HttpResponseRedirect(self._page_url())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {"title": SiteIdentity._meta.verbose_name.capitalize(), **(extra_context or {}),
                         "show_save_and_add_another": False, "show_delete": False}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def response_post_save_add(self, request, obj):
        return HttpResponseRedirect(self._page_url())

    def response_post_save_change(self, request, obj):
        return HttpResponseRedirect(self._page_url())

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if level == messages.SUCCESS:
            message = _("L’identité du site est enregistrée : toutes les pages la montrent dès maintenant.")
        super().message_user(request, message, level, *args, **kwargs)
