"""/media/ served by Django (core.media) cannot act as a page of the site: headers and odd paths."""

import pytest
from django.test import RequestFactory, override_settings

from core.media import serve_media

pytestmark = pytest.mark.django_db

POLICY = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"


@pytest.fixture
def stored(media_root):
    """Files as the site stores them (random ASCII names), plus leftovers of the time before."""
    (media_root / "documents").mkdir(parents=True)
    (media_root / "images").mkdir()
    files = {
        "documents/3f2a9c1b7d4e4f0a8b6c5d2e1f0a9b8c.pdf": b"%PDF-1.7\n%%EOF\n",
        "documents/0a1b2c3d4e5f60718293a4b5c6d7e8f9.docx": b"PK\x03\x04docx",
        "images/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b.png": b"\x89PNG\r\n\x1a\n",
        "documents/old-upload.html": b"<script>alert(document.cookie)</script>",
        "documents/old-logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "documents/notes.txt.gz": b"\x1f\x8b\x08\x00",
    }
    for name, data in files.items():
        (media_root / name).write_bytes(data)
    return media_root


def headers_of(response):
    return {name: response.get(name) for name in (
        "Content-Type", "Content-Disposition", "X-Content-Type-Options", "Content-Security-Policy",
        "Cross-Origin-Resource-Policy")}


@override_settings(SERVE_MEDIA=True)
def test_a_pdf_is_shown_in_the_browser_in_a_sandbox(client, stored):
    response = client.get("/media/documents/3f2a9c1b7d4e4f0a8b6c5d2e1f0a9b8c.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7\n%%EOF\n"
    assert headers_of(response) == {
        "Content-Type": "application/pdf",
        "Content-Disposition": 'inline; filename="3f2a9c1b7d4e4f0a8b6c5d2e1f0a9b8c.pdf"',
        "X-Content-Type-Options": "nosniff",
        # The browser's own PDF viewer may run its script; the PDF's JavaScript was refused at upload.
        "Content-Security-Policy": "sandbox allow-scripts; default-src 'none'; img-src 'self'; "
                                   "style-src 'unsafe-inline'",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


@override_settings(SERVE_MEDIA=True)
def test_an_office_document_is_downloaded(client, stored):
    response = client.get("/media/documents/0a1b2c3d4e5f60718293a4b5c6d7e8f9.docx")
    assert response.status_code == 200
    assert headers_of(response) == {
        "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Content-Disposition": 'attachment; filename="0a1b2c3d4e5f60718293a4b5c6d7e8f9.docx"',
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": POLICY,
        "Cross-Origin-Resource-Policy": "same-origin",
    }


@override_settings(DEBUG=True, SERVE_MEDIA=False)
def test_an_image_is_shown_inline_and_debug_serves_too(client, stored):
    response = client.get("/media/images/9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b.png")
    assert response.status_code == 200
    assert headers_of(response) == {
        "Content-Type": "image/png",
        "Content-Disposition": 'inline; filename="9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b.png"',
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": POLICY,
        "Cross-Origin-Resource-Policy": "same-origin",
    }


@override_settings(SERVE_MEDIA=True)
@pytest.mark.parametrize("name", ["documents/old-upload.html", "documents/old-logo.svg"])
def test_an_old_html_or_svg_upload_downloads_as_bytes_never_renders(client, stored, name):
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == POLICY
    assert response["X-Content-Type-Options"] == "nosniff"


@override_settings(SERVE_MEDIA=True)
def test_a_compressed_file_is_downloaded_as_stored_not_decoded_by_the_browser(client, stored):
    response = client.get("/media/documents/notes.txt.gz")
    assert "Content-Encoding" not in response
    assert response["Content-Type"] == "application/octet-stream"


@override_settings(SERVE_MEDIA=True)
def test_a_not_modified_answer_keeps_the_headers(client, stored):
    url = "/media/documents/3f2a9c1b7d4e4f0a8b6c5d2e1f0a9b8c.pdf"
    last_modified = client.get(url)["Last-Modified"]
    response = client.get(url, headers={"if-modified-since": last_modified})
    assert response.status_code == 304
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")


@override_settings(DEBUG=False, SERVE_MEDIA=False)
def test_media_is_not_served_unless_asked(client, stored):
    response = client.get("/media/documents/3f2a9c1b7d4e4f0a8b6c5d2e1f0a9b8c.pdf")
    assert response.status_code == 404
    assert response["X-Content-Type-Options"] == "nosniff"


ODD_PATHS = [
    "/media//etc/passwd",
    "/media/../../etc/passwd",
    "/media/%2e%2e/%2e%2e/etc/passwd",
    "/media/documents/../../../etc/passwd",
    "/media/documents/..%2f..%2fsettings.py",
    "/media/..\\..\\etc\\passwd",
    "/media/C:\\Windows\\win.ini",
    "/media/documents/%5c..%5cx.pdf",
    "/media/" + "a" * 5000 + ".pdf",
    "/media/" + "a/" * 600 + "x.pdf",
    "/media/documents/",
    "/media/documents",
    "/media/documents//3f2a9c1b7d4e4f0a8b6c5d2e1f0a9b8c.pdf",
    "/media/./documents/3f2a9c1b7d4e4f0a8b6c5d2e1f0a9b8c.pdf",
    "/media/.env",
    "/media/documents/absent.pdf",
]


@override_settings(SERVE_MEDIA=True)
@pytest.mark.parametrize("url", ODD_PATHS)
def test_odd_paths_answer_404_with_the_headers(client, stored, url):
    response = client.get(url)
    assert response.status_code == 404, url
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == POLICY
    assert b"root:" not in response.content


@override_settings(SERVE_MEDIA=True)
def test_a_line_break_in_the_path_is_a_404_and_never_a_header(client, stored):
    # <path:…> does not match a line break: the site's own 404 answers, under the site's strict policy.
    response = client.get("/media/documents/x%0d%0aSet-Cookie:%20a=b.pdf")
    assert response.status_code == 404
    assert not response.cookies


@override_settings(SERVE_MEDIA=True)
def test_a_link_leading_out_of_media_root_is_not_followed(client, stored, tmp_path):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF- secret")
    (stored / "documents" / "link.pdf").symlink_to(secret)
    assert client.get("/media/documents/link.pdf").status_code == 404


@override_settings(SERVE_MEDIA=True)
def test_a_nul_in_the_path_answers_404_from_the_view(stored):
    response = serve_media(RequestFactory().get("/media/a.pdf"), "a\x00.pdf")
    assert response.status_code == 404
    assert response["Content-Security-Policy"] == POLICY


@override_settings(SERVE_MEDIA=True)
def test_a_nul_in_the_path_never_reaches_the_disk_through_the_site(client, stored):
    # core.security.RejectNullCharactersMiddleware answers a NUL in any path before the view does.
    response = client.get("/media/a%00.pdf")
    assert response.status_code in (400, 404)
    assert b"%PDF" not in response.content


@override_settings(SERVE_MEDIA=True)
@pytest.mark.parametrize("fmt", ["avif", "webp"])
def test_renditions_are_shown_as_images(client, media_root, png_upload, fmt):
    from PIL import features

    from core.renditions import get_rendition
    from tests import factories

    if fmt == "avif" and not features.check("avif"):
        pytest.skip("this Pillow writes no AVIF, so no AVIF rendition is ever offered")
    image = factories.LibraryImageFactory(file=png_upload(size=(600, 400)))
    rendition = get_rendition(image, 300, fmt=fmt)
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == f"image/{fmt}" and response["Content-Disposition"].startswith("inline")
