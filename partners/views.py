from django.views.generic import ListView

from core import seo
from core.views import PublishedDetailView, SiteMixin

from .models import Partner, PartnerKind


class PartnerListView(SiteMixin, ListView):
    """Partners grouped by kind, in the order of PartnerKind."""

    section = "partners:list"
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
    recent_news = 5
    meta_image_field = "logo"
    meta_image_width = 600

    def get_structured_data(self):
        logo = self.get_meta_image()
        return [seo.partner_organization(self.request, self.object, logo.url if logo else None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_releases"] = self.object.news_releases.published()[:self.recent_news]
        return context
