from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField, URLField
from core.links import slug_url
from core.models import ContentManager, Publishable, PublishableManager
from library.fields import ImageChooserField


class NewsRelease(Publishable):
    """A press release: dated, with a dateline, a lead and media contacts."""

    title = models.CharField(_("titre"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    dateline = models.CharField(_("lieu"), max_length=100, blank=True,
                                help_text=_("Ville d’où part le communiqué, p. ex. Genève."))
    lead = models.TextField(_("chapeau"), blank=True)
    body = RichTextField(_("contenu"), blank=True)
    image = ImageChooserField(_("image"), related_name="news_releases")
    image_alt = models.CharField(
        _("texte alternatif pour ce communiqué"), max_length=300, blank=True,
        help_text=_("Laissez vide pour reprendre celui de la médiathèque."),
    )
    media_contacts = models.ManyToManyField("offices.Person", blank=True, related_name="news_releases",
                                            verbose_name=_("contacts presse"))
    programme_areas = models.ManyToManyField("programmes.ProgrammeArea", blank=True, related_name="news_releases",
                                             verbose_name=_("domaines de programme"))
    partners = models.ManyToManyField("partners.Partner", blank=True, related_name="news_releases",
                                      verbose_name=_("partenaires"))

    objects = PublishableManager(select_related=("image",))

    class Meta:
        verbose_name = _("communiqué de presse")
        verbose_name_plural = _("communiqués de presse")
        ordering = ["-publication_date", "-pk"]
        get_latest_by = "publication_date"
        permissions = [("publish_newsrelease", _("Peut publier et dépublier des communiqués"))]
        # published() filters on both: the list's count and pages become index-only scans.
        indexes = [models.Index(fields=["status", "publication_date"], name="news_published_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("news:detail", self.slug)


class RelatedLink(models.Model):
    """A link printed under a release ("Pour en savoir plus")."""

    release = models.ForeignKey(NewsRelease, on_delete=models.CASCADE, related_name="links",
                                verbose_name=_("communiqué"))
    label = models.CharField(_("libellé"), max_length=300)
    url = URLField(_("adresse"), max_length=500)
    order = models.PositiveIntegerField(_("ordre"), default=0)

    objects = ContentManager()

    class Meta:
        verbose_name = _("lien associé")
        verbose_name_plural = _("liens associés")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label
