import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from library.models import Image as LibraryImage
from tests.conftest import make_image_bytes
from tests.factories import NewsReleaseFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_a_real_image_is_stored_under_a_random_name_with_its_real_extension(png_upload):
    # A PNG uploaded with a .jpg name is stored as .png.
    release = NewsReleaseFactory(image=png_upload(name="Vacances été.jpg"))
    release.refresh_from_db()
    name = release.image.file.name  # the release's library image
    assert name.startswith("library/images/")
    assert name.endswith(".png")
    assert "Vacances" not in name
    with Image.open(release.image.file.path) as stored:
        assert stored.format == "PNG"
        assert stored.size == (64, 48)


def test_gps_exif_is_stripped():
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0)}  # GPSInfo: latitude
    data = make_image_bytes("JPEG", exif=exif.tobytes())
    assert Image.open(io.BytesIO(data)).getexif()  # the source really carries EXIF
    partner = PartnerFactory(logo=SimpleUploadedFile("logo.jpg", data, content_type="image/jpeg"))
    with Image.open(partner.logo.file.path) as stored:
        assert not stored.getexif()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.png", b"<html><script>alert(1)</script></html>", "n’est pas une image valide"),
        ("dessin.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
         "n’est pas une image valide"),
        ("vide.jpg", b"", "n’est pas une image valide"),
    ],
)
def test_non_images_are_refused_with_a_clear_message(name, content, message):
    assert message in refusal(SimpleUploadedFile(name, content))


def refusal(upload):
    """The message a library image's file field gives for ``upload`` (nothing is stored)."""
    with pytest.raises(ValidationError) as excinfo:
        LibraryImage(file=upload, title="Essai").full_clean()
    assert not LibraryImage.objects.exists()
    return " ".join(excinfo.value.message_dict["file"])


def test_images_over_the_size_limit_are_refused(settings, png_upload):
    settings.IMAGE_MAX_BYTES = 100
    assert "la limite est de 100" in refusal(png_upload())


def test_images_over_the_pixel_limit_are_refused(settings, png_upload):
    settings.IMAGE_MAX_PIXELS = 1000
    assert "trop grande" in refusal(png_upload(size=(100, 100)))
