"""Site-wide views of the roof: the home page, which gathers every content app, and the plain answers.

The content apps' own pages are in their apps; the layout they share is in
core.views.
"""

import functools
import json
import math
import uuid
from dataclasses import dataclass, field

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core import seo
from core.cache import by_content_version
from core.renditions import get_rendition
from core.views import SiteMixin
from news.models import NewsRelease
from offices.models import Office
from offices.views import team_listed, with_team_flag
from partners.models import Partner
from programmes.models import ProgrammeArea


def language_redirect(request):
    """/ sends the visitor to /fr/ or /en/, French unless they prefer English."""
    return redirect(f"/{get_language_from_request(request, check_path=False)}/", permanent=False)


#: The hero's image: the smallest of its renditions, and its shape (cropped around the focal point).
HERO_WIDTH = 480
HERO_RATIO = "3:2"


class HomeView(SiteMixin, TemplateView):
    template_name = "home.html"

    def get_meta_title(self):
        return _("ONU Migration")

    def get_meta_description(self):
        about = self.site_pages.about
        if about and about.summary:
            return about.summary
        return super().get_meta_description()

    def get_breadcrumbs(self):
        return []

    def get_structured_data(self):
        return [seo.organization(self.request), seo.website(self.request)]

    #: Release cards under the hero, and partners in the strip.
    cards = 4
    strip = 12

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Named anew when what is kept changes shape: a cache filled by the previous release is not read back.
        lists = by_content_version("home-lists", self.load_lists)
        releases = lists["releases"]
        # The hero shows the newest of these releases whose image can be shown (it leads, the cards show the
        # others); without one, the hero is the designed band of text alone. Renditions are found in the cache.
        hero = next((release for release in releases if get_rendition(release.image, HERO_WIDTH, HERO_RATIO)), None)
        context.update(
            about=self.site_pages.about,
            hero=hero,
            latest_releases=[release for release in releases if release is not hero][:self.cards],
            areas=lists["areas"],
            offices=lists["offices"],
            partners=lists["partners"][:self.strip],
            team_listed=lists["team_listed"],
            # Built when the template asks: the page's sections are rendered once per version of the lists
            # (home.html, {% memo %}), and the map with them.
            welcome_map=SimpleLazyObject(lambda: welcome_map(lists["offices"], lists["partners"])),
            lists_version=lists["version"],
        )
        return context

    @classmethod
    def load_lists(cls):
        """The home page's short lists: read once per content version (four queries), not on every visit."""
        offices = list(with_team_flag(Office.objects.published()))
        return {
            # One more than the cards: the hero's release, when it is among them, is not repeated in a card.
            "releases": list(NewsRelease.objects.published()[:cls.cards + 1]),
            "areas": list(ProgrammeArea.objects.published()),
            "offices": offices,
            "team_listed": team_listed(offices),
            # All of them for the map's cities; the strip shows the first ones.
            "partners": list(Partner.objects.published()),
            # Names this computation of the lists: the page's sections are kept per version (home.html).
            "version": uuid.uuid4().hex,
        }


# --- The welcome map ---------------------------------------------------------------------------------

#: Where the cities of the offices and partners are (WGS 84: longitude, latitude), by slugified name. A
#: city missing here is neither drawn nor listed under the map (the map is of France: Geneva is not on it).
CITY_POSITIONS = {
    "paris": (2.3522, 48.8566),
    "marseille": (5.3698, 43.2965),
    "lyon": (4.8357, 45.7640),
    "strasbourg": (7.7521, 48.5734),
}
#: The outline of metropolitan France, from Natural Earth (static/vendor/world-atlas/README.md).
OUTLINE = "vendor/world-atlas/france-50m.json"
MAP_WIDTH = 400
MAP_MARGIN = 12


@dataclass
class MapCity:
    """A city on the map: its point, its label, and the offices and partners that are there."""

    name: str
    x: float
    y: float
    offices: list = field(default_factory=list)
    partners: list = field(default_factory=list)

    @property
    def label_end(self):
        """Near the eastern edge the label goes left of the point (text-anchor="end"), elsewhere right of it."""
        return self.x > MAP_WIDTH * 0.7

    @property
    def label_x(self):
        return round(self.x - 14 if self.label_end else self.x + 14, 1)

    @property
    def label_y(self):
        return round(self.y + 5, 1)


@dataclass
class WelcomeMap:
    width: int
    height: int
    outline: str
    cities: list

    @property
    def office_cities(self):
        return ", ".join(city.name for city in self.cities if city.offices)

    @property
    def partner_cities(self):
        return ", ".join(city.name for city in self.cities if city.partners)


@functools.lru_cache(maxsize=1)
def _outline():
    """(projection, SVG path, height) of France's outline, read once per process."""
    with open(finders.find(OUTLINE), encoding="utf-8") as file:
        polygons = json.load(file)["geometry"]["coordinates"]
    points = [point for polygon in polygons for point in polygon[0]]
    west, east = min(x for x, _y in points), max(x for x, _y in points)
    south, north = min(y for _x, y in points), max(y for _x, y in points)
    # Equirectangular at France's middle latitude: distances are true enough at this scale.
    squeeze = math.cos(math.radians((north + south) / 2))
    scale = (MAP_WIDTH - 2 * MAP_MARGIN) / ((east - west) * squeeze)

    def project(lon, lat):
        return (round(MAP_MARGIN + (lon - west) * squeeze * scale, 1), round(MAP_MARGIN + (north - lat) * scale, 1))

    path = "".join(
        "M" + "L".join(f"{x:g} {y:g}" for x, y in (project(*point) for point in polygon[0])) + "Z"
        for polygon in polygons
    )
    height = math.ceil(2 * MAP_MARGIN + (north - south) * scale)
    return project, path, height


def welcome_map(offices, partners):
    """The offices' and partners' cities on an outline of France, for the home page.

    Built in the page's language from the lists the home page already has
    (no query): what is in each city comes from the offices' and the
    partners' own city fields.
    """
    project, path, height = _outline()
    cities = {}

    def city_of(name):
        key = slugify(name or "")
        if key not in CITY_POSITIONS:
            return None
        if key not in cities:
            x, y = project(*CITY_POSITIONS[key])
            cities[key] = MapCity(name=name, x=x, y=y)
        return cities[key]

    for office in offices:
        if city := city_of(office.city):
            city.offices.append(office)
    for partner in partners:
        if city := city_of(partner.headquarters_city):
            city.partners.append(partner)
    # North to south, as a reader scans the map.
    return WelcomeMap(MAP_WIDTH, height, path, sorted(cities.values(), key=lambda city: city.y))


def robots_txt(request):
    """Everything public may be crawled; the back office may not. Points to the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /ckeditor/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers ask for /favicon.ico; the file itself is a hashed static file."""
    return redirect(static("favicon.ico"), permanent=True)
