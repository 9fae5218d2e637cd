"""vCard 3.0 (RFC 2426) of a press or programme contact.

Version 3.0 rather than 4.0 because every address book still reads it
(Outlook and older phones do not read 4.0); the text escaping follows
RFC 6350 §3.4, which 3.0 readers accept too.
"""

import re

from core.registry import registry

#: Whatever a reader may take for the end of a line: CR LF, a bare CR or LF,
#: and the other separators of str.splitlines() (vertical tab, form feed,
#: U+0085, U+2028…). Each one is written as the escaped newline "\n", so
#: that text from an editor can never start a property of its own.
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Other control characters have no place in a contact card.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _escape(value):
    """A TEXT value with the special characters of RFC 6350 §3.4 escaped: \\ , ; and newlines."""
    text = str(value or "").replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return _CONTROLS.sub("", _LINE_BREAKS.sub(r"\\n", text))


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 2425 §5.8.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 74:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def person_vcard(person, request=None):
    """The card in the active language: the page's /fr/ or /en/ gives its ORG (the site's name) and TITLE."""
    given, family = person.name_parts
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_escape(person.full_name)}",
        f"N:{_escape(family)};{_escape(given)};;;",
        f"ORG:{_escape(registry.identity(request).name)}",
    ]
    if person.job_title:
        lines.append(f"TITLE:{_escape(person.job_title)}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_escape(person.phone)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_escape(person.email)}")
    office = person.office
    if office is not None and office.address:
        lines.append(f"ADR;TYPE=WORK:;;{_escape(office.address)};{_escape(office.city)};;"
                     f"{_escape(office.postal_code)};France")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)
