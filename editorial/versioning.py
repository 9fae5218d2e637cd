"""Which models keep a history, and what a version of each holds.

Every registered content type (core.registry) is registered with
django-reversion, with the inline children that the admin edits on the same
page as ``follow``, so that restoring a release also restores its links, an
area its projects and publications, an office its activity domains.

Only the concrete ``_fr`` / ``_en`` columns are stored: the untranslated
``title`` attribute that modeltranslation keeps is a view of the active
language (with fallback), so storing and restoring it would copy French text
into the English column.
"""

from reversion import revisions

from core.i18n import translated_fields
from core.registry import registry


def versioned_fields(model):
    opts = model._meta
    skip = set(translated_fields(model))
    return tuple(f.name for f in opts.local_fields + opts.local_many_to_many if f.name not in skip)


def register_content_models():
    """Register every content type with django-reversion (idempotent; call again after a new registration)."""
    for entry in registry:
        if not revisions.is_registered(entry.model):
            revisions.register(entry.model, fields=versioned_fields(entry.model), follow=entry.follow)
