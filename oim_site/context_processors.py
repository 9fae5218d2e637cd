"""What base.html needs on every page, including error pages rendered without a view."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    from .views import SitePages

    # Lazy: the admin and pages that never show the menu run no query for it.
    return {
        "site_pages": SimpleLazyObject(lambda: SitePages.for_request(request)),
        "SITE_NAME": settings.SITE_NAME,
    }
