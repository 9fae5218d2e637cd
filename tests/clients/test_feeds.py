"""The feeds as a feed reader reads them: feedparser, with its own sanitiser off.

A reader renders an item's summary as HTML; feedparser's sanitiser would
hide a summary that runs script, so it is turned off and the summary is
parsed as a browser would (html5lib) to look for what could run.
"""

import feedparser
import html5lib
import pytest
from django.urls import reverse
from django.utils.translation import override

from core.i18n import is_translated
from tests import factories
from tests.public_html import count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

PAYLOAD = "xssmark92 <img src=x onerror=alert(1092)>"
FEEDS = ["news:feed_rss", "news:feed_atom", "news:area_feed_rss", "news:area_feed_atom"]
LANGUAGES = ["fr", "en"]


@pytest.fixture
def area(db):
    return factories.ProgrammeAreaFactory(slug_fr="integration", slug_en="integration")


@pytest.fixture
def releases(area):
    """Releases of one area: translated, French only, half translated, without a lead."""
    return {
        "translated": factories.NewsReleaseFactory(
            title_fr="Communiqué traduit", title_en="Translated release",
            lead_fr=f"Chapeau {PAYLOAD} & fin", lead_en=f"Lead {PAYLOAD} & end", programme_areas=[area]),
        "french_only": factories.NewsReleaseFactory(
            title_fr="Seulement en français", title_en="", lead_en="", body_en="", programme_areas=[area]),
        "half_translated": factories.NewsReleaseFactory(
            title_fr="Titre traduit, chapeau non", title_en="Title translated, lead not", lead_en="",
            programme_areas=[area]),
        "no_lead": factories.NewsReleaseFactory(
            title_fr="Sans chapeau", title_en="Without a lead", lead_fr="", lead_en="",
            body_fr='<p>Texte <strong>riche</strong><img src="x" onerror="alert(1)"><script>alert(2)</script></p>',
            body_en='<p>Rich <strong>text</strong><img src="x" onerror="alert(1)"><script>alert(2)</script></p>',
            programme_areas=[area]),
    }


def feed_url(name, language, area):
    kwargs = {"area": area.slug_en if language == "en" else area.slug_fr} if "area" in name else {}
    with override(language):
        return reverse(name, kwargs=kwargs)


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content, sanitize_html=False)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


def dangerous_elements(html):
    """Elements of an HTML fragment that could run script: <script>, or any on* event handler."""
    fragment = html5lib.parseFragment(html, namespaceHTMLElements=False)
    found = []
    for element in fragment.iter():
        if element.tag in {"script", "iframe", "object", "embed"}:
            found.append(element.tag)
        found += [f"{element.tag}[{name}]" for name in element.attrib if name.lower().startswith("on")]
    return found


def text_of(html):
    return "".join(html5lib.parseFragment(html, namespaceHTMLElements=False).itertext())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", FEEDS)
def test_summaries_read_as_html_run_nothing_and_show_the_lead_as_written(client, releases, area, name, language):
    feed = read_feed(client, feed_url(name, language, area))
    assert feed.version == ("atom10" if "atom" in name else "rss20")
    summaries = {entry.title: entry.summary for entry in feed.entries}
    assert summaries
    for title, summary in summaries.items():
        assert dangerous_elements(summary) == [], (title, summary)
    translated = releases["translated"]
    with override(language):
        title, lead = translated.title, translated.lead
    # The reader sees the lead as the editor typed it, markup-like text included.
    assert text_of(summaries[title]) == lead
    with override(language):
        rich = summaries[releases["no_lead"].title]
    assert "<strong>" in rich and "alert(2)" not in rich


@pytest.mark.parametrize("name", FEEDS)
def test_english_feeds_leave_out_releases_not_translated_yet(client, releases, area, name):
    feed = read_feed(client, feed_url(name, "en", area))
    assert feed.feed.language == "en"
    titles = {entry.title for entry in feed.entries}
    with override("en"):
        expected = {release.title for release in releases.values() if is_translated(release, "en")}
    assert titles == expected == {"Translated release", "Without a lead"}


@pytest.mark.parametrize("name", FEEDS)
def test_french_feeds_list_every_release(client, releases, area, name):
    feed = read_feed(client, feed_url(name, "fr", area))
    assert feed.feed.language == "fr"
    assert {entry.title for entry in feed.entries} == {release.title_fr for release in releases.values()}


@pytest.mark.parametrize(("language", "author", "home"), [
    ("fr", "OIM France", "http://testserver/fr/"),
    ("en", "IOM France", "http://testserver/en/"),
])
@pytest.mark.parametrize("name", ["news:feed_atom", "news:area_feed_atom"])
def test_atom_feeds_name_their_author(client, releases, area, name, language, author, home):
    feed = read_feed(client, feed_url(name, language, area))
    # RFC 4287 §4.1.1: without a feed author, every entry would need one.
    assert feed.feed.author_detail == {"name": author, "href": home}
    assert feed.entries and all("author" not in entry or entry.author == author for entry in feed.entries)


def test_titles_read_as_written_and_run_nothing(client, area):
    title = f"Migration & développement {PAYLOAD}"
    factories.NewsReleaseFactory(title_fr=title)
    rss = read_feed(client, feed_url("news:feed_rss", "fr", area)).entries[0]
    # RSS does not say whether a title is text or HTML; readers take markup for HTML. Escaped, it reads right both ways.
    assert rss.title_detail.type == "text/html"
    assert dangerous_elements(rss.title) == [] and text_of(rss.title) == title
    atom = read_feed(client, feed_url("news:feed_atom", "fr", area)).entries[0]
    # An Atom title is text (RFC 4287 §3.1): shown as is, never as markup.
    assert atom.title_detail.type == "text/plain" and atom.title == title


def test_english_feed_query_count_does_not_grow_with_untranslated_releases(client, area):
    factories.NewsReleaseFactory.create_batch(3)
    url = feed_url("news:feed_rss", "en", area)
    first = count_queries(client, url)
    factories.NewsReleaseFactory.create_batch(30, title_en="", lead_en="", body_en="")
    factories.NewsReleaseFactory.create_batch(25)
    assert count_queries(client, url) == first
    assert len(read_feed(client, url).entries) == 20
