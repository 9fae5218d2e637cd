"""Site-wide views of the roof: the home page, which gathers every content app, and the plain answers.

The content apps' own pages are in their apps; the layout they share is in
core.views.
"""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core import seo
from core.cache import by_content_version
from core.views import SiteMixin
from news.models import NewsRelease
from offices.models import Office
from partners.models import Partner
from programmes.models import ProgrammeArea


def language_redirect(request):
    """/ sends the visitor to /fr/ or /en/, French unless they prefer English."""
    return redirect(f"/{get_language_from_request(request, check_path=False)}/", permanent=False)


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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(about=self.site_pages.about, **by_content_version("home-lists", self.load_lists))
        return context

    @staticmethod
    def load_lists():
        """The home page's four short lists: read once per content version, not on every visit."""
        return {
            "latest_releases": list(NewsRelease.objects.published()[:4]),
            "areas": list(ProgrammeArea.objects.published()),
            "offices": list(Office.objects.published()),
            "partners": list(Partner.objects.published()[:12]),
        }


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
