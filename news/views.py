from functools import cached_property
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from core import seo
from core.cache import by_content_version
from core.views import PublishedDetailView, SiteMixin, int_or_none
from programmes.models import ProgrammeArea

from .models import NewsRelease


def site_feeds(area=None):
    """The feeds of one programme area's releases, that its pages advertise with <link rel="alternate">.

    Registered in apps.py, so that the area's own page (programmes) finds
    them through the registry.
    """
    feeds = []
    if isinstance(area, ProgrammeArea):
        feeds += [
            ("application/rss+xml", _("%(area)s – RSS") % {"area": area.title},
             reverse("news:area_feed_rss", kwargs={"area": area.slug})),
            ("application/atom+xml", _("%(area)s – Atom") % {"area": area.title},
             reverse("news:area_feed_atom", kwargs={"area": area.slug})),
        ]
    return feeds


class CountedPaginator(Paginator):
    """A paginator told the number of items (kept by content version) instead of counting them on every page."""

    def __init__(self, object_list, per_page, *, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count


class NewsListView(SiteMixin, ListView):
    """Releases, newest first, ten a page, filterable by programme area and year.

    A filter is one of the choices the form offers, or a 404: an area that
    is not a published one (``?area=999999``), a year with no published
    release (``?year=2012``) and malformed values (``?year=abc``) never show
    the unfiltered list under a filter's address. An empty value
    (``?area=``, the form's "Tous les domaines") is no filter. Two valid
    filters with no release in common give the list's own "no release"
    message. A page number past the end or not a number is a 404 too.

    Each page is its own document: the title names the filters and the page
    (``Actualités 2012 – page 2``), and ``canonical_path`` is the list's
    address with its filters and page in a fixed order, without anything
    else the query string carried.
    """

    section = "news:list"
    paginate_by = 10
    template_name = "news/newsrelease_list.html"

    def get_filters(self):
        # The filters' choices, kept until the content (or the date of the next scheduled release) changes:
        # the years are a scan of every release. One read of the shared cache for both.
        self.areas, self.years = by_content_version("news-filters", self.load_filter_choices)
        self.area = self.year = None
        area = self.request.GET.get("area", "")
        if area:
            area_pk = int_or_none(area)
            self.area = next((choice for choice in self.areas if choice.pk == area_pk), None)
            if self.area is None:
                raise Http404(_("Aucun domaine de programme ne correspond à ce filtre."))
        year = self.request.GET.get("year", "")
        if year:
            self.year = int_or_none(year)
            if self.year is None:
                raise Http404(_("L’année demandée n’est pas une année."))
            if self.year not in self.years:
                raise Http404(_("Aucun communiqué en %(year)s.") % {"year": self.year})

    @staticmethod
    def load_filter_choices():
        years = NewsRelease.objects.published().dates("publication_date", "year", order="DESC")
        return list(ProgrammeArea.objects.published()), [date.year for date in years]

    def get_queryset(self):
        self.get_filters()
        releases = NewsRelease.objects.published()
        if self.area is not None:
            releases = releases.filter(programme_areas=self.area)
        if self.year is not None:
            releases = releases.filter(publication_date__year=self.year)
        return releases

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # Counting the published releases reads every row (a sequential scan: about 15 ms on 10,000 releases,
        # most of an uncached list page's database time). The count of each filter is kept like the choices.
        area = self.area.pk if self.area is not None else ""
        count = by_content_version(f"news-count:{area}:{self.year or ''}", queryset.count)
        return CountedPaginator(queryset, per_page, count=count, orphans=orphans,
                                allow_empty_first_page=allow_empty_first_page, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        self.page_number = page.number
        return paginator, page, object_list, is_paginated

    def get_feeds(self):
        return site_feeds(self.area)

    def get_meta_title(self):
        title = self.get_section_title()
        if self.year is not None:
            title = f"{title} {self.year}"
        if self.area is not None:
            title = f"{title} – {self.area.title}"
        if getattr(self, "page_number", 1) > 1:
            title = _("%(title)s – page %(page)s") % {"title": title, "page": self.page_number}
        return title

    def get_canonical_path(self):
        query = {}
        if self.area is not None:
            query["area"] = self.area.pk
        if self.year is not None:
            query["year"] = self.year
        if getattr(self, "page_number", 1) > 1:
            query["page"] = self.page_number
        return self.request.path + (f"?{urlencode(query)}" if query else "")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(areas=self.areas, years=self.years, selected_area=self.area, selected_year=self.year,
                       canonical_path=self.get_canonical_path())
        return context


class NewsDetailView(PublishedDetailView):
    """A release with its links, media contacts, programme areas and partners.

    The four are read through the release's own related managers, one query
    each, rather than with prefetch_related(): for a single object the ORM
    builds a prefetch's query at a third to two thirds more cost (the join
    on the list of instances, the extra column), for the same rows. The
    partners come without their logo (select_related(None)): the page names
    them and shows no logo.
    """

    model = NewsRelease
    section = "news:list"
    meta_image_field = "image"

    @cached_property
    def related(self):
        release = self.object
        return {
            "links": list(release.links.all()),
            "media_contacts": list(release.media_contacts.named_contacts()),
            "programme_areas": list(release.programme_areas.published()),
            "partners": list(release.partners.published().select_related(None)),
        }

    def get_og_type(self):
        return "article"

    def get_meta_description(self):
        return self.object.lead or self.object.body

    def get_structured_data(self):
        image = self.get_meta_image()
        data = [seo.news_article(self.request, self.object, image.url if image else None)]
        data += [seo.person(self.request, person) for person in self.related["media_contacts"]]
        return data

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **self.related)
