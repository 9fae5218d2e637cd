from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.content_admin import ContentAdmin, thumbnail
from editorial.status import StateFilter

from .models import Partner


@admin.register(Partner)
class PartnerAdmin(ContentAdmin):
    # The city is in the form and the search; in the list it pushed the table wider than a laptop (issue 11).
    list_display = ("logo_thumbnail", "name", "acronym", "kind", "order")
    list_display_links = ("logo_thumbnail", "name")
    list_select_related = ("logo",)
    list_filter = (StateFilter, "kind", "publication_date")
    search_fields = ("name_fr", "name_en", "acronym_fr", "acronym_en", "headquarters_city_fr", "summary_fr", "body_fr")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "acronym", "slug", "kind", "headquarters_city", "website")}),
        (_("Logo"), {"fields": ("logo", "logo_alt")}),
        (_("Texte"), {"fields": ("summary", "body")}),
        (_("Publication"), {"fields": ("status", "publication_date", "order")}),
    )

    @admin.display(description=_("logo"))
    def logo_thumbnail(self, obj):
        return thumbnail(obj.logo)
