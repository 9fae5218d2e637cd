from django.utils.functional import cached_property
from django.views.generic import ListView

from core import seo
from core.documents import DocumentLanguage
from core.registry import registry
from core.views import PublishedDetailView, SiteMixin, int_or_none

from .models import ProgrammeArea


class ProgrammeAreaListView(SiteMixin, ListView):
    section = "programmes:list"
    template_name = "programmes/programmearea_list.html"

    def get_queryset(self):
        return ProgrammeArea.objects.published()


class ProgrammeAreaDetailView(PublishedDetailView):
    """An area with its projects, publications (filterable), contacts and recent news.

    The publications of one area are few: all of them come in one prefetch
    and the year and language filters are applied in Python, so a filter
    never adds a query. Unknown filter values are ignored.
    """

    model = ProgrammeArea
    section = "programmes:list"
    recent_news = 5

    @cached_property
    def related(self):
        # Through the area's own related managers, one query each: for one object the ORM builds them at less
        # cost than prefetch_related()'s (see news.views.NewsDetailView).
        area = self.object
        return {
            "projects": list(area.projects.all()),
            "publications": list(area.publications.select_related("document")),
            "contacts": list(area.contacts.named_contacts()),
        }

    def get_feeds(self):
        return registry.feeds_for(self.object)

    def get_structured_data(self):
        return [seo.person(self.request, person) for person in self.related["contacts"]]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        publications = self.related["publications"]
        years = sorted({p.year for p in publications if p.year}, reverse=True)
        languages = [(code, label) for code, label in DocumentLanguage.choices
                     if any(p.language == code for p in publications)]
        year = int_or_none(self.request.GET.get("year"))
        year = year if year in years else None
        language = self.request.GET.get("language")
        language = language if language in dict(languages) else None
        shown = [p for p in publications
                 if (year is None or p.year == year) and (language is None or p.language == language)]
        context.update(
            projects=self.related["projects"],
            contacts=self.related["contacts"],
            publications=shown,
            has_publications=bool(publications),
            publication_years=years,
            publication_languages=languages,
            selected_year=year,
            selected_language=language,
            recent_releases=self.object.news_releases.published()[:self.recent_news],
        )
        return context
