"""Whole-page and fragment cache for anonymous readers that is never wrong, and forgets only what changed.

What a render read is what it depends on. While a page (or a fragment kept
with :func:`by_content_version`) is rendered, every SQL query is read for the
content tables it touches and every content object built from a row is noted,
as *tags*:

- ``t:<table>``: the query could change with any row of the table (a list, a
  count, a search, a join or a filter over it);
- ``i:<table>:<pk>``: this object was shown (a detail page's own object, a
  card, a partner named on a release);
- ``r:<table>:<pk>:<table>``: the objects of one table related to this one
  were shown (a release's partners, an area's releases): a query through a
  related manager, which Django marks with the parent instance.

A change to content (save, delete, relation change) gives each tag it can
affect a new *stamp* in the shared cache: the object's ``i:`` tag, its
table's ``t:`` tag, and the ``r:`` tags of every object it is related to.
A stored page keeps the stamps of its tags as they were; it is served only
while they are all unchanged, so an edit reaches exactly the pages that read
what it changed: publishing one release renews the lists, feeds, home page and
searches (they read the releases' table), its own page and the pages of the
areas and partners it is related to, and leaves the other releases' pages
alone. The queries the content types' querysets make (core.models
ContentQuerySet) say how they are scoped: ``get()`` reads one object, a related
manager the objects of one parent; any other query depends on whole tables.

Over all of that sits one *epoch* (the content state): a change nobody can
attribute (``content_changed()`` without a sender, such as the site's
identity) renews it and with it every page. It also carries the time of the
next scheduled publication; once that time has passed the epoch is renewed,
so a scheduled release appears at its time and not at the end of a timeout.

Everything lives in the shared cache (Redis with REDIS_URL; otherwise, debug
off, the file cache in DJANGO_CACHE_DIR that every process of the machine
reads), so every worker and every app instance sees a change at once. A cache
private to each process would break this; `check --deploy` warns about one
(core/checks.py). A stamp renewed after a render began (stamps carry a change
counter, and a render notes the counter when it begins) means the render may
have read the rows from before the change committed: such a page is served
but not stored.

Only anonymous GET/HEAD requests for /fr/ and /en/ pages (and the sitemap) are cached; a request
with a session cookie (staff), a response that sets a cookie (a form's CSRF
token) or that says private/no-store (previews) is never stored or served.
"""

import contextlib
import contextvars
import hashlib
import re
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_delete
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_response_headers, set_response_etag
from django.utils.http import http_date

from .registry import registry

STATE_KEY = "oim:content-state"
TAG_KEY = "oim:tag:"
#: A counter renewed by every change: stamps carry it, and a render notes it when it begins.
SEQUENCE_KEY = "oim:change-sequence"


# --- The epoch ---------------------------------------------------------------------------------


def next_scheduled_publication():
    """The next moment when content appears or expires by itself, or a registered schedule comes due (one query).

    A registered schedule's moment may already have passed (a scheduled
    draft nobody has applied yet): the caller applies it then.
    """
    branches = [branch for model in registry.publishable_models() for branch in model.objects.upcoming_changes()]
    branches += [moments() for moments, _apply in registry.schedules()]
    if not branches:
        return None
    first = branches[0].union(*branches[1:], all=True).order_by(branches[0].query.values_select[0])[:1]
    return next(iter(first), None)


def _new_state():
    upcoming = next_scheduled_publication()
    if upcoming is not None and upcoming <= timezone.now() and registry.schedules():
        for _moments, apply_due in registry.schedules():
            apply_due()  # what came due goes live before anything is read under the new state
        upcoming = next_scheduled_publication()
    state = {"version": uuid.uuid4().hex, "changed": time.time(), "next": upcoming.timestamp() if upcoming else None}
    cache.set(STATE_KEY, state, None)
    return state


def _current_state(state):
    if state is None or (state["next"] is not None and time.time() >= state["next"]):
        return _new_state()
    return state


def content_state():
    return _current_state(cache.get(STATE_KEY))


def _refresh_next():
    state = cache.get(STATE_KEY)
    if state is not None:
        upcoming = next_scheduled_publication()
        cache.set(STATE_KEY, {**state, "next": upcoming.timestamp() if upcoming else None}, None)


def schedule_changed(sender=None, **kwargs):
    """Something was scheduled: the epoch learns the next moment, now and after commit, and no page is renewed.

    For a publication date or expiry in the future (called on such saves),
    and for the registered schedules (editorial connects its drafts).
    """
    _refresh_next()
    transaction.on_commit(_refresh_next)


def _scheduled(instance):
    """True when ``instance`` appears or leaves by itself later (a publishable type's dates)."""
    now = timezone.now()
    published = getattr(instance, "status", None) == "published"
    return published and any(moment is not None and moment > now for moment in
                             (getattr(instance, "publication_date", None), getattr(instance, "expiry_date", None)))


# --- What a render reads -----------------------------------------------------------------------


class Reads:
    """The tags of what one render (a page or a fragment) read, and the change counter when it began."""

    __slots__ = ("tags", "sequence")

    def __init__(self, sequence):
        self.tags = set()
        self.sequence = sequence or 0

    def loaded(self, table):
        """The primary keys (as text) of the objects of ``table`` this render built."""
        prefix = f"i:{table}:"
        return [tag[len(prefix):] for tag in self.tags if tag.startswith(prefix)]


_reads = contextvars.ContextVar("oim_cache_reads", default=None)
#: How the query being run is scoped: None (whole tables) or {table: times} its objects' own tags stand for.
_scope = contextvars.ContextVar("oim_cache_scope", default=None)

_TABLE = re.compile(r'(?:FROM|JOIN)\s+"([^"]+)"', re.IGNORECASE)
_tables = {"generation": None, "content": frozenset()}


def content_tables():
    """The tables of the registered content types and of their many-to-many relations."""
    from django.apps import apps

    generation = registry.generation
    if _tables["generation"] != generation:
        tables = set()
        for model in apps.get_models(include_auto_created=True):
            if registry.is_content(model):
                tables.add(model._meta.db_table)
        _tables.update(generation=generation, content=frozenset(tables))
    return _tables["content"]


def _record_sql(execute, sql, params, many, context):
    reads = _reads.get()
    if reads is not None:
        covered = _scope.get() or {}
        content = content_tables()
        found = _TABLE.findall(sql)
        for table in set(found):
            # A table the scope stands for is covered as many times as the scope expects it: once more
            # (a subquery, a filter's join) and the query depends on the whole table again.
            if table in content and found.count(table) > covered.get(table, 0):
                reads.tags.add(f"t:{table}")
    return execute(sql, params, many, context)


@contextlib.contextmanager
def recording(reads):
    """Note what the code in the block reads into ``reads`` (nested: the outer render gets it too)."""
    outer = _reads.get()
    token = _reads.set(reads)
    installed = _record_sql in connection.execute_wrappers
    try:
        if installed:
            yield reads
        else:
            with connection.execute_wrapper(_record_sql):
                yield reads
    finally:
        _reads.reset(token)
        if outer is not None:
            outer.tags |= reads.tags


def _record_instance(sender, instance, **kwargs):
    reads = _reads.get()
    if reads is not None and instance.pk is not None:
        table = sender._meta.db_table
        if table in content_tables():
            reads.tags.add(f"i:{table}:{instance.pk}")


def _through_tables(model, other):
    return [field.remote_field.through._meta.db_table
            for field in [*model._meta.many_to_many, *other._meta.many_to_many]
            if field.related_model in (model, other)]


def _joined_objects(query):
    """The tables select_related() joins to build objects (not to filter): their rows come back as objects."""
    from django.db.models.expressions import Col

    filtered = set()
    for leaf in query.where.leaves():
        for node in leaf.flatten() if hasattr(leaf, "flatten") else ():
            if isinstance(node, Col) and node.alias in query.alias_map:
                filtered.add(query.alias_map[node.alias].table_name)
    tables = []

    def walk(model, names):
        for field in model._meta.concrete_fields:
            if not field.is_relation or field.related_model is None:
                continue
            if names is True:
                if field.null:
                    continue  # select_related() alone follows the non-null foreign keys only
                below = True
            elif field.name in names:
                below = names[field.name]
            else:
                continue
            tables.append(field.related_model._meta.db_table)
            if below:
                walk(field.related_model, below)

    if query.select_related:
        walk(query.model, query.select_related)
    return [table for table in tables if table not in filtered]


def _covering(queryset, *extra):
    """How many times each table stands for the objects the query builds (see _record_sql)."""
    covering = {}
    for table in [queryset.model._meta.db_table, *_joined_objects(queryset.query), *extra]:
        covering[table] = covering.get(table, 0) + 1
    return covering


@contextlib.contextmanager
def query_scope(queryset):
    """Scope of a content queryset's own query (core.models.ContentQuerySet)."""
    from django.db.models.query import ModelIterable

    reads = _reads.get()
    if reads is None:
        yield
        return
    parent = queryset._hints.get("instance")
    if queryset._iterable_class is not ModelIterable:
        token = _scope.set(None)  # values, not objects: they depend on the whole table
    elif parent is None and _scope.get() is not None:
        token = None  # inside get(): get()'s scope holds
    elif parent is None:
        # A list depends on its whole table; the objects select_related() joins to its rows stand for theirs.
        covering = _covering(queryset)
        covering[queryset.model._meta.db_table] -= 1
        token = _scope.set(covering)
    elif f"i:{parent._meta.db_table}:{parent.pk}" not in reads.tags:
        # A parent this render did not build (kept in a fragment): the other parents of a prefetch are not
        # known either, so the whole table it is.
        token = _scope.set(None)
    else:
        # A related manager: the parent's objects of this table. A prefetch names only the first parent: the
        # tag is taken for every object of the parent's table this render built.
        own, parent_table = queryset.model._meta.db_table, parent._meta.db_table
        for pk in reads.loaded(parent_table):
            reads.tags.add(f"r:{parent_table}:{pk}:{own}")
        token = _scope.set(_covering(queryset, *_through_tables(queryset.model, type(parent))))
    try:
        yield
    finally:
        if token is not None:
            _scope.reset(token)


@contextlib.contextmanager
def lookup_scope(queryset):
    """Scope of ``get()`` (or of a query known to read one row): the object found stands for its row.

    None found, or too many, depends on the table. The objects select_related()
    joins to it stand for their rows too.
    """
    reads = _reads.get()
    if reads is None:
        yield
        return
    table = queryset.model._meta.db_table
    token = _scope.set(_covering(queryset))
    try:
        yield
    except (queryset.model.DoesNotExist, queryset.model.MultipleObjectsReturned):
        reads.tags.add(f"t:{table}")
        raise
    finally:
        _scope.reset(token)


# --- Stamps ---------------------------------------------------------------------------------------


def _stamp(sequence, moment):
    """A tag's stamp: the change counter, the time of the change, and what makes it unique."""
    return f"{sequence}:{moment:.3f}:{uuid.uuid4().hex[:8]}"


def _stamp_sequence(stamp):
    return int(stamp.split(":", 1)[0])


def _stamp_time(stamp):
    return float(stamp.split(":", 2)[1])


def stamps_of(tags):
    """The current stamps of ``tags``; a tag never changed gets one of counter 0 (it predates any render)."""
    keys = {TAG_KEY + tag: tag for tag in tags}
    found = cache.get_many(list(keys))
    missing = {key: _stamp(0, 0) for key in keys if key not in found}
    if missing:
        add_many = getattr(cache, "add_many", None)
        if add_many is not None:
            add_many(missing, None)
        else:
            for key, stamp in missing.items():
                cache.add(key, stamp, None)
        found.update(cache.get_many(list(missing)))
    return {keys[key]: stamp for key, stamp in found.items()}


def _kept(tags):
    """The tags worth keeping: an object's own tag adds nothing to its whole table's."""
    tables = {tag[2:] for tag in tags if tag.startswith("t:")}
    return {tag for tag in tags if not (tag.startswith("i:") and tag[2:].rsplit(":", 1)[0] in tables)}


def _storable(stamps, reads):
    """False when a change came after the render began: it may have read the rows from before the commit."""
    return all(_stamp_sequence(stamp) <= reads.sequence for stamp in stamps.values())


#: For each entry (page or fragment) this process has read or stored, the keys of its stamps: asked for
#: with the entry itself, they make a hit one round trip. Only names: the stamps are always Redis's.
_stamp_keys_of = {}
STAMP_KEYS_KEPT = 20_000


def _read_entry(key, *extra):
    """The shared cache's values of ``extra`` keys, of ``key`` and of the stamps it last had, in one round trip.

    Returns them and the stamp keys asked for.
    """
    asked = _stamp_keys_of.get(key, ())
    return cache.get_many([*extra, key, *asked]), asked


def _still_valid(key, stamps, found, asked):
    """True while every stamp of the entry is the one it was stored with (read with it when it could be)."""
    if not stamps:
        return True
    keys = _remember_stamp_keys(key, stamps)
    if keys != asked:
        found = cache.get_many(keys)
    return all(found.get(name) == stamp for name, stamp in zip(keys, stamps.values(), strict=True))


def _remember_stamp_keys(key, stamps):
    keys = tuple(TAG_KEY + tag for tag in stamps)
    if _stamp_keys_of.get(key) != keys:
        if len(_stamp_keys_of) >= STAMP_KEYS_KEPT:
            _stamp_keys_of.clear()  # a crude bound: forgetting costs a round trip, never a wrong page
        _stamp_keys_of[key] = keys
    return keys


def _next_sequence():
    try:
        return cache.incr(SEQUENCE_KEY)
    except ValueError:  # not there yet (or evicted): any value does, stamps are unique by themselves
        cache.add(SEQUENCE_KEY, 0, None)
        return cache.incr(SEQUENCE_KEY)


def _renew(tags):
    if tags:
        sequence, moment = _next_sequence(), time.time()
        cache.set_many({TAG_KEY + tag: _stamp(sequence, moment) for tag in tags}, None)


def renew_tags(tags):
    """New stamps for ``tags``, now and once the transaction commits.

    The renewal after commit is the one that matters for concurrent readers:
    a page rendered from the old data before the commit keeps the old stamps
    and is never served again.
    """
    tags = set(tags)
    _renew(tags)
    transaction.on_commit(lambda: _renew(tags))


# --- Fragments ------------------------------------------------------------------------------------


def by_content_version(name, compute, timeout=None):
    """A value derived from published content, kept until what ``compute()`` read changes.

    For aggregates a page needs on every request (the years that have
    releases, the home page's lists, the site's identity): what compute()
    read is recorded like a page's, kept with the value, and given to the page
    that uses the value, so that the page depends on it too.
    """
    key = f"oim:derived:{name}"
    found, asked = _read_entry(key, STATE_KEY, SEQUENCE_KEY)
    state = _current_state(found.get(STATE_KEY))
    entry = found.get(key)
    if entry is not None and entry[0] == state["version"] and _still_valid(key, entry[1], found, asked):
        outer = _reads.get()
        if outer is not None:
            outer.tags.update(entry[1])
        return entry[2]
    with recording(Reads(found.get(SEQUENCE_KEY))) as reads:
        value = compute()
    stamps = stamps_of(_kept(reads.tags))
    if _storable(stamps, reads):
        cache.set(key, (state["version"], stamps, value), timeout or settings.PAGE_CACHE_SECONDS or 300)
        _remember_stamp_keys(key, stamps)
    return value


# --- Changes ----------------------------------------------------------------------------------------


def _m2m_links(opts):
    """(through model, field to this model, field to the other, other model) of each content relation."""
    links = []
    for field in opts.many_to_many:
        links.append((field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name(),
                      field.related_model))
    for relation in opts.related_objects:
        if relation.many_to_many:
            field = relation.field
            links.append((field.remote_field.through, field.m2m_reverse_field_name(), field.m2m_field_name(),
                          relation.related_model))
    return [link for link in links if registry.is_content(link[3])]


def change_tags(instance, *, relations=True):
    """The tags a change to ``instance`` renews: its own, its table's, and the relations it is part of."""
    opts = instance._meta.concrete_model._meta
    table = opts.db_table
    tags = {f"t:{table}", f"i:{table}:{instance.pk}"}
    for field in opts.concrete_fields:
        if field.is_relation and field.related_model is not None and registry.is_content(field.related_model):
            value = getattr(instance, field.attname)
            if value is not None:
                tags.add(f"r:{field.related_model._meta.db_table}:{value}:{table}")
    if relations and instance.pk is not None:
        for through, own, other, other_model in _m2m_links(opts):
            other_table = other_model._meta.db_table
            for pk in through._base_manager.filter(**{own: instance.pk}).values_list(other, flat=True):
                tags.add(f"r:{other_table}:{pk}:{table}")
    return tags


def _saved(sender, instance, created=False, raw=False, **kwargs):
    if registry.is_content(sender):
        # A new row is in no relation yet; the admin sets them afterwards (m2m_changed).
        renew_tags(change_tags(instance, relations=not created and not raw))
        if _scheduled(instance):
            schedule_changed()


def _deleting(sender, instance, **kwargs):
    if registry.is_content(sender):
        # Before the cascade takes the relation rows away.
        instance._oim_cache_tags = change_tags(instance)


def _deleted(sender, instance, **kwargs):
    if registry.is_content(sender):
        renew_tags(getattr(instance, "_oim_cache_tags", None) or change_tags(instance, relations=False))


def _relation_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear") or not registry.is_content(sender):
        return
    own, other = instance._meta.db_table, model._meta.db_table
    if action == "pre_clear":
        to_instance = next(f for f in sender._meta.fields if f.related_model is type(instance))
        to_model = next(f for f in sender._meta.fields if f.related_model is model and f is not to_instance)
        pk_set = set(sender._base_manager.filter(**{to_instance.name: instance.pk})
                     .values_list(to_model.attname, flat=True))
    tags = {f"t:{sender._meta.db_table}", f"r:{own}:{instance.pk}:{other}"}
    tags.update(f"r:{other}:{pk}:{own}" for pk in pk_set or ())
    renew_tags(tags)


def content_changed(sender=None, **kwargs):
    """Everything may have changed: a new epoch, now and again once the transaction commits.

    For changes the tags cannot name, such as the site's identity, which is on every page.
    """
    cache.delete(STATE_KEY)
    transaction.on_commit(lambda: cache.delete(STATE_KEY))


def connect_signals():
    post_init.connect(_record_instance, dispatch_uid="core.cache.record_instance")
    post_save.connect(_saved, dispatch_uid="core.cache.saved")
    pre_delete.connect(_deleting, dispatch_uid="core.cache.deleting")
    post_delete.connect(_deleted, dispatch_uid="core.cache.deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="core.cache.relation_changed")


# --- The page cache ---------------------------------------------------------------------------------


#: Public answers outside /fr/ and /en/ that are the same for every visitor (the root's redirect is not).
CACHED_OUTSIDE_LANGUAGES = ("/sitemap.xml",)


def _public_page(path):
    return path in CACHED_OUTSIDE_LANGUAGES or any(path.startswith(f"/{code}/") for code, _name in settings.LANGUAGES)


class PageCacheMiddleware:
    """Serve and store anonymous pages; see the module docstring for the rules."""

    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and _public_page(request.path)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(settings.PAGE_CACHE_EXCLUDE)
        )

    @staticmethod
    def _cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    def __call__(self, request):
        if not self._cacheable_request(request):
            if settings.PAGE_CACHE_SECONDS > 0 and request.method in ("GET", "HEAD"):
                # Scheduled changes come due on every page, the admin's included (one cache read). With
                # the page cache off, the pages that read the content state and `publish_scheduled` do it.
                content_state()
            return self.get_response(request)
        key = "oim:page:" + hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
        # The epoch, the change counter, the page and its stamps in one round trip (a second one for the
        # stamps the first time this process sees the page).
        found, asked = _read_entry(key, STATE_KEY, SEQUENCE_KEY)
        state = _current_state(found.get(STATE_KEY))
        entry = found.get(key)
        if entry is not None and entry[0] == state["version"] and _still_valid(key, entry[1], found, asked):
            _version, _stamps, status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "HIT"
            return response
        with recording(Reads(found.get(SEQUENCE_KEY))) as reads:
            response = self.get_response(request)
            if self._cacheable_response(response) and hasattr(response, "render") and callable(response.render):
                response = response.render()
        if self._cacheable_response(response):
            stamps = stamps_of(_kept(reads.tags))
            if not response.has_header("Last-Modified"):
                # The latest change to anything the page read.
                changed = max([state["changed"], *(_stamp_time(stamp) for stamp in stamps.values())])
                response["Last-Modified"] = http_date(changed)
            # Browsers and proxies revalidate (ETag / Last-Modified) rather than trust a copy.
            patch_response_headers(response, cache_timeout=0)
            set_response_etag(response)  # computed once, not on every hit
            if _storable(stamps, reads):
                timeout = settings.PAGE_CACHE_SECONDS
                if state["next"] is not None:
                    timeout = max(1, min(timeout, int(state["next"] - time.time())))
                # The entry names the epoch and the stamps it was rendered under; any newer one makes it a miss.
                cache.set(key, (state["version"], stamps, response.status_code, list(response.items()),
                                response.content), timeout)
                _remember_stamp_keys(key, stamps)
            response["X-Cache"] = "MISS"
        return response
