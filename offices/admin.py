from django.contrib import admin
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from editorial.admin import ChildAdminMixin
from editorial.content_admin import ContentAdmin, EnglishStatusMixin, TranslatedTabularInline, WordingMixin
from editorial.status import StateFilter

from .models import ActivityDomain, Office, Person


class ActivityDomainInline(TranslatedTabularInline):
    model = ActivityDomain
    fields = ("order", "title", "description")


@admin.register(Office)
class OfficeAdmin(ContentAdmin):
    list_display = ("name", "city", "role", "opening_date")
    search_fields = ("name_fr", "name_en", "city_fr", "role_fr", "address_fr")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [ActivityDomainInline]
    fieldsets = (
        (None, {"fields": ("name", "slug", "role", "summary", "description")}),
        ("Contact", {"fields": ("address", "postal_code", "city", "phone", "email", "opening_date")}),
        ("Publication", {"fields": ("status", "publication_date", "order")}),
    )


@admin.register(ActivityDomain)
class ActivityDomainAdmin(WordingMixin, ChildAdminMixin, EnglishStatusMixin, TabbedDjangoJqueryTranslationAdmin):
    list_display = ("title", "office", "order", "english")
    list_filter = ("office",)
    list_select_related = ("office",)
    search_fields = ("title_fr", "title_en")


@admin.register(Person)
class PersonAdmin(ContentAdmin):
    """People are content like the rest: a new person, or a change to one on the site, waits for Publication."""

    previewable = False  # no page of their own (the team page and the items they are a contact of show them)
    date_hierarchy = None
    list_display = ("name", "job_title", "office", "email", "phone", "order")
    list_filter = (StateFilter, "office", "show_on_team_page")
    list_select_related = ("office",)
    search_fields = ("name", "family_name", "given_names", "job_title_fr", "job_title_en", "email")
    list_editable = ("order",)
