"""Field types shared by every app.

RichTextField is the only rich-text field of the project: swapping the editor
(django-ckeditor is deprecated upstream) means changing this module and the
migrations' field path, nothing else.
"""

import re

import phonenumbers
from ckeditor_uploader.fields import RichTextUploadingField, RichTextUploadingFormField
from ckeditor_uploader.widgets import CKEditorUploadingWidget
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .images import clean_image, validate_image
from .sanitize import URL_SCHEMES, sanitize_html


class EditorWidget(CKEditorUploadingWidget):
    """CKEditor, with core/static/core/editor.js: the CSRF header on its uploads (dialog, drag and drop, paste)."""

    @property
    def media(self):
        return super().media + forms.Media(js=["core/editor.js"])


class EditorFormField(RichTextUploadingFormField):
    widget = EditorWidget


class RichTextField(RichTextUploadingField):
    """HTML edited with CKEditor and sanitised with nh3 on every way in."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": EditorFormField, **kwargs})

    def to_python(self, value):
        # Form and full_clean() path: the editor sees what will be stored.
        return sanitize_html(super().to_python(value))

    def pre_save(self, model_instance, add):
        # ORM path (save(), bulk_create(), loaders): the instance is updated too.
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        # QuerySet.update() and anything else that skips pre_save().
        return sanitize_html(super().get_prep_value(value))


class PhoneNumberField(models.CharField):
    """A phone number, stored in international E.164 form (+33140440640).

    French numbers may be typed the French way (01 40 44 06 40); the country
    code is added.
    """

    default_region = "FR"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", _("Format international de préférence, p. ex. +33 1 40 44 06 40."))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        try:
            number = phonenumbers.parse(value, self.default_region)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValidationError(
                _("« %(value)s » n’est pas un numéro de téléphone valide."),
                code="invalid_phone",
                params={"value": value[:40]},
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class ImageFormField(forms.ImageField):
    """Django's image form field, with our checks first so the editor reads why a file is refused
    (too many pixels, hidden markup, wrong format) instead of a generic "not an image"."""

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "read"):
            validate_image(data)
        return super().to_python(data)


class ImageField(models.ImageField):
    """An image checked by content and re-encoded before it is stored."""

    default_validators = [validate_image]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            cleaned = clean_image(file.file if hasattr(file, "file") else file)
            file.save(cleaned.name, cleaned, save=False)
        return super().pre_save(model_instance, add)


# Browsers ignore ASCII whitespace and control characters inside a scheme
# ("java\tscript:"), so they are dropped before reading it.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def check_link_scheme(value):
    if not value:
        return
    match = _SCHEME.match(_IGNORED_IN_SCHEME.sub("", str(value)))
    if match and match.group(1).lower() not in URL_SCHEMES:
        raise ValidationError(
            _("Adresse refusée : seuls les liens %(schemes)s sont acceptés."),
            code="unsafe_url",
            params={"schemes": ", ".join(f"{scheme}:" for scheme in URL_SCHEMES)},
        )


class URLField(models.URLField):
    """A URL whose scheme is checked on every way into the database.

    The form validator of Django's URLField only runs in forms and
    full_clean(); loaders, imports, bulk_create() and QuerySet.update() skip
    it, and templates print links in href attributes. get_db_prep_save()
    runs on all those writing paths, and only on them: a lookup such as
    ``filter(url=…)`` goes through get_prep_value(), which never raises.
    It deconstructs as Django's URLField: the column is the same.
    """

    default_validators = [*models.URLField.default_validators, check_link_scheme]

    def get_db_prep_save(self, value, connection):
        check_link_scheme(value)
        return super().get_db_prep_save(value, connection)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.URLField", args, kwargs

