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
    name = rendition_name(release.image.file.name, 800)
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
    default_storage.delete(release.image.file.name)
    assert get_rendition(release.image, 400) is None
    assert get_renditions(factories.NewsReleaseFactory().image, [400]) == []


def _halves(size=(1200, 600)):
    """A wide image, red on the left half and blue on the right half, as PNG bytes."""
    import io

    image = Image.new("RGB", size, (220, 0, 0))
    image.paste((0, 0, 220), (size[0] // 2, 0, size[0], size[1]))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _colour_of(rendition, media_root):
    with Image.open(media_root / rendition.url.removeprefix("/media/")) as made:
        return made.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))


def test_a_crop_keeps_the_focal_point_in_the_frame(media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    image = factories.LibraryImageFactory(file=SimpleUploadedFile("halves.png", _halves()))
    centred = get_rendition(image, 300, ratio="1:1")
    assert (centred.width, centred.height) == (300, 300)
    image.focal_x, image.focal_y = 0.1, 0.5
    left = get_rendition(image, 300, ratio="1:1")
    image.focal_x = 0.9
    right = get_rendition(image, 300, ratio="1:1")
    assert len({centred.url, left.url, right.url}) == 3  # a new point makes new files
    red, _g, blue = _colour_of(left, media_root)
    assert red > 200 and blue < 20
    red, _g, blue = _colour_of(right, media_root)
    assert blue > 200 and red < 20


def test_crop_box_stays_inside_the_image_whatever_the_point():
    from fractions import Fraction

    from core.renditions import crop_box

    assert crop_box((1200, 600), Fraction(1), (0.0, 0.0)) == (0, 0, 600, 600)
    assert crop_box((1200, 600), Fraction(1), (1.0, 1.0)) == (600, 0, 1200, 600)
    assert crop_box((600, 1200), Fraction(16, 9), (0.5, 0.02)) == (0, 0, 600, 338)
    assert crop_box((600, 1200), Fraction(16, 9), None) == (0, 431, 600, 769)


@pytest.mark.parametrize("ratio", ["", "0:1", "abc", "1:0", "-3:2", "100000:1"])
def test_odd_ratios_are_ignored_not_errors(png_upload, ratio):
    release = factories.NewsReleaseFactory(image=png_upload(size=(800, 400)))
    rendition = get_rendition(release.image, 400, ratio=ratio)
    assert (rendition.width, rendition.height) == (400, 200)


def test_avif_renditions_where_pillow_writes_avif(png_upload, media_root):
    from PIL import features

    from core.renditions import formats

    release = factories.NewsReleaseFactory(image=png_upload(size=(800, 400)))
    if not features.check("avif"):
        assert formats() == ("webp",)
        return
    assert formats() == ("avif", "webp")
    rendition = get_rendition(release.image, 400, fmt="avif")
    with Image.open(media_root / rendition.url.removeprefix("/media/")) as made:
        assert made.format == "AVIF" and made.size == (400, 200)


def test_clear_renditions_deletes_the_files_and_pages_make_them_again(png_upload, media_root):
    from django.core.management import call_command

    release = factories.NewsReleaseFactory(image=png_upload(size=(800, 400)))
    first = get_rendition(release.image, 400)
    path = media_root / first.url.removeprefix("/media/")
    assert path.exists()
    call_command("clear_renditions", stdout=__import__("io").StringIO())
    assert not path.exists()
    again = get_rendition(release.image, 400)
    assert again == first and path.exists()  # same name, made anew (the cached size was forgotten)
