from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from editorial.content_admin import ContentAdmin, TranslatedTabularInline, thumbnail
from editorial.status import StateFilter

from .models import NewsRelease, RelatedLink


class RelatedLinkInline(TranslatedTabularInline):
    model = RelatedLink
    fields = ("order", "label", "url")


@admin.register(NewsRelease)
class NewsReleaseAdmin(ContentAdmin):
    list_display = ("image_thumbnail", "title", "dateline")
    list_display_links = ("image_thumbnail", "title")
    list_select_related = ("image",)
    list_filter = (StateFilter, "publication_date", "programme_areas", "partners", "media_contacts__office")
    filter_titles = {"media_contacts__office": _("Bureau des contacts presse")}
    search_fields = ("title_fr", "title_en", "lead_fr", "lead_en", "dateline_fr")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("media_contacts", "programme_areas", "partners")
    inlines = [RelatedLinkInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "dateline", "lead", "body")}),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("Liens et contacts"), {"fields": ("media_contacts", "programme_areas", "partners")}),
        (_("Publication"), {"fields": ("status", "publication_date")}),
    )

    @admin.display(description=_("image"))
    def image_thumbnail(self, obj):
        return thumbnail(obj.image)
