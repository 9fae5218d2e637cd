"""What every content admin shares.

ContentAdmin gives each publishable model the same back-office: FR/EN tabs,
the English-translation column, status and date filters, publish and
unpublish actions that only the "Publication" group sees, and image
thumbnails.
"""

from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TabbedDjangoJqueryTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from core.i18n import is_translated
from core.models import Status

from .admin import EditorialAdminMixin
from .roles import can_publish
from .services import content_status_set

THUMBNAIL_STYLE = "max-height:80px;max-width:160px;object-fit:contain;border:1px solid #ddd"


def thumbnail(file, alt=""):
    if not file:
        return "—"
    return format_html('<img src="{}" alt="{}" style="{}" loading="lazy">', file.url, alt, THUMBNAIL_STYLE)


class ThumbnailFileWidget(AdminFileWidget):
    """The file input, with the current image shown above it."""

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if value and getattr(value, "url", None):
            return format_html("<div>{}</div>{}", thumbnail(value), html)
        return html


class EnglishStatusMixin:
    @admin.display(description=_("EN"), boolean=True)
    def english(self, obj):
        return is_translated(obj)


class ContentAdmin(EditorialAdminMixin, EnglishStatusMixin, TabbedDjangoJqueryTranslationAdmin):
    """Base admin of every model built on the publishing base."""

    date_hierarchy = "publication_date"
    list_filter = ("status", "publication_date")
    actions = ("publish", "unpublish")
    save_on_top = True
    formfield_overrides = {models.ImageField: {"widget": ThumbnailFileWidget}}
    list_per_page = 50

    def get_list_display(self, request):
        return (*super().get_list_display(request), "status_label", "publication_date", "english")

    @admin.display(description=_("statut"), ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return _("Programmé")
        return obj.get_status_display()

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

    def _set_status(self, request, queryset, status):
        if not can_publish(request.user, self.model):
            self.message_user(request, _("Vous n’avez pas le droit de publier."), messages.ERROR)
            return 0
        # Each change is a revision ("Publié"/"Dépublié", by whom); publishing
        # skips, with the reasons, items that fail the quality checks.
        count = 0
        for obj in queryset.exclude(status=status):
            problems = content_status_set(obj=obj, status=status, user=request.user)
            if problems:
                self.message_user(request, format_html(
                    "{} {}", _("« %(object)s » n’est pas publié :") % {"object": obj},
                    " ".join(str(problem) for problem in problems)), messages.ERROR)
                continue
            count += 1
        return count

    @admin.action(description=_("Publier la sélection"))
    def publish(self, request, queryset):
        count = self._set_status(request, queryset, Status.PUBLISHED)
        self.message_user(
            request, ngettext("%d élément publié.", "%d éléments publiés.", count) % count, messages.SUCCESS
        )

    @admin.action(description=_("Dépublier la sélection"))
    def unpublish(self, request, queryset):
        count = self._set_status(request, queryset, Status.DRAFT)
        self.message_user(
            request, ngettext("%d élément dépublié.", "%d éléments dépubliés.", count) % count, messages.SUCCESS
        )


class TranslatedTabularInline(TranslationTabularInline):
    extra = 0


class TranslatedStackedInline(TranslationStackedInline):
    extra = 0
