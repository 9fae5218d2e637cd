"""Site-wide views and the mixins every public page is built on.

A public view says what the layout needs (title, description, breadcrumbs,
structured data, feeds, the object the language switcher follows) by
overriding small ``get_*`` methods of :class:`SiteMixin`; base.html and the
partials in templates/includes/ render them.
"""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language_from_request
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from news.models import NewsRelease
from offices.models import Office
from partners.models import Partner
from programmes.models import ProgrammeArea

from . import seo
from .cache import by_content_version
from .i18n import is_fallback
from .models import Page, fixed_url

#: The French slug of the page whose text introduces the home page.
ABOUT_PAGE_SLUG = "a-propos"


def language_redirect(request):
    """/ sends the visitor to /fr/ or /en/, French unless they prefer English."""
    return redirect(f"/{get_language_from_request(request, check_path=False)}/", permanent=False)


class SitePages:
    """The standalone pages the layout needs, loaded in one query per request.

    Top-level pages (menu and footer), menu children and the pages that
    introduce a listing: a handful of rows, so the tree is built in Python
    rather than with one query per menu item.
    """

    def __init__(self, pages):
        self.by_pk = {page.pk: page for page in pages}
        for page in pages:
            page.menu_children = []
        self.menu = []
        self.footer = []
        self.sections = {}
        self.about = None
        for page in pages:
            if page.section:
                self.sections[page.section] = page
            if page.slug_fr == ABOUT_PAGE_SLUG:
                self.about = page
            if page.parent_id is None:
                (self.menu if page.show_in_menu else self.footer).append(page)
            elif page.show_in_menu and page.parent_id in self.by_pk:
                self.by_pk[page.parent_id].menu_children.append(page)
        # Section pages live in the menu or nowhere: the footer lists the others
        # ("Mentions légales", accessibility statement…).
        self.footer = [page for page in self.footer if not page.section]

    @classmethod
    def for_request(cls, request):
        cached = getattr(request, "_oim_site_pages", None)
        if cached is None:
            pages = Page.objects.published().filter(
                Q(parent__isnull=True) | Q(show_in_menu=True) | Q(section__isnull=False)
            )
            cached = cls(list(pages))
            request._oim_site_pages = cached
        return cached


def fallback_label(obj, field=None):
    """The object's name for a breadcrumb, marked lang="fr" when it is shown untranslated."""
    field = field or obj.slug_source
    label = str(obj)
    if is_fallback(obj, field):
        return format_html('<span lang="{}">{}</span>', settings.MODELTRANSLATION_DEFAULT_LANGUAGE, label)
    return label


def plain(text, words=40):
    """Rich or plain text as a short plain-text description."""
    return Truncator(strip_tags(text or "").replace("\xa0", " ").strip()).words(words, truncate="…")


class SiteMixin:
    """Context every public page gives base.html.

    ``section`` is the URL name of the listing the page belongs to
    ("news:list"…); the Page standing for that section, if any, gives the
    listing its title and introduction and the breadcrumb its label.
    """

    section = None
    #: Label of the section when no Page introduces it.
    section_label = ""

    @cached_property
    def site_pages(self):
        return SitePages.for_request(self.request)

    @cached_property
    def section_page(self):
        return self.site_pages.sections.get(self.section) if self.section else None

    def get_section_title(self):
        return self.section_page.title if self.section_page else self.section_label

    def get_translatable_object(self):
        """The object whose own URL in each language the switcher and hreflang use."""
        return None

    def get_meta_title(self):
        return self.get_section_title()

    def get_meta_description(self):
        if self.section_page and self.section_page.summary:
            return self.section_page.summary
        return _("L’Organisation internationale pour les migrations (OIM) en France : actualités, "
                 "programmes, partenaires et bureaux de l’ONU Migration.")

    def get_meta_image(self):
        return None

    def get_og_type(self):
        return "website"

    def get_breadcrumbs(self):
        """(label, url) pairs after "Accueil"; the last one is the current page."""
        if self.section:
            label = fallback_label(self.section_page) if self.section_page else self.section_label
            return [(label, fixed_url(self.section))]
        return []

    def get_structured_data(self):
        return []

    def get_feeds(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            site_pages=self.site_pages,
            section_page=self.section_page,
            section_title=self.get_section_title(),
            translatable_object=self.get_translatable_object(),
            meta_title=self.get_meta_title(),
            meta_description=plain(self.get_meta_description(), 40),
            meta_image=self.get_meta_image(),
            og_type=self.get_og_type(),
            breadcrumbs=[(_("Accueil"), fixed_url("home")), *self.get_breadcrumbs()],
            structured_data=self.get_structured_data(),
            extra_feeds=self.get_feeds(),
        )
        return context


class PublishedDetailView(SiteMixin, DetailView):
    """Detail of a publishable object by its slug in the current language.

    Drafts, scheduled items and unknown slugs are all a 404.
    """

    def get_queryset(self):
        return super().get_queryset().published()

    def get_translatable_object(self):
        return self.object

    def get_meta_title(self):
        return str(self.object)

    def get_meta_description(self):
        for field in ("summary", "lead", "body", "description"):
            value = getattr(self.object, field, "")
            if value:
                return value
        return super().get_meta_description()

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (fallback_label(self.object), self.object.get_absolute_url())]


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
        return [seo.organization(self.request)]

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


class PageDetailView(PublishedDetailView):
    model = Page

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.section:
            # The page introduces a listing: its address is the listing's.
            return redirect(self.object.get_absolute_url())
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_breadcrumbs(self):
        crumbs = []
        parent = self.object.parent
        if parent and parent.is_published:
            crumbs.append((fallback_label(parent), parent.get_absolute_url()))
        return [*crumbs, (fallback_label(self.object), self.object.get_absolute_url())]

    def get_structured_data(self):
        if self.object.slug_fr == ABOUT_PAGE_SLUG:
            return [seo.organization(self.request)]
        return []


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
