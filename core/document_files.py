"""Uploaded documents are judged by their content, never by their name.

Accepted: PDF, Word, Excel and PowerPoint in their Open XML formats (.docx,
.xlsx, .pptx) and OpenDocument text, spreadsheet and presentation (.odt,
.ods, .odp), within settings.DOCUMENT_MAX_BYTES. What a file is comes from
its bytes (magic numbers and structure); the name and the content type the
browser claims are ignored, and the stored copy gets a random name with the
extension of what it really is (clean_document). A document a reader opens
from the site must not be able to run code there or on the reader's
machine, so:

- PDF: starts with ``%PDF-``, is opened by pypdf (cross-reference, trailer,
  catalogue, object streams and the first branch of the page tree: never the
  page contents, never every page) and declares at least one page.
  Encrypted PDFs are refused (they cannot be checked), and so are PDFs with
  JavaScript or Launch actions, wherever the action sits (a name scan of the
  file and of its object streams, and the catalogue's /OpenAction, /AA,
  /Names), and XFA forms (scripted XML forms). HTML in the first kilobyte
  of a PDF or a ZIP, where browsers sniff, is refused too (polyglots).
- Open XML: a ZIP with ``[Content_Types].xml`` and the main part of its
  kind (word/document.xml, xl/workbook.xml, ppt/presentation.xml) declared
  with the ordinary, macro-free content type. Macro-enabled content
  (vbaProject.bin, macroEnabled types) and ActiveX controls are refused.
- OpenDocument: a ZIP whose ``mimetype`` entry names one of the three kinds,
  with its content.xml; Basic or script macros are refused.
- ZIPs are judged from their central directory before anything is
  decompressed: number of entries, total declared uncompressed size and
  compression ratio (zip bombs), entry names (no absolute path, ``..``,
  backslash or NUL), no duplicate or encrypted entry. Only the few small
  parts needed to tell the kind are read, and only up to a bound.
- Refused whatever their name, with a message saying what they are: the
  legacy binary Office formats (OLE2 .doc/.xls/.ppt: macros we cannot
  check; the message asks for .docx/.xlsx/.pptx or PDF), HTML, SVG, XML,
  JavaScript, programs (Windows, Linux, macOS) and shebang scripts.
  Anything else is refused as unknown.

Every refusal is a ValidationError with a French message that states the
limit or the accepted kinds. The work on a hostile file is bounded: the
file is at most DOCUMENT_MAX_BYTES and is read once; the ZIP limits apply
before zipfile reads the directory; a PDF may have at most PDF_MAX_OBJECTS
cross-reference entries (counted before pypdf reads a classic table) and
PDF_MAX_OBJECT_STREAM_BYTES of object streams, pypdf runs under tighter
limits (PDF_LIMITS), and any exception it raises, RecursionError included,
means "unreadable". bench/documents.py measures time and memory on the
worst cases (bench/DOCUMENTS.md: under 1 s and 140 MB for the worst
accepted ones).
"""

import io
import re
import struct
import uuid
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class DocumentKind:
    """What a document really is: stored extension, the name readers know, served type, shown in the browser."""

    extension: str
    label: str
    mime_type: str
    inline: bool


KINDS = {
    kind.extension: kind
    for kind in (
        DocumentKind("pdf", "PDF", "application/pdf", inline=True),
        DocumentKind("docx", "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     inline=False),
        DocumentKind("xlsx", "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     inline=False),
        DocumentKind("pptx", "PowerPoint",
                     "application/vnd.openxmlformats-officedocument.presentationml.presentation", inline=False),
        DocumentKind("odt", "ODT", "application/vnd.oasis.opendocument.text", inline=False),
        DocumentKind("ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet", inline=False),
        DocumentKind("odp", "ODP", "application/vnd.oasis.opendocument.presentation", inline=False),
    )
}

#: Open XML: the main part of each kind and the only content type accepted for it (no macro, no template).
OOXML_MAIN_PARTS = {
    "word/document.xml": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "xl/workbook.xml": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "ppt/presentation.xml": (
        "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
}
ODF_MIMETYPES = {KINDS[ext].mime_type: ext for ext in ("odt", "ods", "odp")}

# ZIP bounds, checked on the central directory before anything is decompressed. A 1,000-slide
# presentation has about 4,000 entries; XML deflates 5 to 30 times, rarely more than 100.
ZIP_MAX_ENTRIES = 5000
ZIP_MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
ZIP_MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
ZIP_MAX_RATIO = 200
ZIP_RATIO_FLOOR = 1024 * 1024  # small entries (an empty sheet of zeros) may compress far better, harmlessly
ZIP_PART_MAX_BYTES = 2 * 1024 * 1024  # [Content_Types].xml or mimetype, read to tell the kind

# pypdf's own limits are meant for general use; ours only need the structure. A page tree of more
# than 50,000 entries or an object stream of more than 32 MB is not a publication.
PDF_LIMITS = {
    "zlib_maximum_output_length": 32 * 1024 * 1024,
    "lzw_maximum_output_length": 32 * 1024 * 1024,
    "run_length_maximum_output_length": 32 * 1024 * 1024,
    "brotli_maximum_output_length": 32 * 1024 * 1024,
    "array_based_stream_maximum_output_length": 32 * 1024 * 1024,
    "maximum_declared_stream_length": 32 * 1024 * 1024,
    "stream_decoding_work_maximum_length": 64 * 1024 * 1024,
    "page_tree_maximum_entries": 50_000,
    "page_tree_maximum_depth": 64,
    "page_tree_maximum_page_entries": 200_000,
}
PDF_MAX_OBJECT_STREAM_BYTES = 32 * 1024 * 1024  # all object streams together, decompressed
PDF_MAX_ACTION_CHAIN = 100  # /Next actions followed from the catalogue
PDF_MAX_OBJECTS = 200_000  # cross-reference entries; a 5,000-page report has about 50,000
PDF_MAX_XREF_TABLES = 1000  # classic tables (one per incremental update)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
# Browsers sniff the first kilobyte or so: markup there is refused even in a well-formed document.
SNIFF_BYTES = 1024
MARKUP = re.compile(
    rb"<\s*(?:script|html|head|body|svg|iframe|object|embed|meta|link|form|img|!doctype|\?php)\b|javascript:", re.I)
JAVASCRIPT = re.compile(
    r"\b(?:function\s*[\w$]*\s*\(|(?:var|let|const)\s+[\w$]+\s*=|document\s*\.\s*\w+|window\s*\.\s*\w+"
    r"|alert\s*\(|eval\s*\(|require\s*\(|import\s+.+\s+from\s|export\s+(?:default|function|const))"
)
EXECUTABLES = (
    (b"MZ", "Windows"),
    (b"\x7fELF", "Linux"),
    (b"\xfe\xed\xfa\xce", "macOS"), (b"\xfe\xed\xfa\xcf", "macOS"),
    (b"\xce\xfa\xed\xfe", "macOS"), (b"\xcf\xfa\xed\xfe", "macOS"), (b"\xca\xfe\xba\xbe", "macOS ou Java"),
    (b"\x00asm", "WebAssembly"),
)


def _pdf_name(name):
    """A regex for the PDF name <name> after its slash, also when spelled with #xx escapes (J#61vaScript)."""
    chars = "".join(
        f"(?:{re.escape(char)}|#[{code[0]}{code[0].upper()}][{code[1]}{code[1].upper()}])"
        for char, code in ((char, f"{ord(char):02x}") for char in name)
    )
    return (chars + r"(?=[\x00\t\n\x0c\r /\[\]()<>{}%]|\Z)").encode()


# The slash comes first, outside the alternation, so that the regex engine jumps from slash to slash.
PDF_ACTIONS = re.compile(b"/(?:(?P<javascript>" + _pdf_name("JavaScript") + b")|(?P<launch>" + _pdf_name("Launch")
                         + b"))")


def _accepted():
    return _("Formats acceptés : PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) "
             "et OpenDocument (.odt, .ods, .odp).")


def _refuse(message, code, **params):
    """A refusal that says what is accepted (the size refusals state their limit instead)."""
    return ValidationError(f"{message % params if params else message} {_accepted()}", code=code)


def _limit(message, code, **params):
    return ValidationError(message % params, code=code)


# --- What it is not -----------------------------------------------------------------------------

def _text_head(head):
    """The first bytes as text, when they are text (BOMs honoured), else None."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, errors="replace")
    if b"\x00" in head:
        return None
    return head.decode("utf-8", errors="replace")


def _not_a_document(head):
    """The refusal for a file that is none of the accepted kinds, as specific as we can tell."""
    for magic, system in EXECUTABLES:
        if head.startswith(magic):
            return _refuse(_("Ce fichier est un programme (%(system)s), quel que soit son nom : il est refusé."),
                           "document_program", system=system)
    if head.startswith(b"#!"):
        return _refuse(_("Ce fichier est un script exécutable, quel que soit son nom : il est refusé."),
                       "document_program")
    text = _text_head(head)
    if text is not None:
        lowered = text.lstrip().lower()
        if "<svg" in lowered[:SNIFF_BYTES * 4]:
            return _refuse(_("Ce fichier est une image SVG, qui peut contenir du code, quel que soit son nom : "
                             "il est refusé."), "document_svg")
        if MARKUP.search(lowered[:SNIFF_BYTES * 4].encode()) or lowered.startswith(("<!doctype html", "<html")):
            return _refuse(_("Ce fichier est une page web (HTML), qui peut contenir du code, quel que soit son nom : "
                             "il est refusé."), "document_html")
        if lowered.startswith("<?xml") or re.match(r"<[a-z_][\w.:-]*[\s>/]", lowered):
            return _refuse(_("Ce fichier est du XML, quel que soit son nom : il est refusé."), "document_xml")
        if JAVASCRIPT.search(text):
            return _refuse(_("Ce fichier contient du code JavaScript, quel que soit son nom : il est refusé."),
                           "document_javascript")
    return _refuse(_("Ce type de fichier n’est pas reconnu comme un document."), "document_unknown")


def _legacy_office(data):
    # An Office file protected by a password is also an OLE2 file, whatever its format: say so.
    if "EncryptedPackage".encode("utf-16-le") in data:
        return _refuse(_("Ce document est protégé par un mot de passe : il ne peut pas être vérifié. "
                         "Enregistrez-le sans mot de passe et renvoyez-le."), "document_encrypted")
    return _refuse(_("Les anciens formats Office (.doc, .xls, .ppt) sont refusés : ils peuvent contenir des macros "
                     "qui ne peuvent pas être vérifiées. Enregistrez le fichier en .docx, .xlsx ou .pptx, "
                     "ou exportez-le en PDF."), "document_legacy_office")


# --- ZIP: Open XML and OpenDocument -------------------------------------------------------------

def _zip_directory(data):
    """(entries, directory size) from the end-of-central-directory records, before zipfile reads anything."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end < 0 or len(data) - end < 22:
        raise ValueError("no end of central directory")
    _sig, _disk, _cd_disk, _here, entries, size, _offset, _comment = struct.unpack("<4s4H2LH", data[end:end + 22])
    if entries == 0xFFFF or size == 0xFFFFFFFF:
        locator = end - 20
        if locator < 0 or data[locator:locator + 4] != b"PK\x06\x07":
            raise ValueError("ZIP64 locator missing")
        (record,) = struct.unpack("<Q", data[locator + 8:locator + 16])
        if data[record:record + 4] != b"PK\x06\x06":
            raise ValueError("ZIP64 record missing")
        entries, size = struct.unpack("<QQ", data[record + 32:record + 48])
    return entries, size


def _unsafe_name(name):
    parts = name.split("/")
    return (
        not name or name.startswith("/") or "\\" in name or "\x00" in name or len(name) > 1024
        or any(part in ("..", ".") for part in parts) or re.match(r"^[A-Za-z]:", name)
        or any(ord(char) < 32 for char in name)
    )


def _read_part(archive, name):
    with archive.open(name) as part:
        return part.read(ZIP_PART_MAX_BYTES)


def _inspect_zip(data):
    unreadable = _refuse(_("Ce document est illisible ou endommagé (archive ZIP invalide) : il ne peut pas être "
                           "vérifié. Enregistrez-le à nouveau depuis le logiciel d’origine."), "document_unreadable")
    try:
        entries, directory_size = _zip_directory(data)
    except (ValueError, struct.error):
        raise unreadable from None
    if entries > ZIP_MAX_ENTRIES or directory_size > ZIP_MAX_DIRECTORY_BYTES:
        raise _limit(_("Ce document contient trop d’éléments (%(count)s) ; la limite est de %(limit)s."),
                     "document_zip_entries", count=entries, limit=ZIP_MAX_ENTRIES)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, struct.error,
            UnicodeDecodeError, NotImplementedError):
        raise unreadable from None
    if len(infos) > ZIP_MAX_ENTRIES:
        raise _limit(_("Ce document contient trop d’éléments (%(count)s) ; la limite est de %(limit)s."),
                     "document_zip_entries", count=len(infos), limit=ZIP_MAX_ENTRIES)
    names = set()
    total = 0
    for info in infos:
        if _unsafe_name(info.filename) or info.filename in names:
            raise _refuse(_("Ce document contient un chemin de fichier interdit ou en double (hors du document, "
                            "absolu ou avec « .. ») : il est refusé."), "document_zip_path")
        names.add(info.filename)
        if info.flag_bits & 0x1:
            raise _refuse(_("Ce document est protégé par un mot de passe : il ne peut pas être vérifié. "
                            "Enregistrez-le sans mot de passe et renvoyez-le."), "document_encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise unreadable
        total += info.file_size
        if info.file_size > ZIP_RATIO_FLOOR and info.file_size > ZIP_MAX_RATIO * max(info.compress_size, 1):
            raise _limit(_("Ce document est anormalement compressé (%(ratio)s fois pour un de ses éléments) ; "
                           "la limite est de %(limit)s fois (protection contre les bombes de décompression)."),
                         "document_zip_ratio", ratio=info.file_size // max(info.compress_size, 1), limit=ZIP_MAX_RATIO)
    if total > ZIP_MAX_UNCOMPRESSED_BYTES:
        raise _limit(_("Une fois décompressé, ce document ferait %(size)s ; la limite est de %(limit)s "
                       "(protection contre les bombes de décompression)."),
                     "document_zip_size", size=filesizeformat(total), limit=filesizeformat(ZIP_MAX_UNCOMPRESSED_BYTES))
    try:
        if "[Content_Types].xml" in names:
            return _ooxml_kind(_read_part(archive, "[Content_Types].xml"), names)
        if "mimetype" in names:
            return _odf_kind(_read_part(archive, "mimetype"), names)
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError, RuntimeError):
        raise unreadable from None
    raise _refuse(_("Cette archive ZIP n’est pas un document Office ou OpenDocument : elle est refusée."),
                  "document_zip_other")


def _macros():
    return _refuse(_("Ce document contient des macros ou des contrôles ActiveX : il est refusé. Enregistrez-le "
                     "dans un format sans macros (.docx, .xlsx, .pptx, OpenDocument) ou exportez-le en PDF."),
                   "document_macros")


CONTENT_TYPE_ENTRY = re.compile(rb"<(?:\w+:)?(Override|Default)\b([^>]*)>")
ATTRIBUTE = re.compile(rb"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _ooxml_kind(content_types, names):
    lowered_names = {name.lower() for name in names}
    if any(name.rsplit("/", 1)[-1] in ("vbaproject.bin", "vbadata.xml") or "/activex/" in f"/{name}"
           for name in lowered_names):
        raise _macros()
    declared = {}
    for _tag, attributes in CONTENT_TYPE_ENTRY.findall(content_types):
        values = {key.lower(): (double or single) for key, double, single in ATTRIBUTE.findall(attributes)}
        content_type = values.get(b"contenttype", b"").decode("ascii", "replace").strip()
        if re.search(r"macroenabled|vbaproject|vbadata|activex", content_type, re.I):
            raise _macros()
        if b"partname" in values:
            declared[values[b"partname"].decode("utf-8", "replace").lstrip("/").lower()] = content_type.lower()
    for part, (extension, content_type) in OOXML_MAIN_PARTS.items():
        if part in names:
            if declared.get(part) != content_type:
                raise _refuse(_("Ce document %(label)s n’est pas un document ordinaire (modèle, diaporama ou type "
                                "inconnu) : enregistrez-le en .%(extension)s."),
                              "document_ooxml_type", label=KINDS[extension].label, extension=extension)
            return KINDS[extension]
    raise _refuse(_("Ce fichier Office ne contient ni document Word, ni classeur Excel, ni présentation PowerPoint."),
                  "document_ooxml_main")


def _odf_kind(mimetype, names):
    extension = ODF_MIMETYPES.get(mimetype.strip().decode("ascii", "replace"))
    if extension is None or "content.xml" not in names:
        raise _refuse(_("Ce fichier OpenDocument n’est ni un texte, ni un classeur, ni une présentation."),
                      "document_odf_type")
    if any(name.startswith(("Basic/", "Scripts/")) for name in names):
        raise _macros()
    return KINDS[extension]


# --- PDF ----------------------------------------------------------------------------------------

class _PdfRefusal(Exception):
    """A finding of the PDF walk, turned into its message outside pypdf's try block."""


def _action_types(action):
    """The /S of an action and of the actions chained after it by /Next (a bounded walk)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    found = []
    queue = [action]
    for _step in range(PDF_MAX_ACTION_CHAIN):
        if not queue:
            break
        item = queue.pop()
        item = item.get_object() if item is not None else None
        if isinstance(item, ArrayObject):
            queue.extend(item)
        elif isinstance(item, DictionaryObject):
            found.append(str(item.get("/S", "")))
            if "/JS" in item:
                found.append("/JavaScript")
            if "/Next" in item:
                queue.append(item["/Next"])
    return found


def _check_pdf_actions(found, where):
    if "/JavaScript" in found:
        raise _PdfRefusal("javascript", where)
    if "/Launch" in found:
        raise _PdfRefusal("launch", where)


def _scan_names(data, where):
    match = PDF_ACTIONS.search(data)
    if match:
        raise _PdfRefusal("javascript" if match.group("javascript") else "launch", where)


def _walk_pdf(data):
    """Open with pypdf and read only the structure; raises _PdfRefusal, or whatever pypdf raises."""
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    reader = PdfReader(io.BytesIO(data), strict=False, xref_stream_maximum_entries=PDF_MAX_OBJECTS)
    if reader.is_encrypted:
        raise _PdfRefusal("encrypted", "")
    root = reader.trailer["/Root"].get_object()
    if not isinstance(root, DictionaryObject):
        raise ValueError("no catalogue")
    on_open = _("à l’ouverture")
    if "/OpenAction" in root:
        _check_pdf_actions(_action_types(root["/OpenAction"]), on_open)
    if "/AA" in root:
        additional = root["/AA"].get_object()
        if isinstance(additional, DictionaryObject):
            for action in additional.values():
                _check_pdf_actions(_action_types(action), on_open)
    if "/Names" in root:
        names = root["/Names"].get_object()
        if isinstance(names, DictionaryObject) and "/JavaScript" in names:
            raise _PdfRefusal("javascript", on_open)
    if "/AcroForm" in root:
        form = root["/AcroForm"].get_object()
        if isinstance(form, DictionaryObject) and "/XFA" in form:
            raise _PdfRefusal("xfa", "")
    # Every other action (pages, links, form fields, annotations) is a dictionary, either in the file
    # body, which _inspect_pdf scans as it is, or compressed in an object stream, scanned here.
    decompressed = 0
    for number in sorted({stream for stream, _index in reader.xref_objStm.values()}):
        content = reader.get_object(number).get_data()
        decompressed += len(content)
        if decompressed > PDF_MAX_OBJECT_STREAM_BYTES:
            raise _PdfRefusal("complex", "")
        _scan_names(content, _("dans le document"))
    _check_pages(root)


def _check_pages(root):
    """At least one page: the declared count, and a page at the end of the first branch of the tree.

    Not the whole tree: pypdf's flattening parses every page (seconds and hundreds of MB for
    40,000 pages), and a document that lies about its count shows its pages to nobody.
    """
    from pypdf.generic import ArrayObject, DictionaryObject

    node = root["/Pages"].get_object()
    count = node.get("/Count") if isinstance(node, DictionaryObject) else None
    if not isinstance(count, int) or count < 1:
        raise _PdfRefusal("empty", "")
    for _depth in range(PDF_LIMITS["page_tree_maximum_depth"]):
        if "/Kids" not in node:
            return
        kids = node["/Kids"].get_object()
        if not isinstance(kids, ArrayObject) or not kids:
            raise _PdfRefusal("empty", "")
        node = kids[0].get_object()
        if not isinstance(node, DictionaryObject):
            raise ValueError("not a page")
    raise ValueError("page tree too deep, or a loop")


CLASSIC_XREF = re.compile(rb"xref[ \t]*\r?\n")
XREF_SUBSECTION = re.compile(rb"[ \t\r\n]*(\d{1,10})[ \t]+(\d{1,10})[ \t]*\r?\n")


def _check_classic_xref(data):
    """Refuse a classic cross-reference table of more than PDF_MAX_OBJECTS entries before pypdf reads it.

    pypdf bounds its cross-reference streams (xref_stream_maximum_entries) but reads a classic
    table entry by entry, in Python: 950,000 entries in 18 MB took 4 s and 260 MB.
    """
    entries = subsections = 0
    for tables, match in enumerate(CLASSIC_XREF.finditer(data)):
        if tables >= PDF_MAX_XREF_TABLES:
            raise _PdfRefusal("complex", "")
        if data[max(0, match.start() - 5):match.start()] == b"start":
            continue
        position = match.end()
        while (subsection := XREF_SUBSECTION.match(data, position)) is not None:
            count = int(subsection.group(2))
            entries += count
            subsections += 1
            if entries > PDF_MAX_OBJECTS or subsections > PDF_MAX_OBJECTS // 20:
                raise _PdfRefusal("complex", "")
            position = subsection.end() + 20 * count  # each entry is 20 bytes (ISO 32000-1, 7.5.4)


def _caused_by(error, kind):
    for _depth in range(10):
        if error is None or isinstance(error, kind):
            return error is not None
        error = error.__cause__ or error.__context__
    return False


def _inspect_pdf(data):
    if MARKUP.search(data[:SNIFF_BYTES]):
        raise _refuse(_("Ce fichier commence comme un PDF mais contient du code HTML : il est refusé."),
                      "document_html")
    from pypdf import Configuration, apply_configuration
    from pypdf.errors import LimitReachedError

    try:
        _check_classic_xref(data)
        with apply_configuration(Configuration().with_overwrites(**PDF_LIMITS)):
            _walk_pdf(data)
        _scan_names(data, _("dans le document"))
    except _PdfRefusal as finding:
        raise _pdf_refusal(*finding.args) from None
    except Exception as error:
        # pypdf answers hostile input with many exception types (PdfReadError, KeyError, ValueError,
        # zlib.error, RecursionError for nested arrays...): all mean "unreadable", except one of our
        # limits (PDF_LIMITS, PDF_MAX_OBJECTS), which pypdf may wrap in a PdfReadError.
        if _caused_by(error, LimitReachedError):
            raise _pdf_refusal("complex", "") from None
        raise _refuse(_("Ce PDF est illisible ou endommagé : il ne peut pas être vérifié. Exportez-le à nouveau "
                        "depuis le logiciel d’origine."), "document_unreadable") from None
    return KINDS["pdf"]


def _pdf_refusal(reason, where):
    again = _("Exportez-le à nouveau en PDF simple (« Enregistrer sous… PDF » ou « Imprimer en PDF »).")
    if reason == "encrypted":
        return _refuse(_("Ce PDF est chiffré ou protégé par un mot de passe : il ne peut pas être vérifié. "
                         "Enregistrez-le sans protection et renvoyez-le."), "document_encrypted")
    if reason == "javascript":
        return _refuse(_("Ce PDF contient du JavaScript (%(where)s) : il est refusé.") % {"where": where}
                       + " " + again, "document_pdf_javascript")
    if reason == "launch":
        return _refuse(_("Ce PDF contient une action qui lance un programme ou ouvre un fichier (Launch, %(where)s) : "
                         "il est refusé.") % {"where": where} + " " + again, "document_pdf_launch")
    if reason == "xfa":
        return _refuse(_("Ce PDF est un formulaire dynamique (XFA), qui peut contenir des scripts : il est refusé.")
                       + " " + again, "document_pdf_xfa")
    if reason == "complex":
        return _limit(_("Ce PDF est trop complexe pour être vérifié : les limites sont de %(objects)s objets et "
                        "de %(limit)s de structure décompressée.")
                      % {"objects": f"{PDF_MAX_OBJECTS:,}".replace(",", "\u202f"),
                         "limit": filesizeformat(PDF_MAX_OBJECT_STREAM_BYTES)} + " " + again, "document_pdf_complex")
    return _refuse(_("Ce PDF ne contient aucune page."), "document_pdf_empty")


# --- Public API ---------------------------------------------------------------------------------

def _read(file):
    limit = settings.DOCUMENT_MAX_BYTES
    too_large = _("Le fichier pèse %(size)s ; la limite est de %(limit)s.")
    size = getattr(file, "size", None)
    if size is not None and size > limit:
        raise _limit(too_large, "document_too_large", size=filesizeformat(size), limit=filesizeformat(limit))
    if hasattr(file, "seek"):
        file.seek(0)
    try:
        data = file.read(limit + 1)
    finally:
        if hasattr(file, "seek"):
            file.seek(0)
    if len(data) > limit:
        raise _limit(_("Le fichier dépasse la limite de %(limit)s."), "document_too_large",
                     limit=filesizeformat(limit))
    if not data:
        raise _refuse(_("Le fichier est vide."), "document_empty")
    return data


def _inspect(file):
    data = _read(file)
    head = data[:SNIFF_BYTES * 4]
    if data.startswith(PDF_MAGIC):
        return data, _inspect_pdf(data)
    if data.startswith(ZIP_MAGIC):
        if MARKUP.search(data[:SNIFF_BYTES]):
            raise _refuse(_("Ce fichier contient du code HTML au début : il est refusé."), "document_html")
        return data, _inspect_zip(data)
    if data.startswith(OLE2_MAGIC):
        raise _legacy_office(data)
    raise _not_a_document(head)


def inspect_document(file):
    """The DocumentKind of an uploaded or stored file, judged by content; ValidationError if it is refused."""
    return _inspect(file)[1]


def validate_document(file):
    """Validator for file fields: raises a ValidationError the editor can read."""
    inspect_document(file)


def clean_document(file):
    """The same bytes under a random name with the extension of what they are, and their kind."""
    data, kind = _inspect(file)
    return ContentFile(data, name=f"{uuid.uuid4().hex}.{kind.extension}"), kind
