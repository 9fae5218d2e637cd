"""What base.html needs on every page, including error pages rendered without a view."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .registry import registry


def site(request):
    # Lazy: the admin and pages that never show the menu run no query for it.
    return {
        "site_pages": SimpleLazyObject(lambda: registry.site_pages(request)),
        "site_sections": registry.sections(),
        "SITE_NAME": settings.SITE_NAME,
        "SITE_SHARE_IMAGE": settings.SITE_SHARE_IMAGE,
    }
