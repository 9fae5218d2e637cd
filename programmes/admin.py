from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from editorial.admin import ChildAdminMixin
from editorial.content_admin import (
    ContentAdmin,
    EnglishStatusMixin,
    TranslatedStackedInline,
    TranslatedTabularInline,
    WordingMixin,
)

from .models import ProgrammeArea, Project, Publication


class ProjectInline(TranslatedStackedInline):
    model = Project
    fields = ("order", "name", "acronym", "summary", "countries", "url")


class PublicationInline(TranslatedTabularInline):
    model = Publication
    fields = ("order", "title", "year", "language", "url", "document")


@admin.register(ProgrammeArea)
class ProgrammeAreaAdmin(ContentAdmin):
    list_display = ("title", "order")
    search_fields = ("title_fr", "title_en", "summary_fr", "body_fr")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("contacts",)
    inlines = [ProjectInline, PublicationInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body", "contacts")}),
        (_("Publication"), {"fields": ("status", "publication_date", "order")}),
    )


@admin.register(Project)
class ProjectAdmin(WordingMixin, ChildAdminMixin, EnglishStatusMixin, TabbedDjangoJqueryTranslationAdmin):
    list_display = ("name", "acronym", "area", "countries", "english")
    list_filter = ("area",)
    list_select_related = ("area",)
    search_fields = ("name_fr", "name_en", "acronym", "summary_fr", "countries_fr")


@admin.register(Publication)
class PublicationAdmin(WordingMixin, ChildAdminMixin, EnglishStatusMixin, TabbedDjangoJqueryTranslationAdmin):
    list_display = ("title", "year", "language", "area", "english")
    list_filter = ("area", "language", "year")
    list_select_related = ("area",)
    search_fields = ("title_fr", "title_en")
