from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from core import seo
from core.cache import by_content_version
from core.views import PublishedDetailView, SiteMixin, int_or_none
from offices.models import Person
from partners.models import Partner
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


class NewsListView(SiteMixin, ListView):
    """Releases, newest first, ten a page, filterable by programme area and year.

    Unknown or malformed filter values are ignored (the visitor sees the
    unfiltered list); a page number past the end or not a number is a 404.
    """

    section = "news:list"
    paginate_by = 10
    template_name = "news/newsrelease_list.html"

    def get_filters(self):
        # The filters' choices, kept until the content (or the date of the next scheduled release) changes:
        # the years are a scan of every release. One read of the shared cache for both.
        self.areas, self.years = by_content_version("news-filters", self.load_filter_choices)
        area_pk = int_or_none(self.request.GET.get("area"))
        self.area = next((area for area in self.areas if area.pk == area_pk), None)
        year = int_or_none(self.request.GET.get("year"))
        self.year = year if year in self.years else None

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

    def get_feeds(self):
        return site_feeds(self.area)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(areas=self.areas, years=self.years, selected_area=self.area, selected_year=self.year)
        return context


class NewsDetailView(PublishedDetailView):
    model = NewsRelease
    section = "news:list"
    meta_image_field = "image"

    def get_queryset(self):
        return super().get_queryset().prefetch_related(
            "links",
            Prefetch("media_contacts", queryset=Person.objects.public()),
            Prefetch("programme_areas", queryset=ProgrammeArea.objects.published()),
            Prefetch("partners", queryset=Partner.objects.published()),
        )

    def get_og_type(self):
        return "article"

    def get_meta_description(self):
        return self.object.lead or self.object.body

    def get_structured_data(self):
        image = self.get_meta_image()
        data = [seo.news_article(self.request, self.object, image.url if image else None)]
        data += [seo.person(self.request, person) for person in self.object.media_contacts.all()]
        return data
