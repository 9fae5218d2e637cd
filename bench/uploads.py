"""What one image upload costs: `.venv/bin/python bench/uploads.py`.

Builds the worst files that core.images accepts (the largest still JPEG, PNG,
WebP and GIF at the pixel limits, a noisy PNG, a CMYK JPEG, a 16-bit PNG, a
palette PNG with transparency, a photo with an ICC profile and an EXIF
rotation, the largest animations in GIF, WebP and APNG, the longest
progressive JPEG, a PNG whose text chunks inflate to 60 MB) and the hostile
ones it must refuse cheaply (the 729-byte GIF of 30 frames on a 6,000 x 6,000
canvas, its 12-frame sibling, endless frames, fragmented blocks and chunks, a
scan bomb, polyglots). Each runs `clean_image` in a fresh Python process,
with Django set up as in a gunicorn worker, which reads its peak resident
memory (ru_maxrss: Pillow allocates in C, where tracemalloc sees nothing)
before and after.

Prints a table (add --markdown for bench/UPLOADS.md) and exits 1 when an
accepted file takes more than 2 s or makes the peak grow by more than 256 MB,
or when a file meant to be refused is accepted (or the reverse). Not part of
the test suite: it takes a few minutes and its figures depend on the machine
and on what else runs on it: each file is measured in BENCH_UPLOADS_REPEAT
(3) fresh processes, the table shows the best time and the largest memory,
with the CPU seconds beside the wall seconds and the load average.
"""

import argparse
import functools
import io
import json
import os
import platform
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from datetime import date
from pathlib import Path

import PIL
from PIL import Image, ImageChops, ImageDraw, PngImagePlugin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "oim_site.settings"
os.environ.setdefault("DJANGO_DEBUG", "1")  # no secret key needed: nothing is served

MAX_SECONDS = 2.0
MAX_MB = 256
REPEAT = int(os.environ.get("BENCH_UPLOADS_REPEAT", 3))  # fresh processes per file


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


# --- files -------------------------------------------------------------------

@functools.cache
def _unit_noise(size):
    """Three planes of gaussian noise (sigma 64), made once per size: the slow part of building a file."""
    return tuple(Image.effect_noise(size, 64) for _ in range(3))


def _noise_rgb(size, sigma, base=None):
    scaled = [max(0, min(255, round(128 + (v - 128) * sigma / 64))) for v in range(256)]
    channels = [plane.point(scaled) for plane in _unit_noise(size)]
    if base is not None:
        channels = [ImageChops.add(base, channel, scale=2.0, offset=-64) for channel in channels]
    return Image.merge("RGB", channels)


def _gradient(size):
    return Image.linear_gradient("L").resize(size)


def _largest_under(build, limit):
    """The file of `build(level)` for the highest level whose file fits the byte limit."""
    best = None
    for level in (48, 32, 24, 16, 12, 8, 6, 4, 3, 2, 1):
        data = build(level)
        if len(data) <= limit:
            best = data
            break
    if best is None:
        raise RuntimeError("no level fits")
    return best


def _save(image, fmt, **options):
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def _side(pixels, ratio=1.5):
    """Width and height of a ratio:1 image of at most `pixels`."""
    height = int((pixels / ratio) ** 0.5)
    width = int(pixels // height)
    return width, height


def icc_profile_rgb(primaries=((0.6097, 0.3111, 0.0195), (0.2053, 0.6257, 0.0609), (0.1492, 0.0632, 0.7446))):
    """A minimal ICC v2 RGB display profile (matrix and gamma 2.2), wider than sRGB by default.

    Pillow can only create sRGB, LAB and XYZ profiles; a photo from a camera
    set to Adobe RGB carries one like this (the primaries are Adobe RGB's, D50).
    """

    def s15(value):
        return struct.pack(">i", round(value * 65536))

    def xyz(x, y, z):
        return b"XYZ \0\0\0\0" + s15(x) + s15(y) + s15(z)

    text = b"Bench wide-gamut RGB"
    desc = (b"desc\0\0\0\0" + struct.pack(">I", len(text) + 1) + text + b"\0"
            + b"\0" * 8 + b"\0" * 3 + b"\0" * 67)
    curve = b"curv\0\0\0\0" + struct.pack(">I", 1) + struct.pack(">H", 0x0233) + b"\0\0"
    (rx, ry, rz), (gx, gy, gz), (bx, by, bz) = primaries
    tags = [(b"desc", desc), (b"wtpt", xyz(0.9642, 1.0, 0.8249)), (b"rXYZ", xyz(rx, ry, rz)),
            (b"gXYZ", xyz(gx, gy, gz)), (b"bXYZ", xyz(bx, by, bz)), (b"rTRC", curve), (b"gTRC", curve),
            (b"bTRC", curve), (b"cprt", b"text\0\0\0\0public domain\0\0\0")]
    offset = 128 + 4 + 12 * len(tags)
    table, body = [], b""
    for signature, data in tags:
        while (offset + len(body)) % 4:
            body += b"\0"
        table.append(signature + struct.pack(">II", offset + len(body), len(data)))
        body += data
    size = offset + len(body)
    header = (struct.pack(">I", size) + b"\0" * 4 + b"\x02\x10\0\0" + b"mntrRGB XYZ " + b"\0" * 12 + b"acsp"
              + b"\0" * 24 + b"\0\0\0\0" + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 4 + b"\0" * 44)
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + b"".join(table) + body


def _exif_rotated():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    return exif.tobytes()


def jpeg_photo(pixels, limit, **options):
    width, height = _side(pixels)
    base = _gradient((width, height))
    return _largest_under(lambda sigma: _save(_noise_rgb((width, height), sigma, base), "JPEG", quality=90,
                                              **options), limit)


def jpeg_cmyk(pixels, limit, **options):
    width, height = _side(pixels)
    base = _gradient((width, height))
    return _largest_under(lambda sigma: _save(_noise_rgb((width, height), sigma, base).convert("CMYK"), "JPEG",
                                              quality=90, **options), limit)


def jpeg_many_scans(pixels, scans, **options):
    """A progressive JPEG whose last scan is repeated until it has `scans` scans.

    libjpeg warns about the repeated band and decodes it anyway: every scan is
    one more pass over every block of the image, whatever its size in bytes.
    """
    data = _save(Image.new("RGB", _side(pixels), (0, 51, 160)), "JPEG", quality=90, progressive=True, **options)
    last = data.rfind(b"\xff\xda")
    end = data.rfind(b"\xff\xd9")
    count = data.count(b"\xff\xda")
    return data[:end] + data[last:end] * (scans - count) + data[end:]


def png_rgba(pixels, limit):
    width, height = _side(pixels)
    base = _gradient((width, height))

    def build(sigma):
        noise = Image.effect_noise((width, height), sigma).point(lambda v: v // 16 * 16)
        return _save(Image.merge("RGBA", (base, noise, base.transpose(Image.Transpose.FLIP_LEFT_RIGHT), base)),
                     "PNG")

    return _largest_under(build, limit)


def png_noise(limit):
    pixels = limit // 3
    data = _save(Image.frombytes("RGB", _side(pixels), os.urandom(_side(pixels)[0] * _side(pixels)[1] * 3)), "PNG")
    while len(data) > limit:
        pixels = int(pixels * 0.95)
        size = _side(pixels)
        data = _save(Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)), "PNG")
    return data


def png_16bit(pixels):
    width, height = _side(pixels)
    image = _gradient((width, height)).convert("I").point(lambda v: v * 257).convert("I;16")
    return _save(image, "PNG")


def png_palette(pixels):
    width, height = _side(pixels)
    image = _noise_rgb((width // 8, height // 8), 60).resize((width, height)).quantize(64)
    return _save(image, "PNG", transparency=0)


def png_text_bomb(limit):
    """A small PNG with zTXt chunks that inflate to 1 MB each (Pillow's per-chunk limit), 60 of them."""

    info = PngImagePlugin.PngInfo()
    text = zlib.compress(b"A" * (1024 * 1024 - 64), 9)
    for index in range(60):
        info.add(b"zTXt", f"bomb{index}".encode() + b"\0\0" + text)
    return _save(Image.new("RGB", (64, 64), (0, 51, 160)), "PNG", pnginfo=info)


def png_many_chunks(limit):

    data = _save(Image.new("RGB", (64, 64), (0, 51, 160)), "PNG")
    chunk = struct.pack(">I", 0) + b"zzZz" + struct.pack(">I", zlib.crc32(b"zzZz"))
    count = (limit - len(data)) // len(chunk)
    return data[:33] + chunk * count + data[33:]


def webp_still(pixels, limit, mode="RGB"):
    width, height = _side(pixels)
    base = _gradient((width, height))

    def build(sigma):
        image = _noise_rgb((width, height), sigma, base)
        if mode == "RGBA":
            image.putalpha(base)
        return _save(image, "WEBP", quality=90)

    return _largest_under(build, limit)


def _blocks(size, block, sigma=60):
    """Noise in block x block squares: as costly to decode as the canvas, as compressible as `block` says."""
    small = (max(1, size[0] // block), max(1, size[1] // block))
    return _noise_rgb(small, sigma).resize(size, Image.Resampling.NEAREST)


def _smallest_block(build, limit):
    for block in (1, 2, 4, 8, 16, 32, 64, 128):
        data = build(block)
        if len(data) <= limit:
            return data
    raise RuntimeError("no block size fits")


def gif_still(pixels, limit):
    size = _side(pixels)
    return _smallest_block(lambda block: _save(_blocks(size, block).quantize(256), "GIF"), limit)


def _moving_frames(count, size, block):
    """Frames that all differ (a band moving over noise), so that no encoder can merge them."""
    background = _blocks(size, block)
    for index in range(count):
        frame = background.copy()
        x = index * size[0] // count
        ImageDraw.Draw(frame).rectangle((x, 0, x + max(4, size[0] // 10), size[1]), fill=(255, 204, 0))
        yield frame


def animation(fmt, frames, canvas_pixels, limit, **options):
    size = _side(canvas_pixels, ratio=1)

    def build(block):
        images = list(_moving_frames(frames, size, block))
        if fmt == "GIF":
            images = [image.quantize(256) for image in images]
        return _save(images[0], fmt, save_all=True, append_images=images[1:], duration=40, loop=0, **options)

    return _smallest_block(build, limit)


def gif_bomb(frames, side=6000):
    """frames 1 x 1 images on a side x side canvas: 729 bytes for 30 frames."""
    header = b"GIF89a" + side.to_bytes(2, "little") * 2 + b"\x80\x00\x00" + b"\x00\x00\x00\xff\xff\xff"
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    frame = (b"\x21\xf9\x04\x00\x0a\x00\x00\x00"  # graphic control: 100 ms
             + b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00"  # a 1 x 1 image at 0, 0
             + b"\x02\x02\x44\x01\x00")  # LZW: clear, pixel 0, end
    return header + loop + frame * frames + b"\x3b"


def gif_fragmented_comment(limit):
    """A comment cut into 1-byte sub-blocks: Pillow joins them with bytes +=, in quadratic time."""
    data = _save(Image.new("P", (64, 64)), "GIF")
    count = (limit - len(data)) // 2 - 16
    return data[:-1] + b"\x21\xfe" + b"\x01A" * count + b"\x00" + data[-1:]


def webp_bomb(frames, side):
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0), (0, 255, 255), (255, 0, 255)]
    images = [Image.new("RGB", (side, side), colours[index % len(colours)]) for index in range(frames)]
    return _save(images[0], "WEBP", save_all=True, append_images=images[1:], duration=40, quality=10, method=0)


def apng_bomb(declared, side=5000):
    """An APNG whose acTL declares `declared` frames on a side x side canvas, each new frame 1 x 1."""

    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    def control(sequence, size):
        return chunk(b"fcTL", struct.pack(">IIIIIHHBB", sequence, size, size, 0, 0, 1, 25, 0, 0))

    parts = [b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)),
             chunk(b"acTL", struct.pack(">II", declared, 0)), control(0, side),
             chunk(b"IDAT", zlib.compress(b"\x00" * (side + 1) * side, 9))]
    for index in range(1, declared):
        parts.append(control(2 * index - 1, 1))
        parts.append(chunk(b"fdAT", struct.pack(">I", 2 * index) + zlib.compress(b"\x00\x00")))
    parts.append(chunk(b"IEND", b""))
    return b"".join(parts)


def cases():
    """name -> (file name, bytes, expected: True accepted / False refused)."""
    from django.conf import settings
    Image.MAX_IMAGE_PIXELS = None
    still = settings.IMAGE_MAX_PIXELS
    webp = min(still, settings.IMAGE_MAX_WEBP_PIXELS)
    png = min(still, settings.IMAGE_MAX_PNG_PIXELS)
    total = settings.IMAGE_MAX_ANIMATION_PIXELS
    frames = settings.IMAGE_MAX_FRAMES
    limit = settings.IMAGE_MAX_BYTES
    from core.images import JPEG_MAX_SCANS

    yield "jpeg_24mp_camera", "DSC_0001.JPG", _with_exif(jpeg_photo(24_000_000, limit)), True
    yield "jpeg_at_limit_rotated_icc", "photo.jpg", jpeg_photo(still, limit, exif=_exif_rotated(),
                                                                 icc_profile=icc_profile_rgb()), True
    yield "jpeg_cmyk_at_limit_rotated", "print.jpg", jpeg_cmyk(still, limit, exif=_exif_rotated()), True
    yield f"jpeg_{JPEG_MAX_SCANS}_scans_rotated_icc", "scans.jpg", jpeg_many_scans(
        still, JPEG_MAX_SCANS, exif=_exif_rotated(), icc_profile=icc_profile_rgb()), True
    yield "png_rgba_at_limit", "screen.png", png_rgba(png, limit), True
    yield "png_noise_10mb", "noise.png", png_noise(limit), True
    yield "png_16bit_at_limit", "scan.png", png_16bit(png), True
    yield "png_palette_alpha_at_limit", "map.png", png_palette(png), True
    yield "png_text_bomb_60mb", "text.png", png_text_bomb(limit), True
    yield "webp_at_limit", "photo.webp", webp_still(webp, limit), True
    yield "webp_alpha_at_limit", "cutout.webp", webp_still(webp, limit, mode="RGBA"), True
    yield "webp_lossless_at_limit", "logo.webp", _smallest_block(
        lambda block: _save(_blocks(_side(webp), block), "WEBP", lossless=True, method=0), limit), True
    yield "gif_still_at_limit", "map.gif", gif_still(still, limit), True
    yield "gif_anim_at_limit", "anim.gif", animation("GIF", 50, total // 50, limit), True
    yield f"gif_anim_{frames}_frames", "long.gif", animation("GIF", frames, total // frames, limit), True
    yield "webp_anim_at_limit", "anim.webp", animation("WEBP", 30, total // 30, limit, quality=80), True
    yield f"webp_anim_{frames}_frames", "long.webp", animation("WEBP", frames, max(total // frames, 256), limit), True
    yield "apng_anim_at_limit", "anim.png", animation("PNG", 30, total // 30, limit), True
    yield f"apng_anim_{frames}_frames", "long.png", animation("PNG", frames, total // frames, limit), True
    # Refused
    yield "gif_729_bytes_30_frames_6000px", "bomb.gif", gif_bomb(30), False
    yield "gif_12_frames_6000px", "bomb12.gif", gif_bomb(12), False
    yield "gif_100000_frames", "endless.gif", gif_bomb(100_000, side=16), False
    yield "gif_fragmented_comment", "comment.gif", gif_fragmented_comment(limit), False
    yield "webp_anim_over_limit", "bomb.webp", webp_bomb(10, 2000), False
    yield "apng_over_limit", "bomb.png", apng_bomb(10, side=3000), False
    yield "png_800000_chunks", "chunks.png", png_many_chunks(limit), False
    yield "jpeg_10000_scans", "scans.jpg", jpeg_many_scans(still, 10_000), False
    yield "jpeg_over_pixel_limit", "big.jpg", _save(Image.new("L", _side(still * 1.2)), "JPEG"), False
    yield "polyglot_gif_script", "a.gif", b"GIF89a<script>alert(1)</script>", False
    html = b"<html><script>alert(1)</script></html>"
    yield "png_with_html_appended", "a.png", _save(Image.new("RGB", (64, 48)), "PNG") + html, False


def _with_exif(data):
    image = Image.open(io.BytesIO(data))
    exif = Image.Exif()
    exif[0x010F] = "Camera"
    exif[0x0112] = 8
    return _save(image, "JPEG", quality=90, exif=exif.tobytes())


# --- measure -----------------------------------------------------------------

def run_one(path, name):
    """In a fresh process: clean_image on the file, its time and peak memory, as one JSON line."""
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.images import clean_image, validate_image

    upload = SimpleUploadedFile(name, Path(path).read_bytes())
    before = peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    try:
        cleaned = clean_image(upload)
        result = {"accepted": True, "out": cleaned.size, "name": cleaned.name}
    except ValidationError as exc:
        result = {"accepted": False, "message": " ".join(exc.messages), "code": exc.error_list[0].code}
    result.update(seconds=time.perf_counter() - start, cpu=time.process_time() - cpu, before_mb=before,
                  peak_mb=peak_mb())
    # The form and the model field validate before the field cleans: the
    # admin pays validate_image twice more (its memory is not measured here).
    start = time.perf_counter()
    try:
        validate_image(upload)
    except ValidationError:
        pass
    result["validate"] = time.perf_counter() - start
    print(json.dumps(result))


def generate(folder):
    """In its own process, so that the measuring ones start small: write the files and their manifest."""
    import django

    django.setup()
    manifest = []
    for case, name, data, expected in cases():
        (Path(folder) / case).write_bytes(data)
        manifest.append({"case": case, "name": name, "bytes": len(data), "expected": expected})
        print(f"built {case} ({len(data):,} bytes)", file=sys.stderr)
    (Path(folder) / "manifest.json").write_text(json.dumps(manifest))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--one", nargs=2, metavar=("PATH", "NAME"), help=argparse.SUPPRESS)
    parser.add_argument("--generate", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return run_one(*args.one)
    if args.generate:
        return generate(args.generate)

    # This process stays small (no Django apps, no Pillow image): Linux hands a
    # child the parent's peak as its starting ru_maxrss.
    rows, failures = [], []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, __file__, "--generate", folder], check=True)
        for entry in json.loads((Path(folder) / "manifest.json").read_text()):
            case, expected = entry["case"], entry["expected"]
            runs = []
            for _ in range(REPEAT):
                answer = subprocess.run([sys.executable, __file__, "--one", str(Path(folder) / case), entry["name"]],
                                        capture_output=True, text=True, check=False)
                if answer.returncode:
                    failures.append(f"{case}: the measuring process failed\n{answer.stderr}")
                    break
                runs.append(json.loads(answer.stdout.strip().splitlines()[-1]))
            if len(runs) < REPEAT:
                continue
            # Time: the best run (what the code costs, not what the other
            # processes of the machine took from it); memory: the worst.
            result = min(runs, key=lambda run: run["seconds"])
            result.update(cpu=min(run["cpu"] for run in runs), validate=min(run["validate"] for run in runs),
                          before_mb=min(run["before_mb"] for run in runs), peak_mb=max(run["peak_mb"] for run in runs))
            result.update(entry)
            rows.append(result)
            grown = result["peak_mb"] - result["before_mb"]
            print(f"{case:<36} {'accepted' if result['accepted'] else 'refused':<9}"
                  f"{result['seconds']:6.2f} s {grown:6.0f} MB", file=sys.stderr)
            if result["accepted"] != expected:
                failures.append(f"{case}: expected {'accepted' if expected else 'refused'}, "
                                f"got {result.get('message') or 'accepted'}")
            elif result["accepted"] and (result["seconds"] > MAX_SECONDS or grown > MAX_MB):
                failures.append(f"{case}: {result['seconds']:.2f} s, +{grown:.0f} MB "
                                f"(at most {MAX_SECONDS} s, +{MAX_MB} MB)")
    print_table(rows, markdown=args.markdown)
    for failure in failures:
        print("FAIL", failure)
    return 1 if failures else 0


def print_table(rows, markdown=False):
    from django.conf import settings

    print(f"{date.today():%Y-%m-%d}, {platform.node() or 'machine'}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, Pillow {PIL.__version__}; limits: "
          f"{settings.IMAGE_MAX_BYTES:,} bytes, {settings.IMAGE_MAX_PIXELS:,} px still, "
          f"{settings.IMAGE_MAX_PNG_PIXELS:,} px PNG, {settings.IMAGE_MAX_WEBP_PIXELS:,} px WebP, "
          f"{settings.IMAGE_MAX_FRAMES} frames, "
          f"{settings.IMAGE_MAX_ANIMATION_PIXELS:,} px animation; ceiling {MAX_SECONDS} s, +{MAX_MB} MB; "
          f"best of {REPEAT} runs; load average {os.getloadavg()[0]:.1f}\n")
    head = ("case", "bytes", "result", "seconds", "CPU s", "peak MB", "+MB", "validate s")
    lines = [(row["case"], f"{row['bytes']:,}",
              "accepted" if row["accepted"] else f"refused ({row['code']})",
              f"{row['seconds']:.2f}", f"{row['cpu']:.2f}", f"{row['peak_mb']:.0f}",
              f"{row['peak_mb'] - row['before_mb']:.0f}", f"{row['validate']:.2f}")
             for row in rows]
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join(" --- " for _ in head) + "|")
        for line in lines:
            print("| " + " | ".join(line) + " |")
        return
    widths = [max(len(str(cell)) for cell in column) for column in zip(head, *lines, strict=False)]
    for line in (head, *lines):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))


if __name__ == "__main__":
    sys.exit(main())
