"""How content points at the library: a foreign key shown as a chooser.

``ImageChooserField`` and ``DocumentChooserField`` are foreign keys
(``on_delete=PROTECT``: an item in use is never deleted under a page) whose
form widget is the chooser of library.widgets. They deconstruct as plain
foreign keys, so migrations do not depend on this module.
"""

from django.db import models

from .widgets import ChooserWidget


class ChooserField(models.ForeignKey):
    target = ""

    def __init__(self, verbose_name=None, **kwargs):
        kwargs.setdefault("to", self.target)
        kwargs.setdefault("on_delete", models.PROTECT)
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        super().__init__(verbose_name=verbose_name, **kwargs)

    def formfield(self, **kwargs):
        kwargs.setdefault("widget", ChooserWidget(self.remote_field.model))
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs


class ImageChooserField(ChooserField):
    target = "library.Image"


class DocumentChooserField(ChooserField):
    target = "library.Document"
