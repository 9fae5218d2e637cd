from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField, URLField
from core.links import slug_url
from core.models import Publishable, PublishableManager
from library.fields import ImageChooserField


class PartnerKind(models.TextChoices):
    INTERGOVERNMENTAL = "intergovernmental", _("Organisation intergouvernementale")
    INTERNATIONAL = "international", _("Organisation internationale")
    FINANCIAL = "financial", _("Institution financière internationale")
    DIPLOMATIC = "diplomatic", _("Mission diplomatique")
    PUBLIC = "public", _("Institution publique française")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Autre")


class Partner(Publishable):
    """An organisation OIM France works with, chiefly those of its liaison mission."""

    slug_source = "name"

    name = models.CharField(_("nom"), max_length=200)
    acronym = models.CharField(_("sigle"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    kind = models.CharField(_("type"), max_length=30, choices=PartnerKind.choices,
                            default=PartnerKind.INTERGOVERNMENTAL)
    headquarters_city = models.CharField(_("ville du siège"), max_length=100, blank=True)
    website = URLField(_("site web"), blank=True)
    logo = ImageChooserField(_("logo"), related_name="partners")
    logo_alt = models.CharField(
        _("texte alternatif du logo pour ce partenaire"), max_length=200, blank=True,
        help_text=_("Laissez vide pour reprendre celui de la médiathèque."),
    )
    summary = models.CharField(_("résumé"), max_length=300, blank=True)
    body = RichTextField(_("coopération avec l’OIM"), blank=True)
    order = models.PositiveIntegerField(_("ordre"), default=0)

    objects = PublishableManager(select_related=("logo",))

    class Meta:
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        ordering = ["order", "name"]
        permissions = [("publish_partner", _("Peut publier et dépublier des partenaires"))]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return slug_url("partners:detail", self.slug)

    @property
    def short_name(self):
        return self.acronym or self.name
