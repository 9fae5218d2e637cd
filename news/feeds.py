"""RSS and Atom feeds of the latest releases, per language and per programme area.

The feeds live under /fr/ and /en/ like every page, so the active language
gives the feed its language and its items' titles and links.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from programmes.models import ProgrammeArea

from .models import NewsRelease

ITEMS = 20


class LatestNewsFeed(Feed):
    def title(self):
        return _("%(site)s – communiqués de presse") % {"site": settings.SITE_NAME}

    def description(self):
        return _("Les derniers communiqués de presse de l’OIM France.")

    def link(self):
        return reverse("news:list")

    def items(self):
        return NewsRelease.objects.published()[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return item.updated_at


class LatestNewsAtomFeed(LatestNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


class AreaNewsFeed(LatestNewsFeed):
    """The releases of one programme area (its slug in the feed's language)."""

    def get_object(self, request, area):
        return get_object_or_404(ProgrammeArea.objects.published(), slug=area)

    def title(self, obj):
        return f"{settings.SITE_NAME} – {obj.title}"

    def description(self, obj):
        return _("Les derniers communiqués de presse de l’OIM France sur : %(area)s") % {"area": obj.title}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return NewsRelease.objects.published().filter(programme_areas=obj)[:ITEMS]


class AreaNewsAtomFeed(AreaNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
