"""The publishing base shared by every public model, and standalone pages."""

import functools

from django.db import models
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from .fields import RichTextField

_SLUG_PLACEHOLDER = "slug-placeholder-0"


@functools.lru_cache(maxsize=256)
def _url_pattern(url_name, language, script_prefix):
    with override(language):
        return reverse(url_name, kwargs={"slug": _SLUG_PLACEHOLDER})


def slug_url(url_name, slug):
    """reverse(url_name, kwargs={"slug": slug}) in the current language, without the resolver's cost.

    A page lists dozens of objects; reversing a translated URL pattern costs
    more than the rest of a card. The pattern is reversed once per URL name,
    language and script prefix (all fixed for a process's URLconf) and the
    slug, a plain [-a-zA-Z0-9_] string, is put in its place.
    """
    return _url_pattern(url_name, get_language(), get_script_prefix()).replace(_SLUG_PLACEHOLDER, slug, 1)


@functools.lru_cache(maxsize=256)
def _fixed_url(url_name, language, script_prefix):
    with override(language):
        return reverse(url_name)


def fixed_url(url_name):
    """reverse(url_name) for a URL without arguments (a listing, the home page), in the current language.

    The header, menu and footer link to the same listings on every page:
    each address is reversed once per language and script prefix, like
    slug_url() does for detail pages.
    """
    return _fixed_url(url_name, get_language(), get_script_prefix())


class Status(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PUBLISHED = "published", _("Publié")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, and not scheduled for later.

        A future publication date is a schedule: the item appears by itself
        when the date passes, without any timer job.
        """
        return self.filter(status=Status.PUBLISHED, publication_date__lte=timezone.now())


class Publishable(models.Model):
    """Status, publication date and timestamps of every public content type."""

    status = models.CharField(_("statut"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    publication_date = models.DateTimeField(
        _("date de publication"),
        default=timezone.now,
        db_index=True,
        help_text=_("Une date future programme la publication : le contenu reste masqué jusque-là."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    # When the texts of each language last changed (slugs excepted): English is
    # "out of date" when French changed after it (see oim_site.editorial).
    fr_updated_at = models.DateTimeField(_("français modifié le"), null=True, blank=True, editable=False)
    en_updated_at = models.DateTimeField(_("anglais modifié le"), null=True, blank=True, editable=False)

    objects = PublishableQuerySet.as_manager()

    #: Name of the field the slugs are made from.
    slug_source = "title"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Every language gets a slug: the French one from the French title,
        # the English one from the English title, or the French slug when
        # there is no English yet (so /en/ URLs always resolve).
        if hasattr(self, "slug_fr"):
            if not self.slug_fr:
                self.slug_fr = slugify(getattr(self, f"{self.slug_source}_fr") or "")[:200]
            if not self.slug_en:
                english = getattr(self, f"{self.slug_source}_en", None)
                self.slug_en = slugify(english)[:200] if english else self.slug_fr
        self._track_translation_changes(kwargs)
        super().save(*args, **kwargs)

    def _translated_text_fields(self):
        try:
            fields = translator.get_options_for_model(type(self)).fields
        except NotRegistered:
            return ()
        return tuple(name for name in fields if name != "slug")

    def _track_translation_changes(self, save_kwargs):
        """Stamp fr_updated_at / en_updated_at for the languages whose text differs from the database."""
        names = self._translated_text_fields()
        update_fields = save_kwargs.get("update_fields")
        if not names or (update_fields is not None
                         and not any(f"{name}_{code}" in update_fields for name in names for code in ("fr", "en"))):
            return
        columns = [f"{name}_{code}" for name in names for code in ("fr", "en")]
        old = None
        if self.pk is not None and not self._state.adding:
            old = type(self)._base_manager.filter(pk=self.pk).values(*columns).first()
        now = timezone.now()
        for code in ("fr", "en"):
            new_values = [str(getattr(self, f"{name}_{code}") or "") for name in names]
            if old is None:
                changed = any(new_values)
            else:
                changed = new_values != [str(old[f"{name}_{code}"] or "") for name in names]
            if changed:
                setattr(self, f"{code}_updated_at", now)
        if update_fields is not None:
            save_kwargs["update_fields"] = {*update_fields, "fr_updated_at", "en_updated_at"}

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED and self.publication_date <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.publication_date > timezone.now()

    def get_absolute_url_in(self, language):
        with override(language):
            return self.get_absolute_url()


class Section(models.TextChoices):
    """The site's listing pages that a menu page can stand for."""

    NEWS = "news:list", _("Actualités")
    PROGRAMMES = "programmes:list", _("Domaines de programme")
    PARTNERS = "partners:list", _("Partenaires")
    OFFICES = "offices:list", _("Bureaux")
    TEAM = "offices:team", _("Équipe")


class Page(Publishable):
    """A standalone page: "À propos", "Mentions légales", accessibility statement.

    Pages with "show in menu" build the site's navigation, children under
    their parent, in their order.
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
        _("rubrique"), max_length=30, choices=Section.choices, blank=True, unique=True, null=True, default=None,
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
        return slug_url("page_detail", self.slug)
