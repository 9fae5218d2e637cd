"""Field-by-field differences between two stored versions of an object."""

import difflib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .versioning import versioned_fields

#: Changed by every save: showing them would only hide the real differences.
BOOKKEEPING_FIELDS = {"created_at", "updated_at", "fr_updated_at", "en_updated_at"}


def _display(value):
    if value is None or value == "":
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def inline_diff(old, new):
    """Words removed in <del>, words added in <ins> (tags stripped from rich text)."""
    old_words = re.findall(r"\S+|\s+", strip_tags(old))
    new_words = re.findall(r"\S+|\s+", strip_tags(new))
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


def _field_rows(model, old_data, new_data, prefix=""):
    rows = []
    for name in versioned_fields(model):
        if name in BOOKKEEPING_FIELDS:
            continue
        field = model._meta.get_field(name)
        if field.is_relation and field.many_to_one and prefix:
            continue  # a child's link to its parent never changes
        old, new = _display(old_data.get(field.attname)), _display(new_data.get(field.attname))
        if old == new:
            continue
        rows.append({
            "name": f"{prefix}{name}",
            "label": f"{prefix and prefix + ' – '}{field.verbose_name}" if prefix else str(field.verbose_name),
            "old": old,
            "new": new,
            "diff": inline_diff(old, new),
        })
    return rows


def _children(version):
    """Versions of the followed children (links, projects…) saved in the same revision."""
    return {
        (v.content_type_id, v.object_id): v
        for v in version.revision.version_set.select_related("content_type")
        if (v.content_type_id, v.object_id) != (version.content_type_id, version.object_id)
    }


def children_diff(older, newer):
    """Rows for the children added, removed or changed between two revisions."""
    before, after = _children(older), _children(newer)
    rows = []
    for key in sorted(before.keys() | after.keys(), key=lambda k: (k[0], str(k[1]))):
        old, new = before.get(key), after.get(key)
        model = (old or new).content_type.model_class()
        name = f"{capfirst(model._meta.verbose_name)} « {(new or old).object_repr} »"
        if old is None or new is None:
            rows.append({"name": f"child-{key[0]}-{key[1]}", "label": name,
                         "old": "" if old is None else str(_("présent")),
                         "new": "" if new is None else str(_("ajouté")),
                         "diff": str(_("ajouté")) if old is None else str(_("supprimé"))})
            continue
        rows.extend(_field_rows(model, old.field_dict, new.field_dict, prefix=name))
    return rows


def version_diff(model, older, newer):
    """Rows (label, old, new, inline diff) for each field that differs, in model order.

    Translated fields come as their ``_fr`` and ``_en`` columns, so a change
    in either language shows on its own row.
    """
    return _field_rows(model, older.field_dict, newer.field_dict) + children_diff(older, newer)
