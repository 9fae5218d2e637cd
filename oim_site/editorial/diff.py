"""Field-by-field differences between two stored versions of an object."""

import difflib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

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


def version_diff(model, older, newer):
    """Rows (label, old, new, inline diff) for each field that differs, in model order.

    Translated fields come as their ``_fr`` and ``_en`` columns, so a change
    in either language shows on its own row.
    """
    old_data, new_data = older.field_dict, newer.field_dict
    rows = []
    for name in versioned_fields(model):
        if name in BOOKKEEPING_FIELDS:
            continue
        field = model._meta.get_field(name)
        old, new = _display(old_data.get(field.attname)), _display(new_data.get(field.attname))
        if old == new:
            continue
        rows.append({
            "name": name,
            "label": str(field.verbose_name),
            "old": old,
            "new": new,
            "diff": inline_diff(old, new),
        })
    return rows
