from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from news.models import NewsRelease
from oim_site import seo
from oim_site.renditions import get_renditions
from oim_site.views import PublishedDetailView, SiteMixin

from .models import Partner, PartnerKind


class PartnerListView(SiteMixin, ListView):
    """Partners grouped by kind, in the order of PartnerKind."""

    section = "partners:list"
    section_label = _("Partenaires")
    template_name = "partners/partner_list.html"

    def get_queryset(self):
        return Partner.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partners = list(context["object_list"])
        context["groups"] = [
            (label, members)
            for kind, label in PartnerKind.choices
            if (members := [partner for partner in partners if partner.kind == kind])
        ]
        return context


class PartnerDetailView(PublishedDetailView):
    model = Partner
    section = "partners:list"
    section_label = _("Partenaires")
    recent_news = 5

    def get_meta_image(self):
        # Asked for by the page head and by the structured data: looked up once.
        if not hasattr(self, "_meta_image"):
            renditions = get_renditions(self.object.logo, [600])
            self._meta_image = renditions[0] if renditions else None
        return self._meta_image

    def get_structured_data(self):
        logo = self.get_meta_image()
        return [seo.partner_organization(self.request, self.object, logo.url if logo else None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_releases"] = NewsRelease.objects.published().filter(partners=self.object)[:self.recent_news]
        return context
