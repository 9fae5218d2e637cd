"""The publishing base shared by every public model."""

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from .cache import lookup_scope, query_scope
from .i18n import translated_fields


class Status(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PUBLISHED = "published", _("Publié")


class ContentQuerySet(models.QuerySet):
    """The queryset of every content type: it tells the page cache how each query is scoped (core.cache).

    ``get()`` reads one object and a related manager's query the objects of
    one parent, so a page that showed them depends on those objects only;
    any other query depends on the whole tables it reads. A content type
    whose manager is built on another queryset fails ``manage.py check``.
    """

    def _fetch_all(self):
        if self._result_cache is None:
            with query_scope(self):
                self._result_cache = list(self._iterable_class(self))
        super()._fetch_all()

    def get(self, *args, **kwargs):
        with lookup_scope(self):
            return super().get(*args, **kwargs)


ContentManager = models.Manager.from_queryset(ContentQuerySet)


class PublishableQuerySet(ContentQuerySet):
    def published(self):
        """What the public may see: published, dated now or earlier, and not expired.

        A future publication date is a schedule: the item appears by itself
        when the date passes; an expiry date takes it offline by itself when
        it passes; no timer job either way.
        """
        now = timezone.now()
        return self.filter(status=Status.PUBLISHED, publication_date__lte=now).filter(
            models.Q(expiry_date__isnull=True) | models.Q(expiry_date__gt=now))

    def upcoming_changes(self):
        """Querysets of the moments, after now, when one of these items appears or disappears by itself."""
        now = timezone.now()
        published = self.filter(status=Status.PUBLISHED).order_by()
        return [
            published.filter(publication_date__gt=now).values_list("publication_date", flat=True),
            published.filter(expiry_date__gt=now).values_list("expiry_date", flat=True),
        ]


class PublishableManager(models.Manager.from_queryset(PublishableQuerySet)):
    """The manager of publishable types; ``select_related`` names the foreign keys every list shows.

    A release's library image is printed on every card: joined here once, it
    is never fetched row by row, whichever list, feed or related manager asks.
    """

    def __init__(self, select_related=()):
        super().__init__()
        self._select_related = tuple(select_related)

    def deconstruct(self):
        name, path, qs_class, args, kwargs = super().deconstruct()
        return name, path, qs_class, args, {**kwargs, "select_related": self._select_related}

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.select_related(*self._select_related) if self._select_related else queryset


class Timestamped(models.Model):
    """When a row was created and last changed."""

    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True


class Publishable(Timestamped):
    """Status, publication date and timestamps of every public content type."""

    status = models.CharField(_("statut"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    publication_date = models.DateTimeField(
        _("date de publication"),
        default=timezone.now,
        db_index=True,
        help_text=_("Une date future programme la publication : le contenu reste masqué jusque-là."),
    )
    expiry_date = models.DateTimeField(
        _("dépublication programmée le"), null=True, blank=True,
        help_text=_("Le contenu quitte le site à cette date, de lui-même. Laissez vide pour le garder en ligne."),
    )
    # When the texts of each language last changed (slugs excepted): English is
    # "out of date" when French changed after it (see editorial).
    fr_updated_at = models.DateTimeField(_("français modifié le"), null=True, blank=True, editable=False)
    en_updated_at = models.DateTimeField(_("anglais modifié le"), null=True, blank=True, editable=False)

    objects = PublishableManager()

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
        return tuple(name for name in translated_fields(type(self)) if name != "slug")

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
    def is_expired(self):
        return self.expiry_date is not None and self.expiry_date <= timezone.now()

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED and self.publication_date <= timezone.now() and not self.is_expired

    @property
    def is_scheduled(self):
        return self.status == Status.PUBLISHED and self.publication_date > timezone.now()

    def get_absolute_url_in(self, language):
        with override(language):
            return self.get_absolute_url()


