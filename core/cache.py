"""Whole-page cache for anonymous readers that is never wrong.

Cached pages are keyed by a *content version* kept in the shared cache (Redis
with REDIS_URL; otherwise, debug off, the file cache in DJANGO_CACHE_DIR that
every process of the machine reads): any save, delete or relation change of
content bumps it, so the next request renders afresh, in every worker and on
every app instance at once. A cache private to each process would break this;
`check --deploy` warns about one (core/checks.py). The version
also carries the time of the next scheduled publication; once that time has
passed the version is bumped, so a scheduled release appears at its time and
not at the end of a cache timeout. Nothing here is per-process state.

Only anonymous GET/HEAD requests for /fr/ and /en/ pages are cached; a request
with a session cookie (staff), a response that sets a cookie (a form's CSRF
token) or that says private/no-store (previews) is never stored or served.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_response_headers, set_response_etag
from django.utils.http import http_date

from .registry import registry

STATE_KEY = "oim:content-state"


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


def content_state():
    state = cache.get(STATE_KEY)
    if state is None or (state["next"] is not None and time.time() >= state["next"]):
        state = _new_state()
    return state


def by_content_version(name, compute, timeout=None):
    """A value derived from published content, kept until the content changes.

    For aggregates a page needs on every request (the years that have
    releases…): it is as fresh as the page cache, on every instance.
    """
    key = f"oim:derived:{name}:{content_state()['version']}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout or settings.PAGE_CACHE_SECONDS or 300)
    return value


def content_changed(sender=None, **kwargs):
    """Signal receiver: bump the version now and again once the transaction commits.

    The bump after commit is the one that matters for concurrent readers: a
    page rendered from the old data before the commit was stored under the old
    version and is never served again.
    """
    if sender is not None and not registry.is_content(sender):
        return
    cache.delete(STATE_KEY)
    transaction.on_commit(lambda: cache.delete(STATE_KEY))


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"core.cache.{signal}")


def _language_page(path):
    return any(path.startswith(f"/{code}/") for code, _name in settings.LANGUAGES)


class PageCacheMiddleware:
    """Serve and store anonymous pages; see the module docstring for the rules."""

    def __init__(self, get_response):
        self.get_response = get_response

    def _cacheable_request(self, request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and _language_page(request.path)
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
        # One round trip to the shared cache per request: the state and the page together.
        found = cache.get_many([STATE_KEY, key])
        state = found.get(STATE_KEY)
        if state is None or (state["next"] is not None and time.time() >= state["next"]):
            state = _new_state()
        entry = found.get(key)
        if entry is not None and entry[0] == state["version"]:
            _version, status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if self._cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(state["changed"])
            # Browsers and proxies revalidate (ETag / Last-Modified) rather than trust a copy.
            patch_response_headers(response, cache_timeout=0)
            set_response_etag(response)  # computed once, not on every hit
            timeout = settings.PAGE_CACHE_SECONDS
            if state["next"] is not None:
                timeout = max(1, min(timeout, int(state["next"] - time.time())))
            # The entry names the version it was rendered under; a newer version makes it a miss.
            cache.set(key, (state["version"], response.status_code, list(response.items()), response.content), timeout)
            response["X-Cache"] = "MISS"
        return response

