"""Links to documents say what the reader will get: "(PDF, 2 Mo, anglais)"."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template import Context, Template
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db


def render(template, **context):
    return Template("{% load site_tags %}" + template).render(Context(context))


def test_uploaded_publication_shows_format_size_and_language():
    publication = factories.PublicationFactory(url="", language="en",
                                               file=factories.pdf_upload("rapport.pdf", 2 * 1024 * 1024))
    assert render("{{ p|document_info }}", p=publication) == "(PDF, 2 Mo, anglais)"
    with translation.override("en"):
        assert render("{{ p|document_info }}", p=publication) == "(PDF, 2 MB, English)"


def test_small_file_in_kilobytes_and_decimal_megabytes():
    from core.documents import human_size

    assert human_size(340 * 1024) == "340 ko"
    assert human_size(1536 * 1024) == "1,5 Mo"
    with translation.override("en"):
        assert human_size(1536 * 1024) == "1.5 MB"


def test_external_publication_shows_what_is_known():
    pdf = factories.PublicationFactory(url="https://publications.iom.int/system/files/pdf/wmr_2024.pdf", language="fr")
    page = factories.PublicationFactory(url="https://publications.iom.int/books/", language="es")
    assert render("{{ p|document_info }}", p=pdf) == "(PDF, français)"
    assert render("{{ p|document_info }}", p=page) == "(espagnol)"


def test_rich_text_links_to_media_files_are_annotated(settings):
    default_storage.save("editor/guide.docx", ContentFile(b"x" * 5000))
    html = ('<p><a href="/media/editor/guide.docx" hreflang="en">Guide</a> et '
            '<a href="/fr/actualites/">actualités</a> et <a href="/media/editor/absent.pdf">absent</a></p>')
    out = render("{{ html|document_links }}", html=html)
    assert '<a href="/media/editor/guide.docx" hreflang="en">Guide <span class="document-info">(Word, 5 ko, anglais)' \
           '</span></a>' in out
    assert '<a href="/fr/actualites/">actualités</a>' in out
    assert 'absent <span class="document-info">(PDF)</span>' in out


def test_annotation_does_not_unescape_the_text():
    html = '<a href="/media/editor/a.pdf">&lt;script&gt;</a>'
    assert "&lt;script&gt;" in render("{{ html|document_links }}", html=html)


def test_public_pages_show_the_document_notes(client):
    area = factories.ProgrammeAreaFactory()
    publication = factories.PublicationFactory(area=area, url="", language="en", year=2019,
                                               file=factories.pdf_upload("guide.pdf", 2 * 1024 * 1024))
    area.body_fr = f'<p>Lire <a href="{publication.link}" hreflang="en">le guide d’intégration</a>.</p>'
    area.save()
    with translation.override("fr"):
        html = client.get(area.get_absolute_url()).content.decode()
    assert "2019 (PDF, 2 Mo, anglais)" in html
    assert 'le guide d’intégration <span class="document-info">(PDF, 2 Mo, anglais)</span>' in html
