"""Live and draft: the public sees the live rows; editors work on a draft beside them.

Saving a published item never writes its row. The admin's own save runs
inside a savepoint — the item, its many-to-many links and the children
edited with it (the registry's ``follow``) are written as usual — then the
result is read back as a *graph* (serialised with Django's serialisers, both
languages, children with their primary keys), the savepoint is rolled back
and the graph is kept in :class:`editorial.models.Draft`. Publishing applies
the graph to the live rows for real. django-reversion's own revision view
works the same way (revert inside a transaction, render, roll back).

:func:`materialized` shows the draft wherever the admin or a preview needs it:
it applies the draft inside a savepoint, lets the caller render, and rolls
back, so the change form, its inlines and the public template all see the
draft and the public never does.
"""

import json
from contextlib import contextmanager

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from core.registry import registry

from .models import Draft
from .versioning import versioned_fields


def children_of(obj):
    """(accessor, related manager) of the children edited with ``obj`` (the registry's ``follow``)."""
    entry = registry.get(type(obj))
    return [(accessor, getattr(obj, accessor)) for accessor in (entry.follow if entry else ())]


def _records(objects):
    objects = list(objects)
    if not objects:
        return []
    text = serializers.serialize("json", objects, fields=versioned_fields(type(objects[0])), cls=DjangoJSONEncoder)
    return json.loads(text)


def record_of(obj):
    """The row of ``obj`` as a draft stores it."""
    return _records([obj])[0]


def serialize_graph(obj):
    """The item as the public would see it once published: its record and its children's records."""
    return {
        "object": _records([obj])[0],
        "children": {accessor: _records(manager.all()) for accessor, manager in children_of(obj)},
    }


def _deserialize(record):
    return next(serializers.deserialize("python", [record], ignorenonexistent=True))


def apply_graph(obj, graph, *, keep=()):
    """Write ``graph`` onto the live rows of ``obj``: fields, many-to-many links, children.

    A normal save (not a raw one), so that sanitising, translation dates,
    slug redirects and cache invalidation happen as for any edit. ``keep``
    names fields whose live value stays (the status, when only applying for
    display). Children the graph no longer has are deleted.
    """
    loaded = _deserialize(graph["object"])
    for field in obj._meta.concrete_fields:
        if field.name in versioned_fields(type(obj)) and not field.primary_key and field.name not in keep:
            setattr(obj, field.attname, getattr(loaded.object, field.attname))
    obj.save()
    for name, pks in (loaded.m2m_data or {}).items():
        getattr(obj, name).set(pks)
    for accessor, manager in children_of(obj):
        records = graph["children"].get(accessor, [])
        wanted = set()
        for record in records:
            child = _deserialize(record).object
            setattr(child, manager.field.attname, obj.pk)
            child.save()
            wanted.add(child.pk)
        manager.exclude(pk__in=wanted).delete()
    return obj


def draft_for(obj):
    if obj is None or obj.pk is None:
        return None
    return Draft.objects.for_object(obj).select_related("author", "updated_by").first()


@contextmanager
def materialized(obj, *, draft=None, apply=True):
    """Inside: the database holds ``obj``'s draft (when it has one). Outside: nothing happened.

    Whatever the block renders or computes sees the draft; everything it
    wrote is rolled back when it ends, including what the block itself
    saved. Render responses inside the block.
    """
    draft = draft if draft is not None else (draft_for(obj) if apply else None)
    with transaction.atomic():
        savepoint = transaction.savepoint()
        try:
            if draft is not None and draft.has_changes and apply:
                apply_graph(obj, draft.data, keep=("status",))
            yield draft
        finally:
            transaction.savepoint_rollback(savepoint)
            # The item in memory holds the draft's values: reload the live ones (unless it was new).
            if obj.pk is not None and type(obj)._default_manager.filter(pk=obj.pk).exists():
                obj.refresh_from_db()


def draft_references(item, file_name):
    """(item, "draft") for each draft whose unpublished data chooses ``item`` or links to its file.

    Registered with core.registry as a reference finder: the media library
    refuses to delete an image that a draft waiting for publication uses.
    """
    from django.apps import apps

    found = []
    for draft in Draft.objects.exclude(data=None).select_related("content_type"):
        data = draft.data or {}
        records = [data.get("object") or {}, *(record for records in (data.get("children") or {}).values()
                                               for record in records)]
        if any(_record_refers(apps, record, item, file_name) for record in records):
            found.append((draft.content_object, "draft"))
    return [(obj, where) for obj, where in found if obj is not None]


def _record_refers(apps, record, item, file_name):
    try:
        model = apps.get_model(record["model"])
    except (KeyError, LookupError, ValueError):
        return False
    fields = record.get("fields") or {}
    for field in model._meta.concrete_fields:
        value = fields.get(field.name)
        if field.is_relation and field.related_model is type(item) and value == item.pk:
            return True
        if isinstance(value, str) and file_name in value:
            return True
    return False
