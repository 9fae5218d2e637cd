"""The standalone pages: their detail view, and the pages the layout needs on every request."""

import uuid

from django.db.models import Q
from django.shortcuts import redirect

from core import seo
from core.cache import by_content_version
from core.views import PublishedDetailView, fallback_label

from .models import Page

#: The French slug of the page whose text introduces the home page and describes the organisation.
ABOUT_PAGE_SLUG = "a-propos"


class SitePages:
    """The standalone pages the layout needs, loaded in one query per content version.

    Top-level pages (menu and footer), menu children and the pages that
    introduce a listing: a handful of rows, so the tree is built in Python
    rather than with one query per menu item.
    """

    def __init__(self, pages, version=""):
        #: Names this set of pages as kept: the layout's memoised menu and footer (site_tags.memo) key on it.
        self.version = version
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

    @staticmethod
    def load():
        pages = list(Page.objects.published().filter(
            Q(parent__isnull=True) | Q(show_in_menu=True) | Q(section__isnull=False)
        ))
        return {"pages": pages, "version": uuid.uuid4().hex}

    @classmethod
    def for_request(cls, request):
        cached = getattr(request, "_site_pages", None)
        if cached is None:
            # Kept by content version: every page's layout reads them, and building the query cost more than
            # reading the kept rows back (about 1 ms for the ten shipped pages).
            kept = by_content_version("layout-pages", cls.load)
            cached = cls(kept["pages"], kept["version"])
            request._site_pages = cached
        return cached


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
