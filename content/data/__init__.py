"""The content a fresh install ships with: OIM France's real pages, offices, partners, programmes, news, identity.

Plain Python data, in French and English, so that ``manage.py load_initial_content``
works anywhere (no fixture file, no access to the old site's texts). Facts come
from the old site's pages; the texts are rewritten, not pasted. Field names are
the model's concrete columns (``title_fr``, ``title_en``…); the key that
identifies each object on a later run sits outside ``fields``.

The loader lives in :mod:`content.loader`.
"""

from .identity import IDENTITY
from .news import MEDIA_CONTACTS, RELEASES
from .offices import OFFICES
from .pages import PAGES
from .partners import PARTNERS
from .programmes import AREAS, CONTACTS, PROJECTS, PUBLICATIONS

__all__ = [
    "AREAS", "CONTACTS", "IDENTITY", "MEDIA_CONTACTS", "OFFICES", "PAGES", "PARTNERS", "PROJECTS", "PUBLICATIONS",
    "RELEASES",
]
