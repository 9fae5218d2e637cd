"""Addresses of listings and detail pages, reversed once per language."""

import functools

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language, override

_SLUG_PLACEHOLDER = "slug-placeholder-0"


@functools.lru_cache(maxsize=256)
def _url_pattern(url_name, language, script_prefix):
    with override(language):
        return reverse(url_name, kwargs={"slug": _SLUG_PLACEHOLDER})


def slug_url(url_name, slug):
    """reverse(url_name, kwargs={"slug": slug}) in the current language, without the resolver's cost.

    A page lists dozens of objects; reversing a translated URL pattern costs
    more than the rest of a card. The pattern is reversed once per URL name,
    language and script prefix (all fixed for a process's URLconf) and the
    slug, a plain [-a-zA-Z0-9_] string, is put in its place.
    """
    return _url_pattern(url_name, get_language(), get_script_prefix()).replace(_SLUG_PLACEHOLDER, slug, 1)


@functools.lru_cache(maxsize=256)
def _fixed_url(url_name, language, script_prefix):
    with override(language):
        return reverse(url_name)


def fixed_url(url_name):
    """reverse(url_name) for a URL without arguments (a listing, the home page), in the current language.

    The header, menu and footer link to the same listings on every page:
    each address is reversed once per language and script prefix, like
    slug_url() does for detail pages.
    """
    return _fixed_url(url_name, get_language(), get_script_prefix())
