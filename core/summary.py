"""What a page says about itself in a sentence: the one description used everywhere a
page is described (meta and Open Graph description, search hits, feed entries, cards).

``SummaryMixin`` goes on every page model, next to the other page mixins.
"""

import re
from html import unescape

from django.utils.html import strip_tags
from wagtail.rich_text import RichText

#: Characters search engines show of a meta description (Google cuts near 155-160).
SUMMARY_LENGTH = 160

#: Fields that describe a page, in order of preference; the first with text wins.
SUMMARY_FIELDS = ("search_description", "introduction", "summary")


#: Tags that end a line of text (HTML's block-level elements and ``br``): their text
#: does not run into the next block's ("…bra på.</p><p>En region" → "…bra på. En region").
BLOCK_BREAK = re.compile(
    r"<(?:br|/?(?:p|div|li|ul|ol|h[1-6]|blockquote|tr|td|th|dt|dd|figcaption|hr))\b[^>]*>",
    re.IGNORECASE,
)


def plain_text(value):
    """``value`` (plain text or rich-text HTML) as one line of plain text, without tags
    or character references; whitespace runs become one space, and the text of
    consecutive blocks (paragraphs, list items, headings, line breaks) is kept apart by
    one."""
    return " ".join(unescape(strip_tags(BLOCK_BREAK.sub(" ", str(value or "")))).split())


def shorten(text, length=SUMMARY_LENGTH):
    """``text`` cut at the last word boundary so that it, with "…", fits in ``length``
    characters; unchanged when it already fits."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def _first_text(stream):
    """The plain text of the first rich-text block in a StreamField value, or ""."""
    for block in stream or ():
        value = block.value
        if not isinstance(value, RichText) and hasattr(value, "get"):
            value = value.get("text")  # a StructBlock with a rich text, e.g. callout
        if isinstance(value, RichText):
            text = plain_text(value.source)
            if text:
                return text
    return ""


class SummaryMixin:
    """Page models: ``get_summary()`` describes the page in plain text."""

    def get_summary(self, length=SUMMARY_LENGTH):
        """The page in at most ``length`` characters of plain text (a str, "" if the
        page has no text): the editor's search description, else the introduction or
        summary, else the first text of the body, cut at a word boundary."""
        for name in SUMMARY_FIELDS:
            text = plain_text(getattr(self, name, ""))
            if text:
                return shorten(text, length)
        return shorten(_first_text(getattr(self, "body", None)), length)
