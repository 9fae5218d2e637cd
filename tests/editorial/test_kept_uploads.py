"""A refused save never drops a chosen file (issue 11)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editorial.uploads import restore
from news.models import NewsRelease
from tests.conftest import make_image_bytes
from tests.oim_site.test_admin import release_data

pytestmark = pytest.mark.django_db


def test_an_image_chosen_in_a_form_that_comes_back_with_an_error_is_saved_with_the_next_save(admin_client):
    url = reverse("admin:news_newsrelease_add")
    image = SimpleUploadedFile("photo-paris.png", make_image_bytes("PNG", (800, 400)), content_type="image/png")
    refused = admin_client.post(url, {**release_data(1), "title_fr": "", "image": image, "image_alt_fr": "Paris"})
    assert refused.status_code == 200  # the title is required
    page = refused.content.decode()
    assert "Fichier choisi conservé : photo-paris.png" in page
    token = re.search(r'name="image__kept" value="([^"]+)"', page).group(1)

    saved = admin_client.post(url, {**release_data(1), "image__kept": token, "image_alt_fr": "Paris"})
    assert saved.status_code == 302
    release = NewsRelease.objects.get(title_fr="Communiqué 1")
    assert release.image and release.image.name.endswith((".png", ".webp", ".jpg"))


def test_a_forged_or_altered_reference_gives_nothing():
    assert restore("not-a-token") is None
    assert restore("eyJwYXRoIjoiLi4vLi4vZXRjL3Bhc3N3ZCJ9:1abc:forged") is None
