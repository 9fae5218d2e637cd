"""Preview links for reviewers without an account, and redirects of old URLs."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREVIEW_LINK_DAYS = 7


def new_token():
    return secrets.token_urlsafe(32)


def default_expiry():
    return timezone.now() + timedelta(days=PREVIEW_LINK_DAYS)


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=Now())

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class PreviewLink(models.Model):
    """A secret address that shows one unpublished item to someone without an account.

    The token is random (256 bits) and only stored here, so a link cannot be
    forged or altered into another one; it stops working when it expires or
    when an editor revokes it.
    """

    token = models.CharField(_("jeton"), max_length=64, unique=True, default=new_token, editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   related_name="+", verbose_name=_("créé par"))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"), default=default_expiry)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("lien de prévisualisation")
        verbose_name_plural = _("liens de prévisualisation")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.content_type.name} #{self.object_id}"

    def get_absolute_url(self):
        return reverse("editorial:preview_link", kwargs={"token": self.token})

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_active(self):
        return self.revoked_at is None and not self.is_expired

    def revoke(self):
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class Redirect(models.Model):
    """An old address that answers with a permanent redirect to the current one.

    Filled when a published item's slug changes and by ``import_redirects``
    for the old site's paths. Only consulted when nothing else answers (404).
    """

    old_path = models.CharField(_("ancienne adresse"), max_length=500, unique=True,
                                help_text=_("Chemin commençant par « / », p. ex. /fr/actualites/ancien-titre/."))
    new_path = models.CharField(_("nouvelle adresse"), max_length=500,
                                help_text=_("Chemin commençant par « / » ou adresse complète en https://."))
    created = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("redirection")
        verbose_name_plural = _("redirections")
        ordering = ["old_path"]
        permissions = [("publish_redirect", _("Peut rediriger vers un autre site"))]
        constraints = [
            models.CheckConstraint(condition=~models.Q(old_path=models.F("new_path")), name="redirect_not_to_itself"),
        ]

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"


class DraftState(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Soumis pour publication")
    SCHEDULED = "scheduled", _("Programmé")


class DraftQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def due(self):
        """Scheduled drafts whose time has come (editorial.workflow.publish_due_drafts applies them).

        The application's clock, not the database's: the same clock as the page cache's schedule.
        """
        return self.filter(state=DraftState.SCHEDULED, go_live_at__lte=timezone.now())


class Draft(models.Model):
    """The unpublished changes of a published item, and where the item stands in the workflow.

    The live row is what the public sees; ``data`` holds the item as its
    editors last saved it (its fields in both languages, its many-to-many
    links and the children edited with it), serialised by editorial.drafts,
    until someone with the publishing right publishes it. For an item that
    was never published, ``data`` is empty (its row is the draft) and only
    the workflow is kept: submitted, scheduled, sent back with a comment.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(_("modifications"), null=True, blank=True)
    state = models.CharField(_("étape"), max_length=12, choices=DraftState.choices, default=DraftState.DRAFT)
    go_live_at = models.DateTimeField(_("publication programmée le"), null=True, blank=True)
    message = models.TextField(_("message de l’auteur"), blank=True)
    review_comment = models.TextField(_("commentaire de relecture"), blank=True)
    #: Publication typed the publication date of an item never published: publishing keeps it rather than "now".
    publication_date_chosen = models.BooleanField(_("date de publication choisie"), default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("auteur"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("modifié par"))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = DraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("brouillon")
        verbose_name_plural = _("brouillons")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_draft_per_item"),
        ]
        indexes = [models.Index(fields=["state", "go_live_at"])]

    def __str__(self):
        return f"{self.content_type.name} #{self.object_id} ({self.get_state_display()})"

    @property
    def has_changes(self):
        return self.data is not None
