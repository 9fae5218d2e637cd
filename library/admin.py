"""The media library in the admin: thumbnails, search, collections, focal point, uses, guarded changes.

- The list is also the chooser: opened in a pop-up from a content form
  (library.widgets), a click on a row sends the item back.
- A file is uploaded once and never replaced: the change form shows it, with
  the focal point widget for images, and lists where the item is used.
- Deleting an item still in use is refused, and the refusal names the uses
  (the admin's own "protected objects" page, fed by library.usage).
- An item the public sees through some content is changed only by those
  allowed to change the site (``change_live_*``, the Publication role);
  the check is in ``has_change_permission``, which every admin route asks.
"""

import os

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin

from core.documents import human_size
from core.uploads import KeptFileWidget

from .models import Collection, Document, Image, title_from_filename
from .usage import is_live, usages
from .widgets import thumbnail


class FocalPointWidget(forms.HiddenInput):
    """The image, clickable: a click sets the focal point ("x,y", fractions of the width and height)."""

    template_name = "library/widgets/focal_point.html"

    class Media:
        js = ["library/focal_point.js"]
        css = {"all": ["library/library.css"]}

    def __init__(self, image=None, attrs=None):
        self.image = image
        super().__init__(attrs)

    @property
    def is_hidden(self):
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rendition = None
        if self.image is not None and self.image.file:
            from core.renditions import get_rendition

            rendition = get_rendition(self.image.file, 800)  # uncropped, so the point is placed on the whole image
        context["focal"] = {"rendition": rendition, "title": self.image.title if self.image else ""}
        return context


class LibraryItemForm(forms.ModelForm):
    """The title is taken from the file's name when left empty ("rapport-annuel-2025.pdf" -> "rapport annuel 2025")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].required = False
            self.fields["title"].help_text = _("Laissé vide, le nom du fichier est repris.")

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if not cleaned.get("title"):
            if upload is not None and getattr(upload, "name", ""):
                cleaned["title"] = self.instance.title = title_from_filename(upload.name)
            elif not self.instance.title:
                self.add_error("title", _("Donnez un titre."))
        return cleaned


class ImageForm(LibraryItemForm):
    focal_point = forms.CharField(label=gettext_lazy("Point d’intérêt"), required=False, help_text=gettext_lazy(
        "Cliquez sur ce qui doit rester visible quand l’image est recadrée (un visage, un geste)."))

    class Meta:
        model = Image
        fields = ("file", "title", "alt_text", "decorative", "credit", "collection", "tags")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "focal_point" in self.fields:
            self.fields["focal_point"].widget = FocalPointWidget(self.instance if self.instance.pk else None)
            if self.instance.focal_point:
                self.initial["focal_point"] = "{:.4f},{:.4f}".format(*self.instance.focal_point)

    def clean_focal_point(self):
        value = (self.cleaned_data.get("focal_point") or "").strip()
        if not value:
            return None
        try:
            x, y = (float(part) for part in value.split(","))
        except ValueError:
            raise forms.ValidationError(_("Point d’intérêt illisible : cliquez à nouveau sur l’image.")) from None
        if not (0 <= x <= 1 and 0 <= y <= 1):
            raise forms.ValidationError(_("Le point d’intérêt doit être sur l’image."))
        return (round(x, 4), round(y, 4))

    def save(self, commit=True):
        if "focal_point" in self.fields:
            point = self.cleaned_data.get("focal_point")
            self.instance.focal_x, self.instance.focal_y = point if point else (None, None)
        return super().save(commit)


class LibraryAdmin(admin.ModelAdmin):
    class Media:
        css = {"all": ["library/library.css"]}  # thumbnails in the list and the chooser pop-up

    # A file chosen in a form that comes back with an error is kept for the next save (core.uploads).
    formfield_overrides = {models.ImageField: {"widget": KeptFileWidget}, models.FileField: {"widget": KeptFileWidget}}
    search_fields = ("title", "tags")
    list_filter = ("collection", "created_at")
    list_per_page = 40
    live_permission = ""
    readonly_on_change = ("file",)
    info_fields = ("file_info", "uploaded_by", "created_at", "usage_list")

    def get_readonly_fields(self, request, obj=None):
        return (*self.info_fields, *(self.readonly_on_change if obj is not None else ()))

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            # Nothing to say yet about an item being uploaded.
            hidden = set(self.info_fields)
            return [(name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
                    for name, options in fieldsets]
        return fieldsets

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, search_term.strip())

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or request.user.has_perm(f"library.{self.live_permission}"):
            return True
        return not is_live(obj)

    def save_model(self, request, obj, form, change):
        if change and not self.has_change_permission(request, obj):
            raise PermissionDenied  # the service's own guard, whatever route the save came by
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        # Foreign keys are PROTECT: the admin lists them already. Links in rich text and drafts are added.
        seen = set(map(str, protected))
        for obj in objs:
            for usage in usages(obj):
                label = f"{usage.label} — {obj}"
                if not usage.by_key and label not in seen:
                    seen.add(label)
                    protected.append(label)
        return deleted, model_count, perms_needed, protected

    def delete_model(self, request, obj):
        if usages(obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        if any(usages(obj) for obj in queryset):
            raise PermissionDenied
        super().delete_queryset(request, queryset)

    @admin.display(description=gettext_lazy("fichier"))
    def file_info(self, obj):
        if not obj.file:
            return "—"
        return format_html('<a href="{}">{}</a> — {}', obj.file.url, os.path.basename(obj.file.name),
                           human_size(obj.file_size))

    @admin.display(description=gettext_lazy("utilisé dans"))
    def usage_list(self, obj):
        found = usages(obj)
        if not found:
            return _("Nulle part pour l’instant : il peut être supprimé.")
        return format_html("<ul class=\"library-usages\">{}</ul>", format_html_join(
            "", "<li>{}</li>",
            ((format_html('<a href="{}">{}</a>', usage.admin_url, usage.label) if usage.admin_url else usage.label,)
             for usage in found),
        ))

    def get_urls(self):
        opts = self.model._meta
        return [
            path("<int:pk>/apercu/", self.admin_site.admin_view(self.preview_view),
                 name=f"{opts.app_label}_{opts.model_name}_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk):
        """What the chooser shows of a chosen item (JSON)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return JsonResponse(self.preview(get_object_or_404(self.model, pk=pk)))


@admin.register(Image)
class ImageAdmin(LibraryAdmin, TranslationAdmin):
    form = ImageForm
    list_display = ("thumbnail_column", "title", "alt_column", "collection", "tags", "dimensions", "created_at")
    list_display_links = ("thumbnail_column", "title")
    search_fields = ("title", "tags", "alt_text_fr", "alt_text_en", "credit_fr")
    list_filter = ("collection", "decorative", "created_at")
    live_permission = "change_live_image"
    fieldsets = [
        (None, {"fields": ["file", "focal_point", "title", "alt_text", "decorative", "credit", "collection", "tags"]}),
        (gettext_lazy("Informations"), {"fields": ["file_info", "dimensions", "uploaded_by", "created_at",
                                                   "usage_list"]}),
    ]
    info_fields = ("file_info", "dimensions", "uploaded_by", "created_at", "usage_list")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:  # the focal point is set once the image is there
            fieldsets = [(name, {**options, "fields": [f for f in options["fields"] if f != "focal_point"]})
                         for name, options in fieldsets]
        return fieldsets

    @admin.display(description=gettext_lazy("aperçu"))
    def thumbnail_column(self, obj):
        url = thumbnail(obj)
        if not url:
            return "—"
        return format_html('<img src="{}" alt="" class="library-thumbnail" loading="lazy">', url)

    @admin.display(description=gettext_lazy("texte alternatif"), ordering="alt_text_fr")
    def alt_column(self, obj):
        if obj.decorative:
            return _("décorative")
        return obj.alt_text_fr or format_html('<span class="library-missing">{}</span>', _("manquant"))

    @admin.display(description=gettext_lazy("dimensions"))
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height} px" if obj.width else "—"

    def preview(self, obj):
        return {"id": obj.pk, "label": obj.title, "thumbnail": thumbnail(obj), "alt": obj.alt}


@admin.register(Document)
class DocumentAdmin(LibraryAdmin):
    list_display = ("title", "format_column", "language", "size_column", "collection", "tags", "created_at")
    list_filter = ("collection", "language", "kind", "created_at")
    live_permission = "change_live_document"
    fieldsets = [
        (None, {"fields": ["file", "title", "language", "collection", "tags"]}),
        (gettext_lazy("Informations"), {"fields": ["file_info", "uploaded_by", "created_at", "usage_list"]}),
    ]

    @admin.display(description=gettext_lazy("format"), ordering="kind")
    def format_column(self, obj):
        return obj.format_label

    @admin.display(description=gettext_lazy("taille"), ordering="file_size")
    def size_column(self, obj):
        return human_size(obj.file_size)

    def preview(self, obj):
        return {"id": obj.pk, "label": f"{obj.title} ({obj.format_label}, {human_size(obj.file_size)})"}


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    search_fields = ("name",)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        messages.info(request, _("Les images et documents de la collection restent dans la médiathèque."))
