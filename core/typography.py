"""Keep times, ranges and measures on one line: "09.30–16.00", "400 %", "12 sidor".

Swedish typography (Språkrådets skrivregler; TNR, Svenska skrivregler §§ on
tankstreck and mellanrum) keeps a number with its unit and a range with its ends. Line
breaking follows Unicode's UAX #14: a no-break space (U+00A0) and a word joiner
(U+2060, on both sides of a dash) forbid a break without changing the characters a
reader copies. Used through the template filters in core/templatetags/typography_tags.py.
"""

import re

from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

NO_BREAK_SPACE = "\u00a0"
WORD_JOINER = "\u2060"
DASHES = "-–—"  # hyphen-minus, en dash, em dash

UNITS = (
    "%|‰|°C|kr|kronor|tkr|mkr|Mkr|mdkr|miljoner|miljarder|procent|st|km|m|cm|mm|m²|kvm|kg|"
    "ton|MB|kB|KB|GB|TB|sida|sidor|timmar|timme|minuter|min|dagar|år|personer|deltagare|"
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
)
_NUMBER_UNIT = re.compile(rf"(\d)[ \t]+({UNITS})(?![\w])")
_THOUSANDS = re.compile(r"(\d)[ \t](?=\d{3}(?!\d))")
_POSTAL_CODE = re.compile(r"(?<!\d)(\d{3})[ \t](\d{2})(?!\d)")  # "972 31" (Postnord)
_RANGE = re.compile(rf"(\d)[ \t]*([{DASHES}])[ \t]*(\d)")
_ABBREVIATION = re.compile(r"\b(kl\.|nr|s\.|ca|cirka)[ \t]+(\d)")
_TAG = re.compile(r"(<[^>]*>)")


def keep_together_text(text):
    """Plain text with no-break characters where a break would split a time, range or
    measure. In: str (not HTML). Out: str, same visible characters."""
    text = _RANGE.sub(rf"\1{WORD_JOINER}\2{WORD_JOINER}\3", text)
    text = _NUMBER_UNIT.sub(rf"\1{NO_BREAK_SPACE}\2", text)
    text = _THOUSANDS.sub(rf"\1{NO_BREAK_SPACE}", text)
    text = _POSTAL_CODE.sub(rf"\1{NO_BREAK_SPACE}\2", text)
    text = _ABBREVIATION.sub(rf"\1{NO_BREAK_SPACE}\2", text)
    return text


def keep_together(value):
    """keep_together_text for template output: escapes plain text, returns safe HTML."""
    return mark_safe(keep_together_text(str(conditional_escape(value))))  # noqa: S308 - escaped


def keep_together_html(html):
    """The same for HTML (rich text): only text between tags changes, never a tag or an
    attribute (an address with "1-2" in it stays as it is)."""
    parts = _TAG.split(str(html))
    return "".join(part if part.startswith("<") else keep_together_text(part) for part in parts)


def no_break(value):
    """The whole value on one line (a name, a short label): every space no-break and a word
    joiner around each dash. In: plain text; out: safe HTML."""
    text = str(conditional_escape(value)).replace(" ", NO_BREAK_SPACE)
    for dash in DASHES:
        text = text.replace(dash, f"{WORD_JOINER}{dash}{WORD_JOINER}")
    return mark_safe(text)  # noqa: S308 - escaped above


def joined(separator, *parts):
    """The parts that are not empty, joined by ``separator``: ``joined(", ", "Kulturens
    hus", "", "Luleå")`` is "Kulturens hus, Luleå" ("" when every part is empty)."""
    return separator.join(part for part in parts if part)


def format_time(value):
    """A time as Swedish public text writes it: "09.30" (Språkrådet: point between hours
    and minutes). In: datetime (aware: shown in local time), time or None; out: str."""
    if not value:
        return ""
    if hasattr(value, "tzinfo") and hasattr(value, "date") and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%H.%M")


def time_range(start, end=None):
    """ "09.30–16.00" that never breaks, or "09.30" without an end. Safe HTML."""
    if not start:
        return ""
    if not end:
        return format_time(start)
    return mark_safe(f"{format_time(start)}{WORD_JOINER}–{WORD_JOINER}{format_time(end)}")  # noqa: S308 - digits only
