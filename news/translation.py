from modeltranslation.translator import TranslationOptions, register

from .models import NewsRelease, RelatedLink


@register(NewsRelease)
class NewsReleaseTranslation(TranslationOptions):
    fields = ("title", "slug", "dateline", "lead", "body", "image_alt")
    required_languages = {"fr": ("title",)}


@register(RelatedLink)
class RelatedLinkTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ("fr",)
