"""System checks for what the settings cannot refuse on their own.

`manage.py check --deploy` (and CI's `--fail-level WARNING`) reports:

- a cache private to each process in production: the content version of the
  page cache (core/cache.py) must be seen by every process, or one keeps
  serving a release another has just unpublished;
- a file cache directory the site cannot write to;
- a content type whose queryset does not tell the page cache how its queries
  are scoped (core.models.ContentQuerySet);
- a login throttle that reads the address of the proxy instead of the
  visitor's (DJANGO_TRUSTED_PROXY_COUNT).

An invalid DJANGO_TRUSTED_PROXY_COUNT is an error on every `check` (and so
before `migrate` or `runserver`), deploy or not.
"""

import os
import tempfile

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

#: Backends whose entries live in one process only.
PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
FILE_CACHE = "django.core.cache.backends.filebased.FileBasedCache"


@register(Tags.caches, deploy=True)
def cache_shared_across_processes(app_configs=None, **kwargs):
    cache = settings.CACHES.get("default", {})
    backend = cache.get("BACKEND", "")
    if backend in PROCESS_LOCAL_CACHES:
        return [Warning(
            f"The default cache ({backend.rsplit('.', 1)[-1]}) is private to each process: with several "
            "gunicorn workers or instances, a release unpublished through one is still served from the "
            "page cache by the others.",
            hint="Set REDIS_URL, or leave DJANGO_DEBUG off so that the cache is the shared directory "
                 "DJANGO_CACHE_DIR (README.md, Configuration).",
            id="core.W001",
        )]
    if backend == FILE_CACHE:
        directory = cache.get("LOCATION", "")
        try:
            os.makedirs(directory, 0o700, exist_ok=True)
            with tempfile.TemporaryFile(dir=directory):
                pass
        except OSError as error:
            return [Warning(
                f"The cache directory {directory} cannot be written to ({error.strerror}): every page "
                "would be rendered afresh and the content version could not be shared.",
                hint="Set DJANGO_CACHE_DIR to a directory owned by the site's user.",
                id="core.W002",
            )]
    return []


@register(Tags.security)
def trusted_proxy_count_is_valid(app_configs=None, **kwargs):
    count = getattr(settings, "TRUSTED_PROXY_COUNT", None)
    if count is None or (isinstance(count, int) and not isinstance(count, bool) and count >= 0):
        return []
    return [Error(
        f"DJANGO_TRUSTED_PROXY_COUNT must be a whole number (0 or more), not {count!r}.",
        hint="0: no proxy, the throttle reads REMOTE_ADDR; N: the number of proxies in front of the "
             "site that each append the address they saw to X-Forwarded-For.",
        id="core.E001",
    )]


@register(Tags.security, deploy=True)
def login_throttle_sees_the_visitor(app_configs=None, **kwargs):
    from .security import trusted_proxy_count

    count = getattr(settings, "TRUSTED_PROXY_COUNT", None)
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        return []  # unset: derived from the proxy switch; invalid: core.E001
    if settings.SECURE_PROXY_SSL_HEADER and trusted_proxy_count() == 0:
        return [Warning(
            "The site trusts the proxy's X-Forwarded-Proto (DJANGO_BEHIND_PROXY or DJANGO_HTTPS) but "
            "DJANGO_TRUSTED_PROXY_COUNT is 0: the login throttle sees the proxy's address for every "
            "visitor, so five failures from one attacker lock an editor out for everyone.",
            hint="Set DJANGO_TRUSTED_PROXY_COUNT to the number of proxies that append the client's "
                 "address to X-Forwarded-For (1 for one nginx with proxy_add_x_forwarded_for).",
            id="core.W003",
        )]
    if not settings.SECURE_PROXY_SSL_HEADER and trusted_proxy_count() > 0:
        return [Warning(
            f"DJANGO_TRUSTED_PROXY_COUNT is {count} but DJANGO_BEHIND_PROXY is off: if the site is "
            "reached without a proxy, a client chooses its own address for the login throttle by "
            "sending X-Forwarded-For.",
            hint="Turn DJANGO_BEHIND_PROXY on if a proxy is really in front, or set the count to 0.",
            id="core.W004",
        )]
    return []


@register(Tags.models)
def content_querysets_tell_their_scope(app_configs=None, **kwargs):
    """A content type's queries must say how they are scoped, or the page cache would keep a page too long."""
    from .models import ContentQuerySet
    from .registry import registry

    return [
        Error(
            f"{model._meta.label}'s default manager is built on {manager._queryset_class.__name__}, not on "
            "core.models.ContentQuerySet: the page cache could not tell which pages show its objects.",
            hint="Use core.models.ContentManager (or PublishableManager), or base its QuerySet on ContentQuerySet.",
            obj=model,
            id="core.E002",
        )
        for model in registry.models()
        if not issubclass((manager := model._default_manager)._queryset_class, ContentQuerySet)
    ]
