"""Staff pages outside any single model's admin (under /admin-tools/)."""

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .translation_status import untranslated_items


@staff_member_required
def translation_status(request):
    context = {
        **admin.site.each_context(request),
        "title": _("État des traductions"),
        "groups": untranslated_items(request.user),
    }
    return TemplateResponse(request, "editorial/translation_status.html", context)


urlpatterns = [
    path("traductions/", translation_status, name="translation_status"),
]
