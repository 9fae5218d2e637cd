from modeltranslation.translator import TranslationOptions, register

from .models import SiteIdentity


@register(SiteIdentity)
class SiteIdentityTranslation(TranslationOptions):
    fields = ("name", "tagline", "parent_name")
    required_languages = {"fr": ("name", "parent_name")}
