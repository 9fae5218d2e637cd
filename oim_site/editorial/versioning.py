"""Which models keep a history, and what a version of each holds.

Every content model is registered here once, with the inline children that
the admin edits on the same page as ``follow``, so that restoring a release
also restores its links, an area its projects and publications, an office
its activity domains.

Only the concrete ``_fr`` / ``_en`` columns are stored: the untranslated
``title`` attribute that modeltranslation keeps is a view of the active
language (with fallback), so storing and restoring it would copy French text
into the English column.
"""

from django.apps import apps
from modeltranslation.translator import NotRegistered, translator
from reversion import revisions

#: model label -> reverse accessors of the children edited inline.
CONTENT_MODELS = {
    "oim_site.Page": (),
    "news.NewsRelease": ("links",),
    "news.RelatedLink": (),
    "partners.Partner": (),
    "programmes.ProgrammeArea": ("projects", "publications"),
    "programmes.Project": (),
    "programmes.Publication": (),
    "offices.Office": ("domains",),
    "offices.ActivityDomain": (),
    "offices.Person": (),
}


def translated_field_names(model):
    """Base names of the model's translated fields (``title``, ``body``…)."""
    try:
        return tuple(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return ()


def versioned_fields(model):
    opts = model._meta
    skip = set(translated_field_names(model))
    return tuple(f.name for f in opts.local_fields + opts.local_many_to_many if f.name not in skip)


def register_content_models():
    """Register every content model with django-reversion (idempotent)."""
    for label, follow in CONTENT_MODELS.items():
        model = apps.get_model(label)
        if not revisions.is_registered(model):
            revisions.register(model, fields=versioned_fields(model), follow=follow)


def content_models():
    return [apps.get_model(label) for label in CONTENT_MODELS]
