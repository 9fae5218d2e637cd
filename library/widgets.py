"""The chooser: a library item picked from its thumbnails, searched, or uploaded in place.

Built on the admin's own pop-up machinery (RelatedObjectLookups.js): "Choisir"
opens the library's list in a pop-up (thumbnails, search by title and
keyword, collections), where a click on an item sends its id back; the
admin's "+" beside the field (RelatedFieldWidgetWrapper) uploads a new item
in a pop-up and sends it back the same way. chooser.js then shows the chosen
item's thumbnail and title, read from the library's preview answer.
"""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.renditions import get_rendition

THUMBNAIL_WIDTH = 240


def thumbnail(image):
    rendition = get_rendition(image, THUMBNAIL_WIDTH) if image is not None else None
    return rendition.url if rendition else ""


class ChooserWidget(forms.HiddenInput):
    template_name = "library/widgets/chooser.html"
    input_type = "hidden"

    class Media:
        js = ["library/chooser.js"]
        css = {"all": ["library/library.css"]}

    def __init__(self, model, attrs=None):
        self.model = model
        super().__init__(attrs)

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.model = self.model
        return copy

    @property
    def is_hidden(self):
        # A hidden input, but a visible widget: the admin must keep its label and row.
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        opts = self.model._meta
        item = None
        if value not in (None, ""):
            item = self.model._default_manager.filter(pk=value).first()
        is_image = opts.model_name == "image"
        context["chooser"] = {
            "item": item,
            "is_image": is_image,
            "thumbnail": thumbnail(item) if is_image else "",
            "lookup_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + "?_to_field=id",
            "preview_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_preview", args=[0]),
            "choose_label": _("Choisir une image") if is_image else _("Choisir un document"),
            "empty_label": _("Aucune image choisie.") if is_image else _("Aucun document choisi."),
        }
        return context
