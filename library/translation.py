from modeltranslation.translator import TranslationOptions, register

from .models import Image


@register(Image)
class ImageTranslation(TranslationOptions):
    # The title is the library's own (editors search it); readers get the alternative text and the credit.
    fields = ("alt_text", "credit")
