"""What changed between two states of an item: two stored versions, or the live row and its draft.

Both kinds of state become a :class:`Snapshot` (the item's versioned
columns, and its followed children: a release's links, an area's projects
and publications, an office's activity domains), so that the history's
"what changed" column, the comparison of two versions and the comparison of
the live version with the draft follow one set of rules: bookkeeping dates
are ignored, each language is its own field, children count.

Rich text is compared as the visible text a reader sees (tags stripped,
whitespace normalised); the HTML stays available for whoever wants it.
"""

import datetime
import difflib
import html
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.fields import RichTextField
from core.registry import registry

from .versioning import versioned_fields

#: Changed by every save: showing them would only hide the real differences.
BOOKKEEPING_FIELDS = {"created_at", "updated_at", "fr_updated_at", "en_updated_at"}

#: Tags after which a reader sees a new line.
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(p|div|br|li|ul|ol|h[1-6]|blockquote|tr|td|th|table|figure|figcaption|pre|hr)\b[^>]*>", re.IGNORECASE)


def language_name(code):
    names = {"fr": _("français"), "en": _("anglais")}
    return names.get(code, code)


def field_label(model_field, *, capital=True):
    """"Titre (anglais)": a translated column by the field's name and its language; others by their own name."""
    original = getattr(model_field, "translated_field", None)
    if original is not None and getattr(model_field, "language", None):
        label = f"{original.verbose_name} ({language_name(model_field.language)})"
    else:
        label = str(model_field.verbose_name)
    return capfirst(label) if capital else label


def visible_text(value):
    """What a reader sees of rich text: no tags, entities decoded, one space between words, one line per block."""
    if not value:
        return ""
    text = html.unescape(strip_tags(_BLOCK_TAG.sub("\n", str(value))))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def inline_diff(old, new):
    """``new`` against ``old``, word by word: removed words in <del>, added words in <ins>, everything escaped."""
    old_words = re.findall(r"\S+|\s+", old)
    new_words = re.findall(r"\S+|\s+", new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(old_words[a1:a2])))
            continue
        if op in {"delete", "replace"}:
            parts.append(f"<del>{escape(''.join(old_words[a1:a2]))}</del>")
        if op in {"insert", "replace"}:
            parts.append(f"<ins>{escape(''.join(new_words[b1:b2]))}</ins>")
    return mark_safe("".join(parts))  # every piece escaped above


# -- snapshots --------------------------------------------------------------


@dataclass
class Child:
    model: type
    label: str
    fields: dict
    parent_link: str = ""  # attname of the child's link to the item: it never changes, never shown


@dataclass
class Snapshot:
    """One state of an item: ``fields`` by attname (many-to-many as lists of keys), ``children`` by (model, key)."""

    model: type
    fields: dict
    children: dict = field(default_factory=dict)


def _followed(model):
    """(child model, attname of its link to the parent) for each child the registry follows."""
    entry = registry.get(model)
    result = []
    for accessor in (entry.follow if entry else ()):
        rel = getattr(model, accessor).rel
        result.append((rel.related_model, rel.field.attname))
    return result


def _fields_of(model, obj, m2m_data):
    fields = {}
    for name in versioned_fields(model):
        model_field = model._meta.get_field(name)
        if model_field.many_to_many:
            fields[model_field.attname] = list((m2m_data or {}).get(model_field.attname, []))
        else:
            fields[model_field.attname] = getattr(obj, model_field.attname)
    return fields


def _child_key(model, pk):
    return (model._meta.label_lower, str(pk))


def snapshot_of_version(version):
    """The item as ``version`` stored it, with the children saved in the same revision."""
    model = version._model
    snapshot = Snapshot(model, dict(version.field_dict))
    followed = dict(_followed(model))
    for other in version.revision.version_set.all():
        child_model = ContentType.objects.get_for_id(other.content_type_id).model_class()
        if child_model not in followed:
            continue
        fields = dict(other.field_dict)
        if str(fields.get(followed[child_model])) != str(version.object_id):
            continue  # another item's child, saved in the same revision
        snapshot.children[_child_key(child_model, other.object_id)] = Child(
            child_model, other.object_repr, fields, followed[child_model])
    return snapshot


def _deserialize(record):
    return next(serializers.deserialize("python", [record], ignorenonexistent=True))


def snapshot_of_graph(model, graph):
    """The item as an editorial.drafts graph holds it (the live row's, or a draft's ``data``)."""
    loaded = _deserialize(graph["object"])
    snapshot = Snapshot(model, _fields_of(model, loaded.object, loaded.m2m_data))
    followed = dict(_followed(model))
    for records in (graph.get("children") or {}).values():
        for record in records:
            child_model = apps.get_model(record["model"])
            child = _deserialize(record)
            snapshot.children[_child_key(child_model, record.get("pk"))] = Child(
                child_model, str(child.object), _fields_of(child_model, child.object, child.m2m_data),
                followed.get(child_model, ""))
    return snapshot


# -- comparing --------------------------------------------------------------


def _comparable(value):
    if value is None or value == "":
        return ""
    if isinstance(value, list | tuple):
        return sorted(str(v) for v in value)
    if isinstance(value, datetime.datetime | datetime.date | bool | int):
        return value
    return str(value)


def _changed_fields(model, old, new, *, skip=()):
    """The model fields whose value differs between the dicts ``old`` and ``new``, in model order."""
    for name in versioned_fields(model):
        if name in BOOKKEEPING_FIELDS:
            continue
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if model_field.attname in skip:
            continue
        if _comparable(old.get(model_field.attname)) != _comparable(new.get(model_field.attname)):
            yield model_field


def _sorted_keys(keys):
    return sorted(keys, key=lambda key: (key[0], int(key[1]) if key[1].isdigit() else 0, key[1]))


def changed_labels(old, new):
    """The names of what changed from snapshot ``old`` to ``new``, the way an editor reads them.

    "Titre (anglais)", "Chapeau (français)", "Lien associé : libellé (anglais)",
    "Lien associé : ajout".
    """
    labels = [field_label(f) for f in _changed_fields(new.model, old.fields, new.fields)]
    for key in _sorted_keys(old.children.keys() | new.children.keys()):
        before, after = old.children.get(key), new.children.get(key)
        child = after or before
        kind = capfirst(child.model._meta.verbose_name)
        if before is None or after is None:
            labels.append(f"{kind} : {_('ajout') if before is None else _('suppression')}")
            continue
        labels.extend(f"{kind} : {field_label(f, capital=False)}"
                      for f in _changed_fields(child.model, before.fields, after.fields, skip={after.parent_link}))
    return list(dict.fromkeys(labels))


def _related_names(model_field, value):
    keys = value if isinstance(value, list | tuple) else [value]
    keys = [k for k in keys if k not in (None, "")]
    if not keys:
        return ""
    found = {str(o.pk): str(o) for o in model_field.related_model._default_manager.filter(pk__in=keys)}
    return ", ".join(sorted(found.get(str(k), f"#{k}") for k in keys))


def display_value(model_field, value):
    """A stored value as the admin would show it: labels of choices, names of linked items, dates in words."""
    if value is None or value == "" or value == []:
        return ""
    if model_field.is_relation:
        return _related_names(model_field, value)
    if model_field.flatchoices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("oui") if value else _("non")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, _("j F Y à H:i:s"))
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(model_field, RichTextField):
        return visible_text(value)
    return str(value)


def _row(name, label, model_field, old, new):
    old_text, new_text = display_value(model_field, old), display_value(model_field, new)
    rich = isinstance(model_field, RichTextField)
    return {
        "name": name,
        "label": label,
        "old": old_text,
        "new": new_text,
        "diff": inline_diff(old_text, new_text),
        "html": rich,
        "old_html": str(old or "") if rich else "",
        "new_html": str(new or "") if rich else "",
    }


def snapshot_diff(old, new):
    """Rows (name, label, old and new visible text, word diff, HTML source) for each field that differs.

    Translated fields come as their ``_fr`` and ``_en`` columns, so a change
    in either language shows on its own row; children follow the item's own fields.
    """
    rows = [_row(f.name, field_label(f), f, old.fields.get(f.attname), new.fields.get(f.attname))
            for f in _changed_fields(new.model, old.fields, new.fields)]
    for key in _sorted_keys(old.children.keys() | new.children.keys()):
        before, after = old.children.get(key), new.children.get(key)
        child = after or before
        name = f"{capfirst(child.model._meta.verbose_name)} « {child.label} »"
        if before is None or after is None:
            rows.append({"name": f"child-{key[0]}-{key[1]}", "label": name,
                         "old": "" if before is None else str(_("présent")),
                         "new": "" if after is None else str(_("ajouté")),
                         "diff": str(_("ajouté")) if before is None else str(_("supprimé")),
                         "html": False, "old_html": "", "new_html": ""})
            continue
        rows.extend(_row(f"child-{key[0]}-{key[1]}-{f.name}", f"{name} : {field_label(f, capital=False)}", f,
                         before.fields.get(f.attname), after.fields.get(f.attname))
                    for f in _changed_fields(child.model, before.fields, after.fields, skip={after.parent_link}))
    return rows


def version_diff(model, older, newer):
    """Rows for what differs between two stored versions of an item of ``model``."""
    return snapshot_diff(snapshot_of_version(older), snapshot_of_version(newer))
