"""Who the site says it is: its name and tagline in each language, its parent organisation, its images.

One row, edited by Publication (``identity.change_siteidentity``) and read
by every page, feed, contact card and structured-data block through
``core.registry.identity()`` (identity.services caches it). The offices'
addresses, phones and e-mails stay on offices.Office.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import URLField
from library.fields import ImageChooserField

#: (field, the network's name as the site shows it), in the order the links are shown.
SOCIAL_NETWORKS = (
    ("x_url", "X"),
    ("linkedin_url", "LinkedIn"),
    ("facebook_url", "Facebook"),
    ("instagram_url", "Instagram"),
    ("youtube_url", "YouTube"),
)


def _social(name):
    return URLField(name, max_length=300, blank=True,
                    help_text=_("L’adresse complète du compte (https://…) ; laissez vide s’il n’y en a pas."))


class SiteIdentity(models.Model):
    """The site's identity: a single row (its key is always 1, which the database enforces)."""

    SINGLE_PK = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLE_PK, editable=False)
    name = models.CharField(
        _("nom du site"), max_length=100,
        help_text=_("Dans le titre de chaque page, l’en-tête, les flux, les cartes de contact et les partages, "
                    "p. ex. « OIM France » (« IOM France » en anglais)."),
    )
    tagline = models.CharField(
        _("signature"), max_length=200, blank=True,
        help_text=_("Une ligne sous le nom, qui dit ce qu’est le bureau."),
    )
    parent_name = models.CharField(
        _("organisation mère"), max_length=200,
        help_text=_("Son nom complet, que reprennent les données lues par les moteurs de recherche."),
    )
    emblem = ImageChooserField(
        _("emblème"), related_name="site_identity_emblems",
        help_text=_("PNG, carré de préférence, au moins 112 pixels de côté ; sans emblème, le site montre "
                    "l’emblème provisoire livré avec lui."),
    )
    share_image = ImageChooserField(
        _("image de partage par défaut"), related_name="site_identity_share_images",
        help_text=_("Montrée par les réseaux sociaux pour une page sans image à elle ; au moins 1 200 × 630 pixels, "
                    "recadrée autour de son point d’intérêt."),
    )
    x_url = _social("X (Twitter)")
    linkedin_url = _social("LinkedIn")
    facebook_url = _social("Facebook")
    instagram_url = _social("Instagram")
    youtube_url = _social("YouTube")
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("identité du site")
        verbose_name_plural = _("identité du site")
        # One right, given to Publication alone (editorial.roles): there is nothing to add, delete or only view.
        default_permissions = ("change",)
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="identity_siteidentity_single_row"),
        ]

    def __str__(self):
        return str(_("Identité du site"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLE_PK
        super().save(*args, **kwargs)

    @property
    def social_links(self):
        """(network, address) of the accounts filled in, in the order of SOCIAL_NETWORKS."""
        return [(network, getattr(self, name)) for name, network in SOCIAL_NETWORKS if getattr(self, name)]
