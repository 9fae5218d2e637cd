"""The search page: a thin view over search.engine."""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from core.views import SiteMixin

from .engine import MAX_QUERY_LENGTH, search_content

#: Shown when the query cannot be searched or finds nothing.
SUGGESTED_TERMS = {
    "fr": ["intégration", "réinstallation", "traite des êtres humains", "retour volontaire", "diaspora"],
    "en": ["integration", "resettlement", "human trafficking", "voluntary return", "diaspora"],
}

PROBLEMS = {
    "empty": _("Saisissez un ou plusieurs mots dans le champ de recherche."),
    "too_short": _("Saisissez au moins deux lettres : les mots d’une seule lettre ne sont pas recherchés."),
    "no_words": _("Votre recherche ne contient aucun mot à chercher (seulement de la ponctuation, des symboles "
                  "ou des mots trop courants)."),
}


@method_decorator(csrf_exempt, name="dispatch")
class SearchView(SiteMixin, TemplateView):
    """Results across every kind of published content, in the page's language.

    Only GET (and HEAD, OPTIONS) search. Anything else, such as a form posted
    here by a bot or an old page, gets the search page itself with a 405 and
    an Allow header, rather than CSRF's 403, which would tell the visitor
    nothing about searching. Exempting the view from CSRF is safe: it never
    reads a body and changes nothing.
    """

    template_name = "search.html"
    section_label = _("Recherche")
    paginate_by = 10
    http_method_names = ["get", "head", "options"]

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = self.render_to_response(self.get_context_data(**kwargs), status=405)
        response["Allow"] = ", ".join(self._allowed_methods())
        return response

    def get_breadcrumbs(self):
        return [(self.section_label, reverse("search"))]

    def get_window(self):
        """The slice of hits the requested page shows, so that the count comes with them (one query for both).

        A page number that is not one is page 1, as the paginator makes it; past the end the paginator asks for
        the last page, which then has a query of its own.
        """
        number = self.request.GET.get("page", "")
        number = int(number) if number.isascii() and number.isdigit() and 0 < len(number) < 7 else 1
        number = max(number, 1)
        return ((number - 1) * self.paginate_by, number * self.paginate_by)

    def get_context_data(self, **kwargs):
        language = self.request.LANGUAGE_CODE
        results = search_content(query=self.request.GET.get("q", ""), language=language, window=self.get_window())
        self.query = results.query
        context = super().get_context_data(**kwargs)
        page = Paginator(results, self.paginate_by).get_page(self.request.GET.get("page"))
        context.update(
            query=self.query.text,
            problem=PROBLEMS.get(self.query.problem, ""),
            truncated=self.query.truncated,
            max_query_length=MAX_QUERY_LENGTH,
            page_obj=page,
            paginator=page.paginator,
            is_paginated=page.has_other_pages(),
            hits=page.object_list,
            suggested_terms=SUGGESTED_TERMS.get(language, SUGGESTED_TERMS["fr"]),
        )
        return context

    def get_meta_title(self):
        if self.query.text and not self.query.problem:
            return _("Recherche : %(query)s") % {"query": self.query.text[:80]}
        return self.section_label

    def get_meta_description(self):
        return _("Rechercher dans les communiqués, les programmes, les partenaires et les bureaux de l’OIM France.")
