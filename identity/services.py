"""The site's identity as pages read it: one query after Publication changed it, none otherwise.

``site_identity()`` is the provider of ``core.registry.identity()``. The
row, its two images and the share image's rendition are read in one query
and kept in the shared cache (core.cache.by_content_version), and for the
rest of the request on the request itself. A save of the identity renews
every page (a new epoch of the cache); a change to one of its library images
renews the kept value and the pages, which depend on those images through
it; other content changes leave the identity where it is, and a page-cache
hit never reads it at all.
"""

from django.conf import settings

from core.cache import by_content_version, content_changed, lookup_scope
from core.registry import Identity, SiteImage, SocialLink, default_identity
from core.renditions import get_rendition

from .models import SOCIAL_NETWORKS, SiteIdentity

#: The share image's rendition: what Facebook, LinkedIn and X show best (1.91:1).
SHARE_WIDTH, SHARE_RATIO = 1200, "1200:630"
_REQUEST_ATTRIBUTE = "_site_identity"


def _texts(row, name):
    return {code: getattr(row, f"{name}_{code}") or "" for code, _label in settings.LANGUAGES}


def identity_read():
    """The stored identity (one query), or None while there is none."""
    rows = SiteIdentity.objects.select_related("emblem", "share_image").filter(pk=SiteIdentity.SINGLE_PK)
    with lookup_scope(rows):  # the identity depends on its two images, not on the whole library
        row = rows.first()
    if row is None:
        return None
    default = default_identity()
    emblem = default.emblem
    if row.emblem is not None and row.emblem.file:
        emblem = SiteImage(row.emblem.file.url, row.emblem.width, row.emblem.height)
    share = default.share_image
    rendition = get_rendition(row.share_image, SHARE_WIDTH, SHARE_RATIO) if row.share_image else None
    if rendition is not None:
        share = SiteImage(rendition.url, rendition.width, rendition.height)
    return Identity(
        names=_texts(row, "name"),
        taglines=_texts(row, "tagline"),
        parent_names=_texts(row, "parent_name"),
        share_image=share,
        emblem=emblem,
        social_links=tuple(SocialLink(network, getattr(row, name))
                           for name, network in SOCIAL_NETWORKS if getattr(row, name)),
    )


def _cached_identity():
    # False, not None, stands for "no row yet": None is a miss.
    return by_content_version("identity", lambda: identity_read() or False)


def site_identity(request=None):
    """The identity for ``request`` (kept on it), or None while Publication has not filled it in."""
    found = getattr(request, _REQUEST_ATTRIBUTE, None) if request is not None else None
    if found is None:
        found = _cached_identity()
        if request is not None:
            setattr(request, _REQUEST_ATTRIBUTE, found)
    return found or None


def identity_changed(sender=None, **kwargs):
    """Signal receiver: the identity is on every page, so every page is renewed (a new epoch of the cache)."""
    content_changed()
