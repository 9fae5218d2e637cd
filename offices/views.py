from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from oim_site import seo
from oim_site.views import PublishedDetailView, SiteMixin

from .models import Office, Person


class OfficeListView(SiteMixin, ListView):
    section = "offices:list"
    section_label = _("Bureaux")
    template_name = "offices/office_list.html"

    def get_queryset(self):
        return Office.objects.published()

    def get_structured_data(self):
        return [seo.office_place(self.request, office) for office in self.object_list]


class OfficeDetailView(PublishedDetailView):
    model = Office
    section = "offices:list"
    section_label = _("Bureaux")

    def get_queryset(self):
        return super().get_queryset().prefetch_related(
            "domains",
            Prefetch("people", queryset=Person.objects.filter(show_on_team_page=True), to_attr="team"),
        )

    def get_meta_description(self):
        return self.object.summary or self.object.description or self.object.role

    def get_structured_data(self):
        return [seo.office_place(self.request, self.object)] + [
            seo.person(self.request, person) for person in self.object.team
        ]


class TeamView(SiteMixin, ListView):
    """Everyone shown on the team page, grouped by office (published offices only)."""

    section = "offices:team"
    section_label = _("Équipe")
    template_name = "offices/person_list.html"

    def get_queryset(self):
        return (
            Person.objects.filter(show_on_team_page=True)
            .select_related("office")
            .order_by(F("office__order").asc(nulls_last=True), "office_id", "order", "name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = {}
        for person in context["object_list"]:
            office = person.office if person.office and person.office.is_published else None
            groups.setdefault(office, []).append(person)
        # People without a public office come last, under a plain heading.
        context["groups"] = sorted(groups.items(), key=lambda item: item[0] is None)
        return context
