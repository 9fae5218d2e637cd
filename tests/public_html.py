"""Reading what a visitor's browser and a search engine get from a public page."""

import json
import re
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def json_ld(content):
    """Every schema.org block of the page, parsed (json.loads fails on a broken one)."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return [json.loads(block) for block in blocks]


def hreflangs(content):
    return {code: unescape(href)
            for code, href in re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', content)}


def canonical(content):
    return unescape(re.search(r'<link rel="canonical" href="([^"]+)">', content).group(1))


def html_lang(content):
    return re.search(r'<html lang="([\w-]+)">', content).group(1)


def meta(content, name):
    found = re.search(rf'<meta (?:name|property)="{re.escape(name)}" content="([^"]*)">', content)
    return found.group(1) if found else None


def switcher_links(content):
    """The language switcher's links: {language code: href}."""
    nav = re.search(r'<nav class="languages".*?</nav>', content, re.S).group(0)
    return dict((code, href) for href, code in re.findall(r'<a href="([^"]+)"[^>]*? lang="(\w+)"', nav))


def count_queries(client, url):
    """Queries of a reader's request once the site is warm.

    The first request after a content change also reads what is kept by
    content version (core.cache: the next scheduled publication, the years
    that have releases); every later one does not.
    """
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)
