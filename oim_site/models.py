"""The publishing base shared by every public model, and standalone pages."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from .fields import RichTextField


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
        super().save(*args, **kwargs)

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED and self.publication_date <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.publication_date > timezone.now()

    def has_english(self):
        """True when the English title (or name) has been written."""
        return bool(getattr(self, f"{self.slug_source}_en", None))

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
            return reverse(self.section)
        return reverse("page_detail", kwargs={"slug": self.slug})
