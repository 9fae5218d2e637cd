from django.shortcuts import redirect
from django.utils.translation import get_language_from_request
from django.views.generic import DetailView, TemplateView

from .models import Page


def language_redirect(request):
    """/ sends the visitor to /fr/ or /en/, French unless they prefer English."""
    return redirect(f"/{get_language_from_request(request, check_path=False)}/", permanent=False)


class PublishedDetailView(DetailView):
    """Detail of a publishable object by its slug in the current language.

    Drafts, scheduled items and unknown slugs are all a 404.
    """

    def get_queryset(self):
        return super().get_queryset().published()


class HomeView(TemplateView):
    template_name = "home.html"


class PageDetailView(PublishedDetailView):
    model = Page
