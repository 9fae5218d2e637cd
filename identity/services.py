"""The site's identity as pages read it: one query after Publication changed it, none otherwise.

``site_identity()`` is the provider of ``core.registry.identity()``. The
row, its two images and the share image's rendition are read in one query
and kept in the shared cache under an identity version of their own, and
for the rest of the request on the request itself. A save of the identity
(or of a library image, which may be its emblem) renews that version and
the page cache's content version, so every page, on every instance, shows
the new name on its next request; other content changes leave the identity
where it is, and a page-cache hit never reads it at all.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from core.cache import content_changed
from core.registry import Identity, SiteImage, SocialLink, default_identity
from core.renditions import get_rendition

from .models import SOCIAL_NETWORKS, SiteIdentity

VERSION_KEY = "oim:identity-version"
#: The share image's rendition: what Facebook, LinkedIn and X show best (1.91:1).
SHARE_WIDTH, SHARE_RATIO = 1200, "1200:630"
_REQUEST_ATTRIBUTE = "_site_identity"


def _texts(row, name):
    return {code: getattr(row, f"{name}_{code}") or "" for code, _label in settings.LANGUAGES}


def identity_read():
    """The stored identity (one query), or None while there is none."""
    row = SiteIdentity.objects.select_related("emblem", "share_image").filter(pk=SiteIdentity.SINGLE_PK).first()
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
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)  # add: another process may have made one first
        version = cache.get(VERSION_KEY)
    key = f"oim:identity:{version}"
    found = cache.get(key)
    if found is None:
        # False, not None, stands for "no row yet": None is a miss.
        found = identity_read() or False
        cache.set(key, found, settings.PAGE_CACHE_SECONDS or 300)
    return found


def site_identity(request=None):
    """The identity for ``request`` (kept on it), or None while Publication has not filled it in."""
    found = getattr(request, _REQUEST_ATTRIBUTE, None) if request is not None else None
    if found is None:
        found = _cached_identity()
        if request is not None:
            setattr(request, _REQUEST_ATTRIBUTE, found)
    return found or None


def _renew_version():
    cache.delete(VERSION_KEY)


def identity_version_renewed(sender=None, **kwargs):
    """Signal receiver: the identity is read again, now and once the transaction commits.

    As core.cache.content_changed does: what a reader read before the commit
    is kept under a version nobody asks for again.
    """
    _renew_version()
    transaction.on_commit(_renew_version)


def identity_changed(sender=None, **kwargs):
    """Signal receiver: a new identity, and new pages (the identity is on every one)."""
    identity_version_renewed()
    content_changed()
