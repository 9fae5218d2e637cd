from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.documents import DocumentLanguage
from core.fields import RichTextField, URLField
from core.links import slug_url
from core.models import ContentQuerySet, Publishable, Timestamped
from library.fields import DocumentChooserField


class ProgrammeArea(Publishable):
    """An area of OIM France's integration work, with its projects and publications."""

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    summary = models.TextField(_("résumé"), blank=True)
    body = RichTextField(_("contenu"), blank=True)
    order = models.PositiveIntegerField(_("ordre"), default=0)
    contacts = models.ManyToManyField("offices.Person", blank=True, related_name="programme_areas",
                                      verbose_name=_("contacts"))

    class Meta:
        verbose_name = _("domaine de programme")
        verbose_name_plural = _("domaines de programme")
        ordering = ["order", "title"]
        permissions = [("publish_programmearea", _("Peut publier et dépublier des domaines de programme"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("programmes:detail", self.slug)


class AreaChildQuerySet(ContentQuerySet):
    def published(self):
        """A project or publication is public when its programme area is."""
        return self.filter(area__in=ProgrammeArea.objects.published())


class Project(Timestamped):
    """An example project or campaign of a programme area (COMMIT, HELIOS…)."""

    area = models.ForeignKey(ProgrammeArea, on_delete=models.CASCADE, related_name="projects",
                             verbose_name=_("domaine"))
    name = models.CharField(_("nom"), max_length=300)
    acronym = models.CharField(_("sigle"), max_length=40, blank=True)
    summary = models.TextField(_("résumé"), blank=True)
    countries = models.CharField(_("pays"), max_length=300, blank=True)
    url = URLField(_("lien externe"), blank=True)
    order = models.PositiveIntegerField(_("ordre"), default=0)

    objects = AreaChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("projet ou campagne")
        verbose_name_plural = _("projets et campagnes")
        ordering = ["order", "name"]

    def __str__(self):
        return f"{self.acronym} – {self.name}" if self.acronym else self.name


class Publication(Timestamped):
    """A key publication of a programme area: a link or an uploaded document."""

    area = models.ForeignKey(ProgrammeArea, on_delete=models.CASCADE, related_name="publications",
                             verbose_name=_("domaine"))
    title = models.CharField(_("titre"), max_length=400)
    year = models.PositiveIntegerField(_("année"), null=True, blank=True,
                                       validators=[MinValueValidator(1951), MaxValueValidator(2100)])
    language = models.CharField(_("langue du document"), max_length=5, choices=DocumentLanguage.choices,
                                default=DocumentLanguage.FR)
    url = URLField(_("lien externe"), blank=True)
    document = DocumentChooserField(_("document"), related_name="publications")
    order = models.PositiveIntegerField(_("ordre"), default=0)

    objects = AreaChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["order", "-year", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.url and not self.document_id:
            raise ValidationError(_("Indiquez un lien externe ou choisissez un document de la médiathèque."))

    @property
    def link(self):
        return self.document.file.url if self.document_id and self.document.file else self.url
