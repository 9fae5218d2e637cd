from modeltranslation.translator import TranslationOptions, register

from .models import ActivityDomain, Office, Person


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "slug", "city", "address", "role", "summary", "description")
    required_languages = {"fr": ("name", "city")}


@register(ActivityDomain)
class ActivityDomainTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = {"fr": ("title",)}


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("job_title",)
