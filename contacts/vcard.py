"""vCard (RFC 6350) for a contact person, so visitors can save the person in one tap."""

from core.control_characters import single_line_text


def _escape(value):
    # Control characters have no place in a vCard value (RFC 6350 §3.3): cleaned first.
    return (
        single_line_text(value)
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Fold lines longer than 75 octets, as the format requires."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        char_bytes = char.encode("utf-8")
        limit = 75 if not parts else 74
        if len(current) + len(char_bytes) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
        current += char_bytes
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def build_vcard(contact, organisation):
    given, _sep, family = single_line_text(contact.name).rpartition(" ")
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{_escape(contact.name)}",
        f"N:{_escape(family)};{_escape(given)};;;",
        f"ORG:{_escape(organisation)}" + (f";{_escape(contact.unit)}" if contact.unit else ""),
    ]
    if contact.title:
        lines.append(f"TITLE:{_escape(contact.title)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=work:{single_line_text(contact.email)}")
    if contact.phone_uri:
        lines.append(f"TEL;VALUE=uri;TYPE=work,voice:{contact.phone_uri}")
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
