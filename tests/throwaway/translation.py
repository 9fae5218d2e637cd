from modeltranslation.translator import TranslationOptions, register

from .models import Gadget


@register(Gadget)
class GadgetTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("fr",)
