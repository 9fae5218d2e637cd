import pytest
from django.core.files.storage import default_storage
from PIL import Image

from core.renditions import get_rendition, get_renditions, rendition_name
from tests import factories

pytestmark = pytest.mark.django_db


def test_rendition_is_a_resized_webp_with_a_deterministic_name_made_once(png_upload, media_root):
    release = factories.NewsReleaseFactory(image=png_upload(size=(1600, 1200)))
    rendition = get_rendition(release.image, 800)
    assert (rendition.width, rendition.height) == (800, 600)
    name = rendition_name(release.image.name, 800)
    assert rendition.url == f"/media/{name}"
    path = media_root / name
    with Image.open(path) as image:
        assert image.format == "WEBP" and image.size == (800, 600)
    made = path.stat().st_mtime_ns
    assert get_rendition(release.image, 800) == rendition
    assert path.stat().st_mtime_ns == made  # found, not made again


def test_rendition_survives_a_cleared_cache_by_reading_the_file_on_disk(png_upload, media_root):
    from django.core.cache import cache

    release = factories.NewsReleaseFactory(image=png_upload(size=(1000, 500)))
    first = get_rendition(release.image, 400)
    cache.clear()
    assert get_rendition(release.image, 400) == first


def test_small_originals_are_never_enlarged_and_srcset_has_no_duplicates(png_upload):
    release = factories.NewsReleaseFactory(image=png_upload(size=(300, 200)))
    renditions = get_renditions(release.image, [400, 800, 1200])
    assert [(r.width, r.height) for r in renditions] == [(300, 200)]


def test_missing_original_gives_no_image_rather_than_an_error(png_upload):
    release = factories.NewsReleaseFactory(image=png_upload(size=(300, 200)))
    default_storage.delete(release.image.name)
    assert get_rendition(release.image, 400) is None
    assert get_renditions(factories.NewsReleaseFactory().image, [400]) == []
