"""Time and memory of core.document_files.inspect_document on the worst documents, accepted and hostile.

    .venv/bin/python bench/documents.py            # all cases, a Markdown table, exit 1 on a failure
    .venv/bin/python bench/documents.py --keep DIR # also keep the generated files in DIR

Each case is built here, written to a temporary directory, then judged in a
fresh Python process (Django set up, the file read from disk by
inspect_document), which reports the wall time of inspect_document and its
peak resident memory (resource.getrusage(RUSAGE_SELF).ru_maxrss, the whole
process: Python, Django and the file included; the baseline after
django.setup() is shown apart). Fails (exit 1) if an accepted case takes more
than 2 s or 256 MB, or if a case is not judged as expected. Figures in
bench/DOCUMENTS.md.
"""

import io
import json
import os
import random
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_SECONDS = 2.0
MAX_RSS_MB = 256
MB = 1024 * 1024


# --- Builders ---------------------------------------------------------------------------------

def pdf_from_objects(objects, streams=(), version=b"1.5", per_stream=1000, placed=None):
    """A PDF whose dictionaries sit in compressed object streams (as Acrobat and Word write them),
    with `streams` ((number, dictionary, data)) as plain stream objects, and a cross-reference stream.
    `placed` lists objects said to be in one of `streams` ({number: (stream number, index)})."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    numbers = sorted(objects)
    next_number = max([*numbers, *(number for number, _d, _s in streams), *(placed or ())]) + 1
    where = {number: (2, stream, index) for number, (stream, index) in (placed or {}).items()}
    for number, dictionary, data in streams:
        where[number] = (1, len(out), 0)
        out += b"%d 0 obj\n%s\nstream\n" % (number, dictionary) + data + b"\nendstream\nendobj\n"
    for start in range(0, len(numbers), per_stream):
        chunk = numbers[start:start + per_stream]
        header, body = b"", b""
        for index, number in enumerate(chunk):
            header += b"%d %d " % (number, len(body))
            body += objects[number] + b"\n"
            where[number] = (2, next_number, index)
        packed = zlib.compress(header + body, 6)
        where[next_number] = (1, len(out), 0)
        out += (b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
                % (next_number, len(chunk), len(header), len(packed)) + packed + b"\nendstream\nendobj\n")
        next_number += 1
    xref_number = next_number
    where[xref_number] = (1, len(out), 0)
    size = xref_number + 1
    rows = b"".join(struct.pack(">BIH", *where.get(number, (0, 0, 0xFFFF))) for number in range(size))
    packed = zlib.compress(rows)
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length %d >>\nstream\n"
            % (xref_number, size, len(packed)) + packed + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % where[xref_number][1]
    return bytes(out)


def many_pages_pdf(pages=40_000, image_bytes=0, last_action=None):
    """A long report: `pages` pages in a balanced page tree, a link annotation (URI action) on each
    (`last_action` on the last one), and optionally an incompressible image of `image_bytes`."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    node_count = (pages + 999) // 1000
    first_node, first_page = 3, 3 + node_count
    kids_of_root = b" ".join(b"%d 0 R" % (first_node + n) for n in range(node_count))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids_of_root, pages)
    image = first_page + 2 * pages
    resources = b"<< /XObject << /Im0 %d 0 R >> >>" % image if image_bytes else b"<< >>"
    for n in range(node_count):
        kids = range(n * 1000, min(pages, (n + 1) * 1000))
        objects[first_node + n] = b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % (first_page + 2 * k) for k in kids), len(kids))
        for k in kids:
            objects[first_page + 2 * k] = (
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources %s /Annots [%d 0 R] >>"
                % (first_node + n, resources, first_page + 2 * k + 1))
            action = b"<< /S /URI /URI (https://www.oim.fr/p/%d) >>" % k
            if last_action and k == pages - 1:
                action = last_action
            objects[first_page + 2 * k + 1] = b"<< /Type /Annot /Subtype /Link /Rect [50 50 200 80] /A %s >>" % action
    streams = []
    if image_bytes:
        side = int((image_bytes / 3) ** 0.5)
        data = random.Random(7).randbytes(side * side * 3)
        streams.append((image, b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                               b"/BitsPerComponent 8 /Length %d >>" % (side, side, len(data)), data))
    return pdf_from_objects(objects, streams)


def classic_pdf(pages=1_200, annotations=100):
    """PDF 1.4 as older tools write it: every object uncompressed in the body, a classic xref table.
    1,200 pages with 100 link annotations each: 121,200 objects in about 18 MB."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    node_count = (pages + 999) // 1000
    first_node = 3
    number = first_node + node_count
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % (first_node + n) for n in range(node_count)), pages)
    kids = {n: [] for n in range(node_count)}
    for page in range(pages):
        node = page // 1000
        page_number = number
        annots = range(page_number + 1, page_number + 1 + annotations)
        objects[page_number] = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Annots [%s] >>" % (
            first_node + node, b" ".join(b"%d 0 R" % a for a in annots))
        for a in annots:
            objects[a] = (b"<< /Type /Annot /Subtype /Link /Rect [50 50 200 80] "
                          b"/A << /S /URI /URI (https://www.oim.fr/p/%d) >> >>" % a)
        kids[node].append(page_number)
        number += 1 + annotations
    for node, pages_of_node in kids.items():
        objects[first_node + node] = b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % k for k in pages_of_node), len(pages_of_node))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (n, objects[n])
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
                    for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def object_stream_pdf(decompressed=30 * MB):
    """One page, and object streams holding `decompressed` bytes of dictionaries in all (just under the limit)."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"}
    words = b"migration integration OIM rapport annexe programme Paris Marseille".split()
    rng = random.Random(3)
    number, total = 4, 0
    while total < decompressed:
        text = b" ".join(rng.choice(words) for _ in range(24))
        objects[number] = b"<< /Type /Annot /Subtype /Text /Contents (%s %d) >>" % (text, number)
        total += len(objects[number]) + 8
        number += 1
    return pdf_from_objects(objects, per_stream=5000)


def ooxml(entries, part="word/document.xml",
          content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'content-types"><Default Extension="xml" ContentType="application/xml"/>'
                         f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>')
        archive.writestr(part, "<document/>")
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()


def big_pptx():
    """4,990 entries (the limit is 5,000) holding 19 MB of photos."""
    rng = random.Random(5)
    photos = [(f"ppt/media/image{i}.jpeg", rng.randbytes(19 * MB // 1000)) for i in range(1000)]
    slides = [(f"ppt/slides/slide{i}.xml", f"<p:sld><p:txBody>Diapositive {i}</p:txBody></p:sld>" * 20)
              for i in range(3988)]
    return ooxml(photos + slides, "ppt/presentation.xml",
                 "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")


def big_xlsx():
    """800,000 rows of numbers in 8 sheets: about 18 MB, 93 MB of XML once decompressed."""
    rng = random.Random(9)
    sheets = []
    for i in range(8):
        rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{rng.randint(0, 10**6)}</v></c><c r="B{r}" t="s">'
                       f'<v>{rng.randint(0, 500)}</v></c><c r="C{r}"><v>{rng.random():.4f}</v></c></row>'
                       for r in range(100_000))
        sheets.append((f"xl/worksheets/sheet{i}.xml", rows))
    return ooxml(sheets, "xl/workbook.xml",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")


def zip_bomb():
    """200 MB of zeros per entry, 10 entries: 2 GB declared in a file of about 2 MB."""
    return ooxml([(f"word/media/zeros{i}.bin", b"\x00" * (200 * MB)) for i in range(10)])


def zip_declared_bomb():
    data = bytearray(ooxml([(f"word/part{i}.xml", b"<x/>") for i in range(4000)]))
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        data[at + 24:at + 28] = struct.pack("<L", MB)  # each entry "1 MB": 4 GB in all
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def zip_many_entries():
    """About 200,000 empty entries in a 19 MB file: refused from the end record, before zipfile reads them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for i in range(200_000):
            archive.writestr(f"{i:x}", b"")
    return out.getvalue()


def pdf_garbage(size=19 * MB):
    """A PDF header, then obj-like garbage and no cross-reference: pypdf rebuilds the table by scanning it."""
    rng = random.Random(1)
    lines = [b"%d 0 obj\n<< /Length %d >>\nendobj\n" % (i, rng.randint(0, 10**6)) for i in range(size // 32)]
    return (b"%PDF-1.7\n" + b"".join(lines))[:size] + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def pdf_nested(depth=1_000_000):
    return b"%PDF-1.7\n1 0 obj\n" + b"[" * depth + b"\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"


def pdf_object_stream_bomb():
    """The page sits in an object stream inflating to 2 GB of spaces: pypdf stops at PDF_LIMITS."""
    compressor = zlib.compressobj(9)
    packed = b"".join(compressor.compress(b" " * MB) for _ in range(2048)) + compressor.flush()
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"}
    bomb = (4, b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>" % len(packed), packed)
    return pdf_from_objects(objects, streams=[bomb], placed={3: (4, 0)})


def pdf_huge_xref_table(entries=950_000):
    """A valid one-page PDF whose classic xref table lists 950,000 entries (18 MB)."""
    out = bytearray(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                    b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n")
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % entries + b"0000000009 00000 n \n" * (entries - 1)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (entries, xref)
    return bytes(out)


def pdf_page_tree_loop():
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               2: b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
               3: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>"}
    return pdf_from_objects(objects)


def html_renamed(size=19 * MB):
    return b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script>" + b"<p>x</p>" * (size // 8)


def ole2(size=19 * MB):
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(2).randbytes(size)


# Accepted cases must stay under MAX_SECONDS and MAX_RSS_MB; "refused" cases name the expected code.
CASES = [
    ("accepted", "PDF, 40,000 pages with a link each, in object streams", lambda: many_pages_pdf(40_000), "pdf"),
    ("accepted", "PDF, 19 MB: 2,000 pages and a 19 MB scanned image", lambda: many_pages_pdf(2_000, 19 * MB), "pdf"),
    ("accepted", "PDF, object streams of 30 MB decompressed (limit 32)", object_stream_pdf, "pdf"),
    ("accepted", "PDF 1.4, 121,200 uncompressed objects, classic xref table", classic_pdf, "pdf"),
    ("accepted", "PPTX, 19 MB, 4,990 entries (limit 5,000)", big_pptx, "pptx"),
    ("accepted", "XLSX, 800,000 rows in 8 sheets (93 MB of XML)", big_xlsx, "xlsx"),
    ("hostile", "ZIP bomb: 2 GB of zeros deflated into 2 MB", zip_bomb, "document_zip_ratio"),
    ("hostile", "ZIP: 4,000 entries declaring 1 MB each in 0.5 MB", zip_declared_bomb, "document_zip_size"),
    ("hostile", "ZIP: 200,000 entries, 19 MB directory", zip_many_entries, "document_zip_entries"),
    ("hostile", "PDF: 19 MB of object-like garbage, no xref", pdf_garbage, "document_unreadable"),
    ("hostile", "PDF: 1,000,000 nested arrays", pdf_nested, "document_unreadable"),
    ("hostile", "PDF: object stream inflating to 2 GB", pdf_object_stream_bomb, "document_pdf_complex"),
    ("hostile", "PDF: object streams of 40 MB decompressed", lambda: object_stream_pdf(40 * MB),
     "document_pdf_complex"),
    ("hostile", "PDF: classic xref table of 950,000 entries", pdf_huge_xref_table, "document_pdf_complex"),
    ("hostile", "PDF: page tree loop", pdf_page_tree_loop, "document_unreadable"),
    ("hostile", "PDF: 40,000 pages, JavaScript on the last link, in an object stream",
     lambda: many_pages_pdf(40_000, last_action=b"<< /S /JavaScript /JS (app.alert(1)) >>"), "document_pdf_javascript"),
    ("hostile", "HTML, 19 MB, named .pdf", html_renamed, "document_html"),
    ("hostile", "OLE2 (.doc), 19 MB", ole2, "document_legacy_office"),
]


# --- Measure ----------------------------------------------------------------------------------

def judge_one(path):
    """In the child: set Django up, judge the file, print the figures as JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oim_site.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)  # pypdf's warnings on the hostile files
    from django.core.exceptions import ValidationError
    from django.core.files import File

    from core.document_files import inspect_document

    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open(path, "rb") as handle:
        started = time.perf_counter()
        try:
            result = inspect_document(File(handle, name=os.path.basename(path))).extension
        except ValidationError as error:
            result = error.code
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"result": result, "seconds": seconds, "peak_mb": peak, "baseline_mb": baseline}))


def build_all(folder):
    """In a child of its own: build every case (some take GBs to build) and write it to `folder`."""
    sizes = []
    for number, (_group, _label, build, _expected) in enumerate(CASES):
        data = build()
        (folder / f"case{number:02d}.bin").write_bytes(data)
        sizes.append(len(data))
    (folder / "sizes.json").write_text(json.dumps(sizes))


def main(argv):
    if len(argv) == 2 and argv[0] == "--one":
        return judge_one(argv[1])
    if len(argv) == 2 and argv[0] == "--build":
        return build_all(Path(argv[1]))
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    failures = []
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        # Built elsewhere: a judge forked from a process that once held GBs would report them as its
        # peak (Linux keeps ru_maxrss across fork and exec). This process stays small.
        subprocess.run([sys.executable, __file__, "--build", str(folder)], check=True, cwd=ROOT)
        sizes = json.loads((folder / "sizes.json").read_text())
        for number, (group, label, _build, expected) in enumerate(CASES):
            path = folder / f"case{number:02d}.bin"
            size = sizes[number]
            child = subprocess.run([sys.executable, __file__, "--one", str(path)], capture_output=True, text=True,
                                   cwd=ROOT, timeout=600)
            if child.returncode != 0:
                failures.append(f"{label}: the child failed\n{child.stderr[-2000:]}")
                continue
            figures = json.loads(child.stdout.strip().splitlines()[-1])
            verdict = "ok"
            if figures["result"] != expected:
                verdict = f"FAIL (expected {expected})"
            elif group == "accepted" and (figures["seconds"] > MAX_SECONDS or figures["peak_mb"] > MAX_RSS_MB):
                verdict = f"FAIL (over {MAX_SECONDS} s or {MAX_RSS_MB} MB)"
            if verdict != "ok":
                failures.append(f"{label}: {verdict}")
            rows.append((group, label, size / MB, figures, verdict))
            print(f"{group:8} {figures['seconds']:6.2f} s {figures['peak_mb']:6.0f} MB  {label}", file=sys.stderr)
    print(f"Peak RSS after django.setup(), before judging: {min(r[3]['baseline_mb'] for r in rows):.0f} MB. "
          f"Limits for accepted cases: {MAX_SECONDS} s, {MAX_RSS_MB} MB.\n")
    print("| case | kind | file | result | time | peak RSS | |")
    print("| --- | --- | ---: | --- | ---: | ---: | --- |")
    for group, label, size, figures, verdict in rows:
        print(f"| {label} | {group} | {size:.1f} MB | {figures['result']} | {figures['seconds']:.2f} s "
              f"| {figures['peak_mb']:.0f} MB | {verdict} |")
    if failures:
        print("\n" + "\n".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) or 0)
