"""Odd links to /media/ in rich text never break a page (core.documents.document_links).

A body link to /media//etc/passwd.pdf once made its page answer 400
(SuspiciousFileOperation from the storage). Such links, and links to another
host's /media/, are left plain links: no note, no storage call, no error.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template import Context, Template
from django.utils import translation

from core import documents
from tests import factories

pytestmark = pytest.mark.django_db

ODD_HREFS = [
    "/media//etc/passwd.pdf",
    "/media/../../x.pdf",
    "/media/%2e%2e/x.pdf",
    "/media/a%00.pdf",
    "/media/" + "a" * 5000 + ".pdf",
    "/media/C:\\x.pdf",
    "https://evil.example/media/x.pdf",
    "//evil.example/media/x.pdf",
    "//[::1/media/x.pdf",  # urllib refuses to parse it (ValueError)
    "/media/editor/%0d%0a.pdf",
    "/media/.hidden.pdf",
]


def render(html):
    return Template("{% load site_tags %}{{ html|document_links }}").render(Context({"html": html}))


@pytest.mark.parametrize("href", ODD_HREFS)
def test_an_odd_media_link_renders_as_a_plain_link(href, monkeypatch):
    def no_storage(name):
        raise AssertionError(f"the storage was asked about {name!r}")

    monkeypatch.setattr(default_storage, "size", no_storage)
    html = f'<p>Voir <a href="{href}">le rapport</a>.</p>'
    assert render(html) == html


def test_a_good_link_next_to_odd_ones_is_still_annotated():
    default_storage.save("editor/guide.pdf", ContentFile(b"%PDF" + b"0" * 4096))
    html = ('<p><a href="/media//etc/passwd.pdf">a</a> <a href="/media/editor/guide.pdf">guide</a> '
            '<a href="https://evil.example/media/editor/guide.pdf">b</a></p>')
    out = render(html)
    assert '<a href="/media/editor/guide.pdf">guide <span class="document-info">(PDF, 4 ko)</span></a>' in out
    assert '<a href="/media//etc/passwd.pdf">a</a>' in out
    assert '<a href="https://evil.example/media/editor/guide.pdf">b</a>' in out


def test_a_storage_failure_costs_the_size_not_the_page(monkeypatch):
    class ClientError(Exception):
        """What botocore raises for a missing key on S3: no OSError."""

    def failing(name):
        raise ClientError("404 Not Found")

    monkeypatch.setattr(default_storage, "size", failing)
    assert 'absent <span class="document-info">(PDF)</span>' in render('<a href="/media/editor/absent.pdf">absent</a>')


def test_media_name_reads_only_our_own_plain_paths(settings):
    assert documents.media_name("/media/editor/guide.pdf") == "editor/guide.pdf"
    assert documents.media_name("/media/editor/r%C3%A9sum%C3%A9.pdf?x=1#p2") == "editor/résumé.pdf"
    for href in ODD_HREFS:
        assert documents.media_name(href) is None, href


BODY = "<p>" + " ".join(f'<a href="{href}">lien {number}</a>' for number, href in enumerate(ODD_HREFS)) + "</p>"


@pytest.mark.parametrize("factory", [factories.NewsReleaseFactory, factories.PageFactory])
def test_a_public_page_with_odd_media_links_answers_200(client, factory):
    item = factory(body_fr=BODY)
    with translation.override("fr"):
        response = client.get(item.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "lien 0</a>" in html  # the body is there, its links plain
    assert 'class="document-info"' not in html
