"""vCard 3.0 (RFC 2426) of a press or programme contact."""

from django.conf import settings

ORGANISATION = "OIM France"


def _escape(value):
    return (str(value or "").replace("\\", "\\\\").replace("\n", "\\n")
            .replace(",", "\\,").replace(";", "\\;"))


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


def person_vcard(person):
    words = person.name.split()
    family, given = (words[-1], " ".join(words[:-1])) if len(words) > 1 else (person.name, "")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_escape(person.name)}",
        f"N:{_escape(family)};{_escape(given)};;;",
        f"ORG:{_escape(getattr(settings, 'SITE_NAME', ORGANISATION) or ORGANISATION)}",
    ]
    if person.job_title:
        lines.append(f"TITLE:{_escape(person.job_title)}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{person.phone}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{person.email}")
    office = person.office
    if office is not None and office.address:
        lines.append(f"ADR;TYPE=WORK:;;{_escape(office.address)};{_escape(office.city)};;"
                     f"{_escape(office.postal_code)};France")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)
