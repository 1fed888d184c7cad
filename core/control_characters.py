"""Control characters never reach storage, and never reach a machine-readable output.

Text pasted from Word carries U+000B (its soft line break, Shift+Enter) and sometimes
U+000C (page break) or other C0 control characters. XML 1.0 forbids them (§2.2 Char),
so does iCalendar (RFC 5545 §3.3.11 TEXT excludes CONTROL) and vCard (RFC 6350 §3.3);
one such character in a title made the Atom feed answer 500 for every reader.

Two layers, one rule (``clean_text``):

- ``normalise_model_text`` runs before every model is saved (registered for all models
  in ``PagesConfig.ready``: our pages and snippets and Wagtail's own images, documents,
  collections, form fields, revisions, settings). Whatever admin form, chooser, import
  or script wrote the value, what is stored is clean.
- ``clean_text`` / ``clean_data`` are applied again where feeds, calendars, vCards and
  structured data are written, so data stored before this rule still gives well-formed
  output.
"""

import json
import re
import unicodedata

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Revision

# Word's soft line break (VT) and page break (FF): line breaks to the person who wrote them.
LINE_BREAKS = re.compile("[\x0b\x0c]")
# What no XML 1.0 document, iCalendar or vCard may contain: C0 controls other than tab,
# newline and carriage return, DEL, the non-characters U+FFFE/U+FFFF and lone surrogates
# (which no UTF-8 encoder accepts, so PostgreSQL and SQLite refuse them).
FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean_text(text, line_break="\n"):
    """``text`` without control characters: U+000B and U+000C become ``line_break`` (a
    newline in multi-line text, a space in a single-line field), the other forbidden
    characters are removed; tab, newline, carriage return and every printable character
    (any script, emoji) are kept."""
    if not isinstance(text, str):
        return text
    return FORBIDDEN.sub("", LINE_BREAKS.sub(line_break, text))


def clean_data(data, line_break="\n"):
    """``clean_text`` applied to every string inside nested lists and dicts (JSON data,
    StreamField data), keys included; other values are returned unchanged."""
    if isinstance(data, str):
        return clean_text(data, line_break)
    if isinstance(data, dict):
        return {clean_text(key): clean_data(value, line_break) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return type(data)(clean_data(item, line_break) for item in data)
    return data


def single_line_text(text):
    """For titles and names written where a line break has no place (feed titles,
    calendar summaries): control characters cleaned, line breaks turned into spaces."""
    return " ".join(clean_text(str(text), " ").split())


def normalise_model_text(sender, instance, **kwargs):
    """pre_save receiver: clean every text, rich text, StreamField and JSON value of
    ``instance`` in place, so the database never stores a control character.

    Single-line fields (CharField and its kinds) get a space for Word's line break,
    multi-line ones (TextField, rich text, StreamField, JSON) a newline."""
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if value is None:
            continue
        if isinstance(field, StreamField):
            prepared = field.get_prep_value(value)
            cleaned = clean_data(prepared)
            if cleaned != prepared:
                setattr(instance, field.attname, field.to_python(cleaned))
        elif isinstance(instance, Revision) and field.name == "content":
            instance.content = _clean_revision_content(instance, value)
        elif isinstance(field, models.CharField):
            setattr(instance, field.attname, clean_text(value, " "))
        elif isinstance(field, models.TextField):
            setattr(instance, field.attname, clean_text(value))
        elif isinstance(field, models.JSONField):
            setattr(instance, field.attname, clean_data(value))


def _clean_revision_content(revision, content):
    """A revision stores its object's StreamFields as JSON text inside the JSON content
    (Wagtail's StreamField.value_to_string), so those are decoded, cleaned and encoded."""
    model = revision.content_type.model_class() if revision.content_type_id else None
    if not isinstance(content, dict) or model is None:
        return clean_data(content)
    cleaned = {}
    for name, value in content.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        if isinstance(field, StreamField) and isinstance(value, str):
            try:
                data = json.loads(value)
            except ValueError:
                cleaned[name] = clean_text(value)
                continue
            cleaned_data = clean_data(data)
            cleaned[name] = value if cleaned_data == data else json.dumps(cleaned_data)
        elif isinstance(field, models.CharField):
            cleaned[name] = clean_text(value, " ")
        else:
            cleaned[name] = clean_data(value)
    return cleaned


# Characters Unicode draws as nothing although they are letters or symbols (Hangul and
# Braille blanks, the combining grapheme joiner): used to pass blank names and texts.
INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")
# Other invisible characters by Unicode category: controls, format characters (zero-width
# space and joiners, the byte order mark, soft hyphen, direction marks), surrogates,
# unassigned code points, and every kind of space and line separator.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Cn", "Zs", "Zl", "Zp"})


def is_invisible(char):
    """True for a character (str of length 1) that shows nothing on its own."""
    return char.isspace() or char in INVISIBLE or unicodedata.category(char) in INVISIBLE_CATEGORIES


# Characters that draw nothing of their own but attach to the character before them:
# combining marks of General_Category Mn (nonspacing: accents, the nukta U+093C, the
# variation selectors U+FE00-FE0F and U+E0100-E01EF, Mongolian U+180B-180D and U+180F)
# and Me (enclosing, such as the keycap U+20E3), per Unicode UAX #44 §5.7.1 and The
# Unicode Standard §2.11 / §3.6 (a combining character sequence is a base character
# followed by marks); and the tag characters U+E0020-E007F, which end a flag's emoji tag
# sequence (Unicode TR #51, ED-14a). Behind a visible base they are part of what is seen
# ("é" written as e + U+0301, "❤️" as U+2764 + U+FE0F); with no base, or on a space or
# another invisible character, they show nothing (TR #51 §1.4.3: a variation selector
# is ignored where it does not apply).
MARK_CATEGORIES = frozenset({"Mn", "Me"})
TAGS = range(0xE0020, 0xE0080)


def attaches(char):
    """True for a character (str of length 1) drawn only on the character before it."""
    return unicodedata.category(char) in MARK_CATEGORIES or ord(char) in TAGS


# The emoji presentation selectors (text style U+FE0E, emoji style U+FE0F) vary only the
# characters of Unicode's emoji-variation-sequences.txt (TR #51 §1.4.3, ED-8a): symbols,
# punctuation such as ‼ and 〰, the keycap bases 0-9 # *, and one letter, ℹ (U+2139); tag
# characters follow an emoji (TR #51 ED-14a, tag_base: the black flag of England's flag).
# Behind any other letter ("smart" + U+FE0F) they do not apply and are ignored, so they
# stand alone like marks with no base at all.
EMOJI_SELECTORS = frozenset("\ufe0e\ufe0f")
EMOJI_LETTERS = frozenset("\u2139")


def _applies(mark, base):
    """True when ``mark`` (``attaches``) shows as part of ``base``, the visible character
    (str of length 1) its combining sequence starts with."""
    if mark in EMOJI_SELECTORS or ord(mark) in TAGS:
        return base in EMOJI_LETTERS or not unicodedata.category(base).startswith("L")
    return True


def is_lone_mark(text, index, start=0):
    """True when ``text[index]`` (str, int) is a mark (``attaches``) that shows nothing:
    no base before it from ``start`` on, a base that is itself invisible (a space, a
    zero-width character), or a base it does not apply to (``_applies``)."""
    if not attaches(text[index]):
        return False
    base = index
    while base > start and attaches(text[base - 1]):
        base -= 1
    if base == start or is_invisible(text[base - 1]):
        return True
    return not _applies(text[index], text[base - 1])


def without_lone_marks(text):
    """``text`` (str) with every mark that shows nothing (``is_lone_mark``) removed,
    wherever it stands; marks on a base they apply to ("❤️", "e\u0301", keycaps, flags'
    tag sequences) are kept."""
    return "".join(char for index, char in enumerate(text) if not is_lone_mark(text, index))


def strip_invisible(text):
    """``text`` (a str) without what shows nothing at either end: invisible characters
    (``is_invisible``) and marks that show nothing (``is_lone_mark``: at the start, after
    a space or other invisible character, or an emoji selector after a letter). Marks on
    a visible base are kept, at the end too. "" when nothing visible is left, so a
    required field refuses a text of nothing but spaces, zero-width characters, blank
    letters or lone marks."""
    start, end = 0, len(text)
    while start < end and (is_invisible(text[start]) or attaches(text[start])):
        start += 1
    while end > start:
        last = text[end - 1]
        if not (is_lone_mark(text, end - 1, start) or (is_invisible(last) and not attaches(last))):
            break
        end -= 1
    return text[start:end]


def visible_text(text, line_break="\n"):
    """``text`` (str) as the visitors' forms store it (core/form_fields.py): CRLF and CR
    as LF (a browser counts a line break as one character), control characters cleaned
    (``clean_text``; ``line_break`` replaces Word's line breaks), invisible characters at
    either end dropped (``strip_invisible``); "" when nothing visible is left."""
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"), line_break)
    return strip_invisible(text)
