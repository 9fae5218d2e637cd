"""The image attacks reported against uploads, each rebuilt here and refused or neutralised (core.images).

Bounded work: animations too long or too large for their canvas (the 729-byte
GIF of 30 one-pixel frames on a 6,000 x 6,000 canvas that held a worker for
30 s), fragmented blocks, scan bombs, all refused from the file's structure
before Pillow decodes a pixel. Metadata: comments, EXIF, XMP and PNG text
chunks that carried markup into stored files, gone from every format and
every frame. Names: random, with the extension of the real format.
"""

import io
import re
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile, PngImagePlugin

from core import images
from core.images import clean_image, validate_image
from tests.factories import LibraryImageFactory

# Markup that the hidden-code check does not refuse (it is not a script, an
# HTML page or an SVG) but that a careless viewer of the file would render.
IMG_ONERROR = b"<iMg src=x onerror=alert(1)>"
ASP_EVAL = b'<% eval request("c") %>'
PAYLOADS = {
    "comment": IMG_ONERROR,
    "exif": b"<a href=x onclick=alert('exif')>",
    "xmp": b"<b onmouseover=alert('xmp')>",
    "text": b"<i onfocus=alert('tEXt')>",
    "ztxt": b"<u onblur=alert('zTXt')>",
    "itxt": b"<s onkeyup=alert('iTXt')>",
}
RANDOM_NAME = re.compile(r"[0-9a-f]{32}\.(jpg|png|webp|gif)")


def upload(data, name="image"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def clean(data, name="image"):
    cleaned = clean_image(upload(data, name))
    return cleaned.name, cleaned.read()


def refusal(data, check=clean_image):
    with pytest.raises(ValidationError) as excinfo:
        check(upload(data))
    return " ".join(excinfo.value.messages)


def save(image, fmt, **options):
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def still(fmt, size):
    """A plain image (made without Image.open or ImageFile.load, so also under `no_decoding`)."""
    return save(Image.new("RGB", size, (0, 51, 160)), fmt)


def frames(count, size=(32, 32)):
    """Frames that all differ, so that no encoder merges them."""
    colours = [(200, 30, 30), (30, 160, 30), (30, 30, 200), (230, 200, 0), (0, 200, 200), (200, 0, 200)]
    return [Image.new("RGB", size, colours[index % len(colours)]) for index in range(count)]


def animation(fmt, count, size=(32, 32), **options):
    first, *rest = frames(count, size)
    return save(first, fmt, save_all=True, append_images=rest, **{"duration": 100, "loop": 0, **options})


def gif_bomb(count, side=6000):
    """The reported file: `count` 1 x 1 frames on a side x side canvas (729 bytes for 30)."""
    header = b"GIF89a" + struct.pack("<HH", side, side) + b"\x80\x00\x00" + b"\x00\x00\x00\xff\xff\xff"
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    frame = (b"\x21\xf9\x04\x00\x0a\x00\x00\x00"  # graphic control: 100 ms
             + b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00"  # a 1 x 1 image at 0, 0
             + b"\x02\x02\x44\x01\x00")  # LZW: clear code, pixel 0, end code
    return header + loop + frame * count + b"\x3b"


def png_chunk(kind, payload):
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_chunk_types(data):
    kinds, pos = [], 8
    while pos < len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kinds.append(data[pos + 4:pos + 8])
        pos += 12 + length
    return kinds


def riff_chunk_types(data):
    kinds, pos = [], 12
    while pos + 8 <= len(data):
        length = struct.unpack("<I", data[pos + 4:pos + 8])[0]
        kinds.append(data[pos:pos + 4])
        pos += 8 + length + (length & 1)
    return kinds


def icc_profile(primaries):
    """A minimal ICC v2 RGB profile: a 3 x 3 matrix and gamma 2.2 (Pillow creates only sRGB, LAB, XYZ)."""

    def s15(value):
        return struct.pack(">i", round(value * 65536))

    def xyz(x, y, z):
        return b"XYZ \0\0\0\0" + s15(x) + s15(y) + s15(z)

    text = b"Test RGB"
    tags = [(b"desc", b"desc\0\0\0\0" + struct.pack(">I", len(text) + 1) + text + b"\0" + b"\0" * 78),
            (b"wtpt", xyz(0.9642, 1.0, 0.8249)), (b"rXYZ", xyz(*primaries[0])), (b"gXYZ", xyz(*primaries[1])),
            (b"bXYZ", xyz(*primaries[2]))]
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233) + b"\0\0"
    tags += [(b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve), (b"cprt", b"text\0\0\0\0none\0\0\0\0")]
    offset, table, body = 128 + 4 + 12 * len(tags), b"", b""
    for signature, payload in tags:
        body += b"\0" * (-(offset + len(body)) % 4)
        table += signature + struct.pack(">II", offset + len(body), len(payload))
        body += payload
    header = (struct.pack(">I", offset + len(body)) + b"\0" * 4 + b"\x02\x10\0\0mntrRGB XYZ " + b"\0" * 12
              + b"acsp" + b"\0" * 28 + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 48)
    return header + struct.pack(">I", len(tags)) + table + body


# sRGB's primaries (D50), red and blue swapped: what this profile calls red is blue.
SWAPPED_RGB = ((0.1431, 0.0606, 0.7141), (0.3851, 0.7169, 0.0971), (0.4361, 0.2225, 0.0139))


@pytest.fixture
def no_decoding(monkeypatch):
    """Fails the test if Pillow opens or decodes anything: the refusal must come from the structure alone."""
    calls = []

    def forbidden(*args, **kwargs):
        calls.append(args)
        raise AssertionError("Pillow was asked to open or decode the file")

    monkeypatch.setattr(images.Image, "open", forbidden)
    monkeypatch.setattr(ImageFile.ImageFile, "load", forbidden)
    return calls


def assert_clean_of_payloads(data):
    lowered = data.lower()
    for where, payload in PAYLOADS.items():
        assert payload.lower() not in lowered, f"the {where} payload is still in the stored file"
    assert ASP_EVAL.lower() not in lowered


def assert_no_metadata_info(image):
    for index in range(getattr(image, "n_frames", 1)):
        image.seek(index)
        assert not {"comment", "exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(image.info), image.info
        assert not image.getexif()


# --- 1. Bounded work: animations ---------------------------------------------

@pytest.mark.parametrize("count", [30, 12])
@pytest.mark.parametrize("check", [clean_image, validate_image], ids=["clean_image", "validate_image"])
def test_gif_of_one_pixel_frames_on_a_huge_canvas_is_refused_before_any_decoding(no_decoding, settings, count,
                                                                                  check):
    data = gif_bomb(count)
    if count == 30:
        assert len(data) == 729  # the file of the report
    message = refusal(data, check)
    assert "L’animation est trop lourde : au moins 2 images de 6000 × 6000 pixels" in message
    limit = settings.IMAGE_MAX_ANIMATION_PIXELS // 1_000_000
    assert limit >= 2 and settings.IMAGE_MAX_ANIMATION_PIXELS % 1_000_000 == 0
    assert f"la limite est de {limit} millions de pixels en tout (nombre d’images × pixels d’une image)" in message
    assert not no_decoding


def test_gif_bomb_is_refused_by_the_image_field_with_the_message(db):
    image = LibraryImageFactory.build(file=upload(gif_bomb(30), "anim.gif"))
    with pytest.raises(ValidationError) as excinfo:
        image.full_clean()
    assert "L’animation est trop lourde" in " ".join(excinfo.value.message_dict["file"])


def test_counting_gif_frames_stops_at_the_limit(no_decoding, settings):
    settings.IMAGE_MAX_FRAMES = 50
    message = refusal(gif_bomb(100_000, side=16))
    assert message == "L’animation a trop d’images (au moins 51) ; la limite est de 50 images."


def test_gif_frame_placed_far_outside_its_canvas_counts_with_the_canvas_pillow_would_grow(no_decoding):
    # A 16 x 16 GIF whose one 1 x 1 frame sits at 5999, 5999: Pillow grows the canvas to 6,000 x 6,000.
    data = gif_bomb(1, side=16).replace(b"\x2c\x00\x00\x00\x00", b"\x2c" + struct.pack("<HH", 5999, 5999))
    assert "L’image est trop grande (6000 × 6000 pixels) ; la limite est de 25 millions de pixels." in refusal(data)


@pytest.mark.parametrize("fmt", ["GIF", "WEBP", "PNG"])
def test_animations_with_too_many_frames_are_refused_unread(settings, fmt):
    data = animation(fmt, 6)
    settings.IMAGE_MAX_FRAMES = 5
    assert "la limite est de 5 images" in refusal(data)


@pytest.mark.parametrize("fmt", ["WEBP", "PNG"])
def test_animated_webp_and_apng_over_the_pixel_budget_are_refused_before_decoding(monkeypatch, settings, fmt):
    data = animation(fmt, 10, size=(100, 100))  # 10 x 10,000 = 100,000 pixels to decode and encode
    settings.IMAGE_MAX_ANIMATION_PIXELS = 50_000
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda *args: pytest.fail("a frame was decoded"))
    message = refusal(data)
    # WebP frames are counted one by one; an APNG declares its frame count up front.
    frames = {"WEBP": 6, "PNG": 10}[fmt]
    assert f"L’animation est trop lourde : au moins {frames} images de 100 × 100 pixels" in message
    assert "la limite est de 50\u00a0000 pixels en tout" in message


def test_apng_declaring_endless_frames_is_refused_from_its_header(no_decoding):
    data = animation("PNG", 2)
    # acTL: frame count 2 -> 2,000,000,000 (its CRC recomputed): Pillow would try to decode them all.
    pos = data.index(b"acTL") - 4
    data = data[:pos] + png_chunk(b"acTL", struct.pack(">II", 2_000_000_000, 0)) + data[pos + 20:]
    assert "L’animation a trop d’images (au moins 2000000000)" in refusal(data)


@pytest.mark.parametrize(("fmt", "extension"), [("GIF", "gif"), ("WEBP", "webp"), ("PNG", "png")])
def test_animations_within_the_limits_stay_animated(fmt, extension):
    data = animation(fmt, 4, duration=[100, 200, 300, 400], loop=3)
    name, stored = clean(data, "anim.bin")
    assert name.endswith("." + extension)
    image = Image.open(io.BytesIO(stored))
    assert image.format == fmt
    assert image.n_frames == 4
    durations = []
    for index in range(4):
        image.seek(index)
        image.load()  # WebP: the duration is known once the frame is decoded
        durations.append(image.info["duration"])
        shown, sent = image.convert("RGB").getpixel((16, 16)), frames(4)[index].getpixel((16, 16))
        assert all(abs(a - b) <= 8 for a, b in zip(shown, sent, strict=True)), (index, shown, sent)
    assert durations == [100, 200, 300, 400]
    assert image.info["loop"] == 3


# --- 1. Bounded work: stills and structure ------------------------------------

def test_a_24_megapixel_camera_photo_is_accepted_and_turned_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    photo = save(Image.new("RGB", (6000, 4000), (90, 120, 160)), "JPEG", quality=80, exif=exif)
    name, stored = clean(photo, "DSC_0001.JPG")
    assert name.endswith(".jpg")
    assert Image.open(io.BytesIO(stored)).size == (4000, 6000)


@pytest.mark.parametrize(("mode", "fmt"), [("CMYK", "JPEG"), ("L", "JPEG"), ("I;16", "PNG"), ("LA", "PNG"),
                                           ("RGBA", "WEBP"), ("1", "PNG")])
def test_other_colour_modes_are_accepted_in_their_format(mode, fmt):
    image = Image.new(mode, (64, 48))
    name, stored = clean(save(image, fmt), "image")
    assert name.endswith("." + images.FORMATS[fmt])
    assert Image.open(io.BytesIO(stored)).mode == mode


@pytest.mark.parametrize(("fmt", "setting", "words"), [
    ("JPEG", "IMAGE_MAX_PIXELS", ""),
    ("GIF", "IMAGE_MAX_PIXELS", ""),
    ("PNG", "IMAGE_MAX_PNG_PIXELS", " pour une image PNG"),
    ("WEBP", "IMAGE_MAX_WEBP_PIXELS", " pour une image WebP"),
])
def test_stills_over_their_pixel_limit_are_refused_before_decoding(settings, no_decoding, fmt, setting, words):
    data = still(fmt, (2000, 1000))
    settings.IMAGE_MAX_PIXELS = 2_500_000
    setattr(settings, setting, 1_500_000)
    assert refusal(data) == ("L’image est trop grande (2000 × 1000 pixels) ; "
                             f"la limite est de 1,5 million de pixels{words}.")




def test_progressive_jpeg_with_endless_scans_is_refused_unread(no_decoding):
    data = save(Image.new("RGB", (64, 64), (0, 51, 160)), "JPEG", progressive=True)
    last, end = data.rindex(b"\xff\xda"), data.rindex(b"\xff\xd9")
    bomb = data[:end] + data[last:end] * 5000 + data[end:]
    assert refusal(bomb).startswith("Ce JPEG progressif compte plus de 20 passes ; la limite est de 20. ")


def test_progressive_jpeg_within_the_scan_limit_is_accepted():
    data = save(Image.new("RGB", (64, 64), (0, 51, 160)), "JPEG", progressive=True)
    assert data.count(b"\xff\xda") == 10  # libjpeg's script for colour images
    name, stored = clean(data, "progressive.jpg")
    assert Image.open(io.BytesIO(stored)).getpixel((32, 32)) == pytest.approx((0, 51, 160), abs=4)


def test_gif_comment_cut_into_one_byte_blocks_is_refused():
    # Pillow joins comment blocks with bytes +=: quadratic time in their number.
    data = save(Image.new("P", (32, 32)), "GIF")
    bomb = data[:-1] + b"\x21\xfe" + b"\x01A" * 300_000 + b"\x00" + data[-1:]
    message = refusal(bomb)
    assert message.startswith("La structure de ce fichier est anormale (plus de ")
    assert "blocs) : il est refusé." in message


def test_png_of_countless_tiny_chunks_is_refused():
    data = save(Image.new("RGB", (32, 32)), "PNG")
    junk = png_chunk(b"zzZz", b"")
    assert "La structure de ce fichier est anormale" in refusal(data[:33] + junk * 200_000 + data[33:])


def test_size_limit_message_states_the_limit(settings):
    settings.IMAGE_MAX_BYTES = 1000
    data = still("PNG", (200, 200)) + b"\0" * 2000
    assert refusal(data) == "Le fichier pèse 2,5\u00a0Kio ; la limite est de 1000\u00a0octets."


# --- 2. Metadata ---------------------------------------------------------------

def exif_with_payload(orientation=None):
    exif = Image.Exif()
    exif[0x010E] = PAYLOADS["exif"].decode()  # ImageDescription
    exif[0x010F] = "Camera maker"
    if orientation:
        exif[0x0112] = orientation
    return exif


def xmp_with_payload():
    return (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
            + PAYLOADS["xmp"] + b"</x:xmpmeta><?xpacket end=\"w\"?>")


def test_jpeg_comment_exif_and_xmp_are_gone():
    data = save(Image.new("RGB", (64, 48), (0, 51, 160)), "JPEG", comment=IMG_ONERROR, exif=exif_with_payload(),
                xmp=xmp_with_payload())
    source = Image.open(io.BytesIO(data))
    assert source.info["comment"] == IMG_ONERROR and "xmp" in source.info and source.getexif()
    name, stored = clean(data, "photo.jpg")
    assert_clean_of_payloads(stored)
    assert b"Camera maker" not in stored and b"xmpmeta" not in stored
    assert_no_metadata_info(Image.open(io.BytesIO(stored)))


def test_png_text_chunks_exif_and_xmp_are_gone():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", PAYLOADS["text"].decode())
    info.add_text("Description", PAYLOADS["ztxt"].decode(), zip=True)
    info.add_itxt("Title", PAYLOADS["itxt"].decode(), lang="fr", tkey="Titre")
    info.add_itxt("XML:com.adobe.xmp", xmp_with_payload().decode())
    data = save(Image.new("RGBA", (64, 48), (0, 51, 160, 128)), "PNG", pnginfo=info, exif=exif_with_payload())
    assert {b"tEXt", b"zTXt", b"iTXt", b"eXIf"} <= set(png_chunk_types(data))
    name, stored = clean(data, "logo.png")
    assert set(png_chunk_types(stored)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
    assert_clean_of_payloads(stored)
    image = Image.open(io.BytesIO(stored))
    assert image.text == {}
    assert_no_metadata_info(image)


def test_gif_comment_extensions_are_gone_from_every_frame():
    first, *rest = frames(3)
    data = save(first, "GIF", save_all=True, append_images=rest, duration=100, comment=ASP_EVAL)
    # And a comment before each frame's graphic control block.
    comment = b"\x21\xfe" + bytes([len(IMG_ONERROR)]) + IMG_ONERROR + b"\x00"
    data = data.replace(b"\x21\xf9\x04", comment + b"\x21\xf9\x04")
    source = Image.open(io.BytesIO(data))
    assert ASP_EVAL in source.info["comment"] and source.n_frames == 3
    name, stored = clean(data, "anim.gif")
    assert_clean_of_payloads(stored)
    assert b"\x21\xfe" not in stored  # no comment extension at all
    image = Image.open(io.BytesIO(stored))
    assert image.n_frames == 3
    assert_no_metadata_info(image)


@pytest.mark.parametrize("animated", [False, True], ids=["still", "animated"])
def test_webp_exif_and_xmp_are_gone(animated):
    first, *rest = frames(3 if animated else 1)
    data = save(first, "WEBP", save_all=animated, append_images=rest, exif=exif_with_payload(),
                xmp=xmp_with_payload(), icc_profile=icc_profile(SWAPPED_RGB))
    assert {b"EXIF", b"XMP ", b"ICCP"} <= set(riff_chunk_types(data))
    name, stored = clean(data, "photo.webp")
    assert not {b"EXIF", b"XMP ", b"ICCP"} & set(riff_chunk_types(stored))
    assert_clean_of_payloads(stored)
    image = Image.open(io.BytesIO(stored))
    assert image.n_frames == (3 if animated else 1)
    assert_no_metadata_info(image)


def test_apng_text_is_gone_from_the_animation():
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", PAYLOADS["text"].decode())
    first, *rest = frames(3)
    data = save(first, "PNG", save_all=True, append_images=rest, duration=100, pnginfo=info)
    name, stored = clean(data, "anim.png")
    assert not {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP"} & set(png_chunk_types(stored))
    assert Image.open(io.BytesIO(stored)).n_frames == 3
    assert_clean_of_payloads(stored)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "GIF", "WEBP"])
def test_bytes_appended_after_the_image_are_dropped(fmt):
    name, stored = clean(still(fmt, (64, 48)) + b"\0\0" + IMG_ONERROR, "photo")
    assert IMG_ONERROR.lower() not in stored.lower()
    assert Image.open(io.BytesIO(stored)).format == fmt


def test_orientation_is_applied_to_the_pixels_before_exif_is_dropped():
    image = Image.new("RGB", (64, 32), (220, 0, 0))
    image.paste((0, 0, 220), (32, 0, 64, 32))  # left half red, right half blue
    data = save(image, "JPEG", quality=95, exif=exif_with_payload(orientation=6))
    name, stored = clean(data, "portrait.jpg")
    upright = Image.open(io.BytesIO(stored))
    assert upright.size == (32, 64)
    red, _, blue = upright.getpixel((16, 8))
    assert red > 180 and blue < 60  # the left of the file is the top of the photo
    red, _, blue = upright.getpixel((16, 56))
    assert blue > 180 and red < 60
    assert not upright.getexif()


def test_colours_are_converted_to_srgb_with_the_profile_which_is_then_dropped():
    # A file whose profile says its "red" channel is blue: viewers honouring
    # the profile show blue, and so must the stored copy, without the profile.
    data = save(Image.new("RGB", (64, 48), (255, 0, 0)), "JPEG", quality=95, icc_profile=icc_profile(SWAPPED_RGB))
    name, stored = clean(data, "adobe-rgb.jpg")
    image = Image.open(io.BytesIO(stored))
    assert "icc_profile" not in image.info
    red, green, blue = image.getpixel((32, 24))
    assert blue > 200 and red < 40 and green < 40, (red, green, blue)


def test_an_unreadable_profile_is_dropped_and_the_image_kept():
    data = save(Image.new("RGB", (64, 48), (255, 0, 0)), "PNG", icc_profile=b"not a profile" * 10)
    name, stored = clean(data, "logo.png")
    image = Image.open(io.BytesIO(stored))
    assert "icc_profile" not in image.info and image.getpixel((1, 1)) == (255, 0, 0)


def test_palette_png_keeps_its_transparency():
    image = Image.new("P", (32, 32), 1)
    image.putpalette([0, 0, 0, 0, 51, 160] + [0] * 762)
    image.paste(0, (0, 0, 16, 32))
    name, stored = clean(save(image, "PNG", transparency=0), "map.png")
    kept = Image.open(io.BytesIO(stored)).convert("RGBA")
    assert kept.getpixel((4, 4))[3] == 0 and kept.getpixel((24, 4)) == (0, 51, 160, 255)


# --- 3. Names ------------------------------------------------------------------

@pytest.mark.parametrize(("fmt", "sent_as", "extension"), [
    ("JPEG", "photo.png", "jpg"), ("PNG", "photo.jpg", "png"), ("WEBP", "photo.gif", "webp"),
    ("GIF", "photo.webp", "gif"), ("JPEG", "photo", "jpg"),
])
def test_stored_name_is_random_with_the_extension_of_the_real_format(fmt, sent_as, extension):
    data = still(fmt, (64, 48))
    first, _ = clean(data, sent_as)
    second, stored = clean(data, sent_as)
    assert RANDOM_NAME.fullmatch(first) and first.endswith("." + extension)
    assert first != second
    assert Image.open(io.BytesIO(stored)).format == fmt


# --- Polyglots -----------------------------------------------------------------

@pytest.mark.parametrize(("data", "message"), [
    (b"GIF89a<script>alert(1)</script>", "n’est pas une image valide"),
    (still("PNG", (64, 48)) + b"<html><script>alert(1)</script></html>", "code (HTML ou script) caché"),
    (save(Image.new("RGB", (64, 48)), "JPEG", comment=b"<script>alert(1)</script>"), "code (HTML ou script) caché"),
    (save(Image.new("P", (64, 48)), "GIF", comment=b"<svg onload=alert(1)>"), "code (HTML ou script) caché"),
    (save(Image.new("RGB", (64, 48)), "WEBP", xmp=b"<html><body onload=alert(1)>"), "code (HTML ou script) caché"),
], ids=["gif_header_script", "png_html_appended", "jpeg_script_comment", "gif_svg_comment", "webp_html_xmp"])
def test_polyglots_are_still_refused(data, message):
    assert message in refusal(data)
