"""A refused save never drops a chosen file (issue 11)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.uploads import restore
from library.models import Image
from tests.conftest import make_image_bytes

pytestmark = pytest.mark.django_db


def test_an_image_chosen_in_a_form_that_comes_back_with_an_error_is_saved_with_the_next_save(admin_client):
    url = reverse("admin:library_image_add")
    image = SimpleUploadedFile("photo-paris.png", make_image_bytes("PNG", (800, 400)), content_type="image/png")
    refused = admin_client.post(url, {"file": image, "title": "Paris", "alt_text_fr": "x" * 301})
    assert refused.status_code == 200  # the alternative text is too long
    page = refused.content.decode()
    assert "Fichier choisi conservé : photo-paris.png" in page
    token = re.search(r'name="file__kept" value="([^"]+)"', page).group(1)

    saved = admin_client.post(url, {"file__kept": token, "title": "Paris", "alt_text_fr": "La tour Eiffel"})
    assert saved.status_code == 302
    image = Image.objects.get(title="Paris")
    assert image.file.name.startswith("library/images/") and image.file.name.endswith(".png")
    assert image.alt_text_fr == "La tour Eiffel" and image.width == 800


def test_a_forged_or_altered_reference_gives_nothing():
    assert restore("not-a-token") is None
    assert restore("eyJwYXRoIjoiLi4vLi4vZXRjL3Bhc3N3ZCJ9:1abc:forged") is None
