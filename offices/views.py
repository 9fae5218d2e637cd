from django.db.models import Exists, F, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.views.decorators.http import require_GET
from django.views.generic import ListView

from core import seo
from core.views import PublishedDetailView, SiteMixin

from .models import Office, Person
from .vcard import person_vcard


def with_team_flag(offices):
    """Offices, each also saying whether the team page lists anyone (``team_listed``).

    The team page is linked only when it has members. The answer is the
    same on every row; carried by the offices' own query, it costs no query
    of its own on the pages that list offices.
    """
    return offices.annotate(team_listed=Exists(Person.objects.on_team_page()))


def team_listed(offices):
    """Whether to link the team page beside these offices (read through :func:`with_team_flag`).

    The link sits with the offices: where there is none to list, there is no link either.
    """
    return bool(offices) and offices[0].team_listed


class OfficeListView(SiteMixin, ListView):
    section = "offices:list"
    template_name = "offices/office_list.html"

    def get_queryset(self):
        return with_team_flag(Office.objects.published())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["team_listed"] = team_listed(context["object_list"])
        return context

    def get_structured_data(self):
        return [seo.office_place(self.request, office) for office in self.object_list]


class OfficeDetailView(PublishedDetailView):
    model = Office
    section = "offices:list"

    def get_queryset(self):
        return super().get_queryset().prefetch_related(
            "domains",
            Prefetch("people", queryset=Person.objects.on_team_page(), to_attr="team"),
        )

    def get_meta_description(self):
        return self.object.summary or self.object.description or self.object.role

    def get_structured_data(self):
        return [seo.office_place(self.request, self.object)] + [
            seo.person(self.request, person) for person in self.object.team
        ]


class TeamView(SiteMixin, ListView):
    """Everyone shown on the team page, grouped by office; people without an office come last."""

    section = "offices:team"
    template_name = "offices/person_list.html"

    def get_queryset(self):
        return (
            Person.objects.on_team_page()
            .select_related("office")
            .order_by(F("office__order").asc(nulls_last=True), "office_id", "order", "name")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = {}
        for person in context["object_list"]:
            groups.setdefault(person.office, []).append(person)
        # People without a public office come last, under a plain heading.
        context["groups"] = sorted(groups.items(), key=lambda item: item[0] is None)
        return context


@require_GET
def person_vcard_view(request, pk):
    """A public person's contact card, for the address book of a journalist or a partner."""
    person = get_object_or_404(Person.objects.public().select_related("office"), pk=pk)
    response = HttpResponse(person_vcard(person), content_type="text/vcard; charset=utf-8")
    filename = slugify(person.name) or f"contact-{person.pk}"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response
