"""Phone numbers as people write them ("08-681 91 32", "(08) 681 91 32", "+46 8 681 91 32",
"0046 8 681 91 32") read with Google's libphonenumber (the ``phonenumbers`` package), so
links and vCards carry the number in international form (E.164) whatever the spacing.

Editors keep writing numbers the way visitors should read them; only ``tel:`` links,
vCard ``TEL`` values and structured data use the international form.
"""

import re
import unicodedata

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Numbers written without a country code are Swedish.
DEFAULT_REGION = "SE"


# What a number pasted from Word, Outlook, Teams or a web page brings that nobody sees:
# format characters (Unicode category Cf: byte order mark, direction marks and
# embeddings U+200E/U+200F/U+202A-U+202E, zero-width space, word joiner, soft hyphen),
# and breaks that belong in no phone number (Cc: tab, Word's soft line break U+000B;
# Zl/Zp: the line and paragraph separators).
DROPPED_CATEGORIES = frozenset({"Cf"})
BREAK_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})
SPACES = re.compile(" {2,}")


def phone_text(text):
    """``text`` (str) as the editor wrote it, less what nobody sees: format characters
    removed, breaks and tabs as one space, no space at either end. Visible spaces
    (no-break, narrow no-break, thin: Unicode Zs) are kept as written.
    "08\u202f681 91 32\u202c" -> "08\u202f681 91 32"."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in DROPPED_CATEGORIES:
            continue
        kept.append(" " if category in BREAK_CATEGORIES else char)
    return SPACES.sub(" ", "".join(kept)).strip()


def parse_phone_number(text):
    """The number in ``text`` as a ``phonenumbers.PhoneNumber``, or None when the text
    cannot be a phone number (too short or long, letters, empty). Invisible characters
    are ignored (``phone_text``) and every kind of space counts as one, since
    libphonenumber takes only the ASCII space between digit groups."""
    if not text or not text.strip():
        return None
    text = "".join(" " if unicodedata.category(c) == "Zs" else c for c in phone_text(text))
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


def phone_e164(text):
    """ "08-681 91 32" -> "+4686819132" (ITU-T E.164); "" when ``text`` is no number."""
    number = parse_phone_number(text)
    if number is None:
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_uri(text):
    """ "08-681 91 32" -> "tel:+4686819132": a global-number ``tel`` URI (RFC 3966 §5.1.4)
    without visual separators, for links and vCard TEL values (RFC 6350 §6.4.1);
    "" when ``text`` is no number, so no broken link is written."""
    number = phone_e164(text)
    return f"tel:{number}" if number else ""


def validate_phone_number(value):
    """Form and model validator: the number must be one that can be called (valid for its
    country in libphonenumber's metadata; without country code, a Swedish number)."""
    if not value:
        return
    number = parse_phone_number(value)
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _(
                "Skriv ett telefonnummer som går att ringa, med riktnummer, till exempel "
                "08-681 91 32, eller med landsnummer, till exempel +47 22 12 34 56."
            ),
            code="invalid_phone_number",
        )
