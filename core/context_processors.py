"""What base.html needs on every page, including error pages rendered without a view."""

from django.utils.functional import SimpleLazyObject, lazy

from .registry import registry


def site(request):
    # Lazy: the admin and pages that never show the menu or the identity run no query for them.
    identity = SimpleLazyObject(lambda: registry.identity(request))
    return {
        "site_pages": SimpleLazyObject(lambda: registry.site_pages(request)),
        "site_sections": SimpleLazyObject(registry.shown_sections),
        # The site's identity (core.registry.Identity), read in the language active where it is printed.
        "SITE_IDENTITY": identity,
        "SITE_NAME": lazy(lambda: identity.name, str)(),
        "SITE_TAGLINE": lazy(lambda: identity.tagline, str)(),
    }
