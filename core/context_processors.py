"""What base.html needs on every page, including error pages rendered without a view."""

from django.utils.functional import SimpleLazyObject, lazy

from .registry import registry


def _identity_text(identity, name):
    return getattr(identity, name)


# Made once: lazy() builds a class at each call (about 0.5M instructions, twice a page when it was called here per
# request).
_lazy_identity_text = lazy(_identity_text, str)


def site(request):
    # Lazy: the admin and pages that never show the menu or the identity run no query for them.
    identity = SimpleLazyObject(lambda: registry.identity(request))
    return {
        "site_pages": SimpleLazyObject(lambda: registry.site_pages(request)),
        "site_sections": SimpleLazyObject(registry.shown_sections),
        # The site's identity (core.registry.Identity), read in the language active where it is printed.
        "SITE_IDENTITY": identity,
        "SITE_NAME": _lazy_identity_text(identity, "name"),
        "SITE_TAGLINE": _lazy_identity_text(identity, "tagline"),
    }
