"""RSS and Atom feeds of the latest releases, per language and per programme area.

The feeds live under /fr/ and /en/ like every page, so the active language
gives the feed its language, its items' titles and links, and the site's
name as Publication set it (core.registry.identity()). A feed reader
renders an item's summary as HTML: the plain-text lead is escaped and rich
text goes through the same sanitiser as every page's rich text.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.links import fixed_url
from core.sanitize import sanitize_html
from core.seo import site_name
from editorial.translation_status import missing_q
from programmes.models import ProgrammeArea

from .models import NewsRelease

ITEMS = 20


def feed_releases(releases):
    """The releases a feed in the active language lists, newest first.

    An English feed leaves out the releases not translated yet, by the rule
    of the sitemap and hreflang (core.i18n.is_translated, in its database
    form): under <language>en</language> a reader expects English.
    """
    if get_language() != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        releases = releases.exclude(missing_q(NewsRelease))
    return releases[:ITEMS]


class LatestNewsFeed(Feed):
    def title(self):
        return _("%(site)s – communiqués de presse") % {"site": site_name()}

    def description(self):
        return _("%(site)s : les derniers communiqués de presse.") % {"site": site_name()}

    def link(self):
        return reverse("news:list")

    def author_name(self):
        # RFC 4287 §4.1.1: an Atom feed names its author (the home page's address is added in get_feed).
        return site_name()

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["author_link"] = request.build_absolute_uri(fixed_url("home"))
        return feed

    def items(self):
        return feed_releases(NewsRelease.objects.published())

    def item_title(self, item):
        # RSS readers take a title for HTML as often as for text.
        return escape(item.title)

    def item_description(self, item):
        """The lead as text in HTML; a release without a lead is summed up by its (sanitised) body."""
        if item.lead:
            return escape(item.lead)
        return sanitize_html(item.body) or ""

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return item.updated_at


class AtomMixin:
    feed_type = Atom1Feed

    def item_title(self, item):
        # An Atom title is text (RFC 4287 §3.1, type="text" by default): escaping would show "&amp;".
        return item.title


class LatestNewsAtomFeed(AtomMixin, LatestNewsFeed):
    def subtitle(self):
        return self.description()


class AreaNewsFeed(LatestNewsFeed):
    """The releases of one programme area (its slug in the feed's language)."""

    def get_object(self, request, area):
        return get_object_or_404(ProgrammeArea.objects.published(), slug=area)

    def title(self, obj):
        return f"{site_name()} – {obj.title}"

    def description(self, obj):
        return _("%(site)s, %(area)s : les derniers communiqués de presse.") % {"site": site_name(), "area": obj.title}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return feed_releases(NewsRelease.objects.published().filter(programme_areas=obj))


class AreaNewsAtomFeed(AtomMixin, AreaNewsFeed):
    def subtitle(self, obj):
        return self.description(obj)
