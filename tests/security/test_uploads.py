"""Uploaded images are judged by their content: both ways in (an image field, the editor's upload).

Hostile files: HTML, SVG and polyglots dressed as images, a decompression
bomb, oversize files. Honest files: re-encoded under a random name whose
extension is the real format, without EXIF (GPS position, camera serial).
"""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from PIL import Image

from library.models import Image as LibraryImage
from news.models import NewsRelease
from tests import factories

GPS_IFD = 0x8825


def jpeg_with_gps():
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0131] = "Secret camera software"  # Software
    exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD), "the test image must carry GPS data"
    return data


def image_bytes(fmt, size=(64, 48)):
    out = io.BytesIO()
    Image.new("RGB", size, (0, 51, 160)).save(out, format=fmt)
    return out.getvalue()


def bomb():
    """100 million pixels in a few kilobytes."""
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, format="PNG", optimize=True)
    return out.getvalue()


HOSTILE = {
    "html_named_jpg": ("photo.jpg", b"<!doctype html><html><script>alert(document.cookie)</script></html>",
                       "n’est pas une image valide"),
    "svg_named_png": ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
                      "n’est pas une image valide"),
    "real_svg": ("logo.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)'
                             b"</script></svg>", "n’est pas une image valide"),
    "gif_header_script": ("anim.gif", b"GIF89a<script>alert(1)</script>", "n’est pas une image valide"),
    "png_with_html_appended": ("photo.png", image_bytes("PNG") + b"<html><script>alert(1)</script></html>",
                               "code (HTML ou script) caché"),
    "jpeg_with_script_comment": ("photo.jpg", image_bytes("JPEG")[:2] + b"\xff\xfe\x00\x1c<script>alert(1)</script>"
                                 + image_bytes("JPEG")[2:], "code (HTML ou script) caché"),
    "gif_with_javascript_url": ("a.gif", image_bytes("GIF") + b"javascript:alert(1)", "code (HTML ou script) caché"),
    "decompression_bomb": ("big.png", bomb(), "trop grande (10000 × 10000 pixels) ; la limite est de 10 millions de "
                                              "pixels pour une image PNG"),
    "tiny": ("pixel.png", image_bytes("PNG", (1, 1)), "trop petite"),
    "bmp_not_a_web_format": ("photo.bmp", image_bytes("BMP"), "Format non accepté"),
    "truncated_png": ("cut.png", image_bytes("PNG")[:60], "n’est pas une image valide"),
    "empty": ("vide.jpg", b"", "n’est pas une image valide"),
}
HONEST = {
    # name sent, bytes, extension stored
    "jpeg_named_png": ("photo.png", image_bytes("JPEG"), "jpg"),
    "png_named_jpg": ("photo.jpg", image_bytes("PNG"), "png"),
    "webp_named_gif": ("x.gif", image_bytes("WEBP"), "webp"),
    "gif_without_extension": ("image", image_bytes("GIF"), "gif"),
    "jpeg_with_gps": ("IMG_0001 Paris.JPG", jpeg_with_gps(), "jpg"),
}
RANDOM_NAME = r"[0-9a-f]{32}\.(jpg|png|webp|gif)"


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def assert_clean_file(path, extension):
    assert re.fullmatch(RANDOM_NAME, path.rsplit("/", 1)[-1]), path
    assert path.endswith("." + extension)
    with default_storage.open(path) as stored:
        data = stored.read()
    image = Image.open(io.BytesIO(data))
    assert image.format.lower().replace("jpeg", "jpg") == extension
    exif = image.getexif()
    assert not exif.get_ifd(GPS_IFD) and 0x010F not in exif and 0x0131 not in exif, dict(exif)
    assert b"CameraMaker" not in data and b"<script" not in data


# The model image field, through the ORM (loaders, imports) and through the admin form.

@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_image_field_refuses_hostile_files_on_save(db, case):
    name, data, message = HOSTILE[case]
    with pytest.raises(ValidationError, match=re.escape(message)), transaction.atomic():
        factories.NewsReleaseFactory(image=upload(name, data))
    assert not NewsRelease.objects.exists()
    assert not default_storage.exists("library") and not LibraryImage.objects.exists()


@pytest.mark.parametrize("case", HONEST, ids=list(HONEST))
def test_image_field_stores_a_clean_copy_under_a_random_name(db, case):
    name, data, extension = HONEST[case]
    release = factories.NewsReleaseFactory(image=upload(name, data))
    stored = release.image.file.name  # in the media library
    assert_clean_file(stored, extension)
    assert "Paris" not in stored and "photo" not in stored


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_admin_form_shows_a_clear_message_for_hostile_files(admin_client, case):
    name, data, message = HOSTILE[case]
    url = reverse("admin:library_image_add")  # where every image is uploaded now
    response = admin_client.post(url, {"file": upload(name, data), "title": "Image", "tags": ""})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["file"]
    assert any(message in error for error in errors), errors
    assert not LibraryImage.objects.exists()


def test_admin_form_stores_a_clean_copy(admin_client):
    url = reverse("admin:library_image_add")
    response = admin_client.post(url, {"file": upload("IMG_0001.png", jpeg_with_gps()), "title": "", "tags": ""})
    assert response.status_code == 302
    image = LibraryImage.objects.get()
    assert_clean_file(image.file.name, "jpg")
    assert image.title == "IMG 0001"  # from the file's name; the stored name is random


def test_size_limit(db, settings):
    settings.IMAGE_MAX_BYTES = 2000
    with pytest.raises(ValidationError, match="la limite est de 2,0"), transaction.atomic():
        factories.NewsReleaseFactory(image=upload("big.png", image_bytes("PNG", (400, 400)) + b"\0" * 2000))


# The editor's upload (CKEditor image dialog and drag-and-drop).

@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def editor_upload(client, name, data):
    return client.post(reverse("ckeditor_upload") + "?responseType=json", {"upload": upload(name, data)})


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_editor_upload_refuses_hostile_files(editor_client, case):
    name, data, message = HOSTILE[case]
    response = editor_upload(editor_client, name, data)
    assert response.status_code == 200  # CKEditor shows the message of a 200 answer only
    assert response.json()["uploaded"] == 0
    assert message in response.json()["error"]["message"] or (not data and "Aucun fichier" in
                                                               response.json()["error"]["message"])
    assert not default_storage.exists("library") and not LibraryImage.objects.exists()


@pytest.mark.parametrize("case", HONEST, ids=list(HONEST))
def test_editor_upload_stores_a_clean_copy(editor_client, settings, case):
    name, data, extension = HONEST[case]
    answer = editor_upload(editor_client, name, data).json()
    assert answer["uploaded"] == 1
    path = answer["url"].removeprefix(settings.MEDIA_URL)
    assert_clean_file(path, extension)
    assert answer["fileName"] == LibraryImage.objects.get(file=path).title


def test_two_uploads_of_the_same_file_get_different_names(editor_client):
    first = editor_upload(editor_client, "photo.png", image_bytes("PNG")).json()["url"]
    second = editor_upload(editor_client, "photo.png", image_bytes("PNG")).json()["url"]
    assert first != second
