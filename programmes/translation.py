from modeltranslation.translator import TranslationOptions, register

from .models import ProgrammeArea, Project, Publication


@register(ProgrammeArea)
class ProgrammeAreaTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "body")
    required_languages = {"fr": ("title",)}


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("name", "summary", "countries")
    required_languages = {"fr": ("name",)}


@register(Publication)
class PublicationTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("fr",)
