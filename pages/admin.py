from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.content_admin import ContentAdmin
from editorial.status import StateFilter

from .models import Page


@admin.register(Page)
class PageAdmin(ContentAdmin):
    list_display = ("title", "parent", "order", "show_in_menu")
    list_editable = ("order",)
    list_filter = (StateFilter, "show_in_menu", "parent", "publication_date")
    list_select_related = ("parent",)
    search_fields = ("title_fr", "title_en", "body_fr", "body_en")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (_("Navigation"), {"fields": ("parent", "order", "show_in_menu", "section")}),
        (_("Publication"), {"fields": ("status", "publication_date")}),
    )
