"""Bad input never breaks a page: hypothesis throws malformed values at every public URL.

Every URL pattern outside the back office is found by walking the resolver
in both languages; its path converters (slug, int, str…) are filled with
random and hostile values, and random query strings (page, q, year, area,
language, slug and unknown keys) are added. The answer must never be a 500,
and a marker made of the characters that break HTML (<x"'>) must never come
back unescaped.

Examples run are counted in EXAMPLES and printed at the end (pytest -s).
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models import Status
from tests import factories

MARKER = "<x\"'>"
BACK_OFFICE = ("admin", "ckeditor", "admin-tools", "media")
EXAMPLES = {"count": 0}
FUZZ = settings(max_examples=8, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def public_patterns():
    """(language, route template) of every public URL, e.g. ("en", "en/news/<slug:slug>/")."""
    found = []

    def walk(patterns, prefix, language):
        for pattern in patterns:
            if isinstance(pattern.pattern, LocalePrefixPattern):
                part = f"{language}/"
            else:
                part = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + part, language)
            elif not (prefix + part).startswith(BACK_OFFICE):
                found.append((language, prefix + part))

    for language in ("fr", "en"):
        with translation.override(language):
            walk(get_resolver().url_patterns, "", language)
    return sorted(set(found))


PATTERNS = public_patterns()
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")

# Text that breaks things: markup, quotes, NUL and other control characters, right-to-left marks,
# SQL and template syntax, percent signs, very long strings, non-ASCII.
nasty_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "0", "-1", "99999999999999999999", "1e9", "NaN", "None", "../../etc/passwd",
                     "' OR 1=1 --", "{{ 7*7 }}", "{% debug %}", "%00", "%", "\x00", "\u202e", "é" * 300,
                     "<script>alert(1)</script>", "javascript:alert(1)", "a" * 5000]),
    st.builds(lambda a, b: f"{a}{MARKER}{b}", st.text(max_size=10), st.text(max_size=10)),
)
slug_like = st.one_of(st.from_regex(r"\A[-a-zA-Z0-9_]{1,60}\Z"), nasty_text.filter(bool))
numbers = st.one_of(st.integers(min_value=-(10**20), max_value=10**20).map(str), nasty_text)
query = st.dictionaries(
    st.one_of(st.sampled_from(["page", "q", "year", "area", "language", "slug", "lang", "format"]),
              st.text(min_size=1, max_size=8)),
    st.one_of(numbers, nasty_text, slug_like),
    max_size=4,
)


def fill(route, values):
    def replace(match):
        converter, name = match.group(1) or "str", match.group(2)
        return quote(values[name], safe="") if converter != "int" else values[name]
    return CONVERTER.sub(replace, route)


def check(response, sent):
    EXAMPLES["count"] += 1
    assert response.status_code < 500, (response.status_code, sent)
    if response.streaming or not response.get("Content-Type", "").startswith(("text/", "application/")):
        return
    body = response.content.decode("utf-8", "replace")
    assert MARKER not in body, f"reflected unescaped: {sent}"
    assert "<x\"" not in body and "<x'" not in body, f"reflected unescaped: {sent}"


@pytest.fixture
def site(db):
    """A little published content, so that real slugs and filters meet real rows too."""
    area = factories.ProgrammeAreaFactory(slug_fr="integration", slug_en="integration")
    factories.PublicationFactory(area=area)
    factories.NewsReleaseFactory.create_batch(3, programme_areas=[area])
    factories.NewsReleaseFactory(status=Status.DRAFT, slug_fr="brouillon", slug_en="draft")
    factories.PartnerFactory()
    factories.PersonFactory()
    factories.PageFactory()
    return area


@pytest.mark.parametrize(("language", "route"), PATTERNS, ids=[r for _, r in PATTERNS])
def test_every_public_pattern_survives_random_path_values_and_queries(client, site, language, route):
    names = CONVERTER.findall(route)

    @FUZZ
    @given(values=st.fixed_dictionaries({name: (numbers if conv == "int" else slug_like) for conv, name in names}),
           params=query, accept_language=st.sampled_from(["", "fr", "en", "de", "*", "en-GB,en;q=0.9", "x" * 300]))
    def run(values, params, accept_language):
        path = "/" + fill(route, values)
        url = f"{path}?{urlencode(params)}" if params else path
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=accept_language)
        check(response, url)

    before = EXAMPLES["count"]
    run()
    assert EXAMPLES["count"] - before >= 6  # hypothesis really ran (8 examples asked)


@pytest.mark.parametrize("name", ["news:list", "programmes:list", "search", "partners:list", "offices:team"])
def test_list_and_search_parameters(client, site, name):
    from django.urls import reverse

    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(params=query, language=st.sampled_from(["fr", "en"]))
    def run(params, language):
        with translation.override(language):
            path = reverse(name)
        response = client.get(path, params)
        check(response, (path, params))

    before = EXAMPLES["count"]
    run()
    assert EXAMPLES["count"] - before >= 15


def test_the_marker_check_can_fail(client, db):
    # Control: a response that echoes the marker raw is caught.
    from django.http import HttpResponse

    with pytest.raises(AssertionError, match="reflected unescaped"):
        check(HttpResponse(f"<p>{MARKER}</p>", content_type="text/html"), "control")
    EXAMPLES["count"] -= 1


@pytest.fixture(scope="module", autouse=True)
def report_examples():
    yield
    print(f"\nfuzz: {EXAMPLES['count']} requests over {len(PATTERNS)} public URL patterns (fr+en)")


@pytest.mark.parametrize("url", ["/fr/actualites/a%00b/", "/en/news/%00/", "/fr/%00", "/ancienne-page%00.html"])
def test_nul_characters_in_a_path_are_a_bad_request_not_a_server_error(client, db, url):
    # Found by the fuzz on PostgreSQL, which refuses NUL in any string it compares (old-address lookup).
    response = client.get(url)
    assert response.status_code == 400
    assert "script-src 'self';" in response["Content-Security-Policy"] + ";"


@pytest.mark.parametrize(("url", "expected"), [("/fr/recherche/?q=a%00b", "Mots recherchés"),
                                               ("/fr/actualites/?area=%00", "Actualités"),
                                               ("/fr/programmes/?a%00=1", "Domaines de programme")])
def test_nul_characters_in_the_query_string_are_dropped(client, db, url, expected):
    # The reader gets the page (an absurd search gets the helpful search page), never an error.
    response = client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()
