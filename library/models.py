"""The media library: images and documents uploaded once and chosen everywhere.

Content refers to a library item with a foreign key (``on_delete=PROTECT``)
or links to its file from rich text; ``library.usage`` finds both, and an
item still in use cannot be deleted. Files are judged by their content and
stored under random names (core.images for images, core.document_files for
documents); the file of an item is never replaced, so a page that shows it
keeps showing what its editors chose (upload a new item instead).

django-filer was the first candidate and was not adopted; README.md
("Media library") says which requirements ruled it out.
"""

import hashlib
import os

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage

from core.document_files import KINDS, clean_document, validate_document
from core.documents import DocumentLanguage
from core.fields import ImageField
from core.models import ContentManager, Timestamped


class Collection(models.Model):
    """A folder of the library ("Bureau de Marseille", "Logos des partenaires")."""

    name = models.CharField(_("nom"), max_length=100, unique=True)

    objects = ContentManager()

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["name"]

    def __str__(self):
        return self.name


def normalise_tags(value):
    """"Marseille, CIFORM ,marseille" -> "marseille, ciform": lower case, no duplicates, in order."""
    seen = []
    for tag in (value or "").split(","):
        tag = " ".join(tag.split()).lower()
        if tag and tag not in seen:
            seen.append(tag)
    return ", ".join(seen)


def title_from_filename(name):
    """"rapport-annuel_2025.pdf" -> "rapport annuel 2025": the title an upload gets when none is typed."""
    stem = os.path.splitext(os.path.basename(name or ""))[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split())[:255] or str(_("Sans titre"))


class LibraryItem(Timestamped):
    """What images and documents share: a title, a collection, keywords, who uploaded the file, a checksum."""

    title = models.CharField(_("titre"), max_length=255)
    collection = models.ForeignKey(Collection, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("collection"))
    tags = models.CharField(_("mots-clés"), max_length=255, blank=True,
                            help_text=_("Séparés par des virgules, p. ex. « Marseille, CIFORM »."))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    editable=False, related_name="+", verbose_name=_("téléversé par"))
    file_size = models.PositiveBigIntegerField(_("taille"), default=0, editable=False)
    checksum = models.CharField(_("empreinte SHA-256"), max_length=64, blank=True, editable=False, db_index=True)

    objects = ContentManager()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.tags = normalise_tags(self.tags)
        super().save(*args, **kwargs)
        if self.file and not self.checksum:
            # After the save: the stored bytes are the cleaned ones, not the upload's.
            described = self.describe_file()
            for name, value in described.items():
                setattr(self, name, value)
            type(self).objects.filter(pk=self.pk).update(**described)

    def describe_file(self):
        """What is stored of the file itself, read once after it is saved."""
        checksum, size = file_checksum(self.file)
        return {"checksum": checksum, "file_size": size}

    @property
    def tag_list(self):
        return [tag for tag in self.tags.split(", ") if tag]


def file_checksum(file):
    digest, size = hashlib.sha256(), 0
    file.open("rb")
    try:
        for chunk in file.chunks():
            digest.update(chunk)
            size += len(chunk)
    finally:
        file.close()
    return digest.hexdigest(), size


class Image(LibraryItem):
    """A picture with its alternative text in both languages, its credit and its focal point."""

    file = ImageField(_("fichier"), upload_to="library/images/%Y/%m/", max_length=200)
    width = models.PositiveIntegerField(_("largeur"), default=0, editable=False)
    height = models.PositiveIntegerField(_("hauteur"), default=0, editable=False)
    alt_text = models.CharField(
        _("texte alternatif"), max_length=300, blank=True,
        help_text=_("Ce que l’image montre, en une phrase, pour qui ne la voit pas. "
                    "Un contenu peut le remplacer pour son propre usage."),
    )
    decorative = models.BooleanField(
        _("image décorative"), default=False,
        help_text=_("Cochez si l’image n’apporte aucune information : les lecteurs d’écran l’ignoreront."),
    )
    credit = models.CharField(_("crédit ou copyright"), max_length=200, blank=True,
                              help_text=_("P. ex. « OIM / Jean Dupont » (le signe © est ajouté sur le site)."))
    focal_x = models.FloatField(_("point d’intérêt (horizontal)"), null=True, blank=True,
                                validators=[MinValueValidator(0), MaxValueValidator(1)])
    focal_y = models.FloatField(_("point d’intérêt (vertical)"), null=True, blank=True,
                                validators=[MinValueValidator(0), MaxValueValidator(1)])

    class Meta(LibraryItem.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("change_live_image", _("Peut modifier une image visible sur le site"))]

    def describe_file(self):
        described = super().describe_file()
        try:
            with self.file.open("rb"), PILImage.open(self.file) as opened:
                described["width"], described["height"] = opened.size
        except (OSError, ValueError):
            pass
        finally:
            self.file.close()
        return described

    @property
    def alt(self):
        """The alternative text in the page's language (French when not translated), "" when decorative."""
        return "" if self.decorative else (self.alt_text or "")

    @property
    def focal_point(self):
        if self.focal_x is None or self.focal_y is None:
            return None
        return (self.focal_x, self.focal_y)


class Document(LibraryItem):
    """A PDF, office or OpenDocument file, checked by its content (core.document_files)."""

    file = models.FileField(_("fichier"), upload_to="library/documents/%Y/%m/", validators=[validate_document],
                            max_length=200)
    language = models.CharField(_("langue du document"), max_length=5, choices=DocumentLanguage.choices,
                                default=DocumentLanguage.FR)
    #: The real format, read from the content (core.document_files.KINDS), not from the name.
    kind = models.CharField(_("format"), max_length=10, blank=True, editable=False)

    class Meta(LibraryItem.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("change_live_document", _("Peut modifier un document visible sur le site"))]

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            # Judged by content, stored under a random name with the extension of its real format.
            cleaned, kind = clean_document(self.file.file if hasattr(self.file, "file") else self.file)
            self.file.save(cleaned.name, cleaned, save=False)
            self.kind = kind.extension
        super().save(*args, **kwargs)

    @property
    def format_label(self):
        kind = KINDS.get(self.kind)
        return kind.label if kind else self.kind.upper()
