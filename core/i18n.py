"""Is this object really readable in English?

One answer shared by the pages (fallback notice, lang="fr" marking), the
hreflang links and the sitemap, so that a page showing French text under
/en/ is never advertised to search engines as an English page.
"""

from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, translator

#: The fields a reader actually reads. Acronyms, cities and addresses are
#: usually the same in both languages and do not make a page "untranslated".
#: The same rule answers the admin's "EN" column and "État des traductions".
READING_FIELDS = ("title", "name", "lead", "summary", "body", "description", "label", "job_title")


def translated_fields(model):
    try:
        return tuple(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return ()


def is_fallback(obj, field, language=None):
    """True when `field` of `obj` is displayed in French on a page in another language."""
    language = language or get_language()
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return False
    if field not in translated_fields(type(obj)):
        return False
    return bool(getattr(obj, f"{field}_fr", "")) and not getattr(obj, f"{field}_{language}", "")


def missing_fields(obj, language="en"):
    """The reading fields of `obj` that are written in French but not in `language`."""
    fields = translated_fields(type(obj))
    return [name for name in READING_FIELDS if name in fields and is_fallback(obj, name, language)]


def is_translated(obj, language="en"):
    return not missing_fields(obj, language)


def available_languages(obj):
    """Languages in which `obj` is fully written: French always, others when translated."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return [code for code, _name in settings.LANGUAGES if code == default or is_translated(obj, code)]
