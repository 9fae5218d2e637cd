"""Standalone pages: "À propos", "Mentions légales", the accessibility statement, section introductions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField
from core.links import fixed_url, slug_url
from core.models import Publishable
from core.registry import section_choices


class Page(Publishable):
    """A standalone page.

    Pages with "show in menu" build the site's navigation, children under
    their parent, in their order. A page may stand for a section (a listing
    registered by a content app): its title and text then introduce that
    listing, and the menu leads there.
    """

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True,
                            help_text=_("Partie de l’adresse de la page ; remplie depuis le titre."))
    summary = models.CharField(_("résumé"), max_length=300, blank=True,
                               help_text=_("Une ou deux phrases, reprises par les moteurs de recherche."))
    body = RichTextField(_("contenu"), blank=True)
    parent = models.ForeignKey("self", verbose_name=_("page parente"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    order = models.PositiveIntegerField(_("ordre"), default=0)
    show_in_menu = models.BooleanField(_("dans le menu"), default=False)
    section = models.CharField(
        _("rubrique"), max_length=30, choices=section_choices, blank=True, unique=True, null=True, default=None,
        help_text=_("Si la page représente une rubrique du site (actualités, partenaires…), son titre et son "
                    "texte introduisent cette rubrique et le menu y mène."),
    )

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["order", "title"]
        permissions = [("publish_page", _("Peut publier et dépublier des pages"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.section:
            return fixed_url(self.section)
        return slug_url("pages:detail", self.slug)

    def get_preview_path(self):
        """Where a preview shows this page: its own text, even when it stands for a section."""
        return slug_url("pages:detail", self.slug)
