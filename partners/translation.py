from modeltranslation.translator import TranslationOptions, register

from .models import Partner


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "acronym", "slug", "headquarters_city", "logo_alt", "summary", "body")
    required_languages = {"fr": ("name",)}
