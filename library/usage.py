"""Where a library item is used: the content that chose it, the rich text that links to it, the drafts.

Found from the models themselves, so a new content type's image or document
field is found without being named here: every foreign key to the item's
model, every rich-text field of a registered type (core.registry) holding the
file's path, and what the registered reference finders add (editorial: the
unpublished drafts). An item with a use cannot be deleted, and one used by
content the public sees may be changed only by those allowed to change the
site (``change_live_image`` / ``change_live_document``).
"""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from core.fields import RichTextField
from core.models import Publishable
from core.registry import registry


@dataclass(frozen=True)
class Usage:
    obj: object
    where: str
    #: Through a foreign key (the database itself refuses the deletion), rather than a link in a text or a draft.
    by_key: bool = False

    @property
    def label(self):
        return f"{self.obj._meta.verbose_name} « {self.obj} » ({self.where})"

    @property
    def admin_url(self):
        opts = self.obj._meta
        try:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.obj.pk])
        except NoReverseMatch:
            return ""

    @property
    def is_live(self):
        """True when the public may see this use (or when it cannot be told: a child of some parent)."""
        if self.where == DRAFT:
            return False
        obj = self.obj
        return obj.is_published if isinstance(obj, Publishable) else True


DRAFT = "brouillon"


def rich_text_columns(model):
    """The columns holding rich text: body_fr and body_en for a translated body (not body itself)."""
    fields = [field for field in model._meta.concrete_fields if isinstance(field, RichTextField)]
    translations = [field for field in fields if getattr(field, "translated_field", None) is not None]
    originals = {field.translated_field.name for field in translations}
    return [field.name for field in translations] + [field.name for field in fields
                                                     if field not in translations and field.name not in originals]


def usages(item):
    """Every use of ``item``, live ones first."""
    found = []
    for relation in type(item)._meta.related_objects:
        if not (relation.one_to_many or relation.one_to_one):  # reverse side of a foreign key
            continue
        for obj in relation.related_model._default_manager.filter(**{relation.field.name: item}):
            found.append(Usage(obj, str(relation.field.verbose_name), by_key=True))
    if item.file:
        name = item.file.name
        for model in registry.models():
            fields = rich_text_columns(model)
            if not fields:
                continue
            query = Q()
            for field in fields:
                query |= Q(**{f"{field}__contains": name})
            for obj in model._default_manager.filter(query):
                found.append(Usage(obj, _("dans le texte")))
        for finder in registry.reference_finders():
            found.extend(Usage(obj, DRAFT if where == "draft" else where) for obj, where in finder(item, name))
    return sorted(found, key=lambda usage: not usage.is_live)


def is_live(item):
    return any(usage.is_live for usage in usages(item))
