"""The mixins every public page is built on.

A public view says what the layout needs (title, description, breadcrumbs,
structured data, feeds, the object the language switcher follows) by
overriding small ``get_*`` methods of :class:`SiteMixin`; base.html and the
partials in templates/includes/ render them. The menu, footer and section
introductions come from the standalone pages, through the registry.
"""

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from .i18n import is_fallback
from .links import fixed_url
from .registry import registry
from .renditions import get_renditions


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


def int_or_none(value):
    """A filter value from the query string; anything that is not a number is None."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class SiteMixin:
    """Context every public page gives base.html.

    ``section`` is the URL name of the listing the page belongs to
    ("news:list"…), as registered by its app; the Page standing for that
    section, if any, gives the listing its title and introduction and the
    breadcrumb its label.
    """

    section = None

    @cached_property
    def site_pages(self):
        return registry.site_pages(self.request)

    @cached_property
    def section_page(self):
        return self.site_pages.sections.get(self.section) if self.section else None

    @property
    def section_label(self):
        """The section's registered label, for when no Page introduces it."""
        section = registry.section(self.section) if self.section else None
        return section.label if section else ""

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

    Drafts, scheduled items and unknown slugs are all a 404. What the page
    may show is :meth:`visible_queryset`; subclasses add their
    ``select_related`` / ``prefetch_related`` in ``get_queryset()`` on top of
    it, and a preview (editorial.preview) swaps only the visibility.
    """

    #: The image field shared as og:image and in the structured data, and its width.
    meta_image_field = None
    meta_image_width = 1200

    def visible_queryset(self):
        """The objects the public may see (a preview widens this, and only this)."""
        return self.model._default_manager.published()

    def get_queryset(self):
        return self.visible_queryset()

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

    @cached_property
    def _meta_image(self):
        # Asked for by the page head and by the structured data: looked up once.
        if not self.meta_image_field:
            return None
        renditions = get_renditions(getattr(self.object, self.meta_image_field), [self.meta_image_width])
        return renditions[0] if renditions else None

    def get_meta_image(self):
        return self._meta_image

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (fallback_label(self.object), self.object.get_absolute_url())]
