"""Text helpers for site search: one normal form for indexed text and queries, Swedish
word stems (Snowball, through the snowballstemmer package) and highlighted snippets.

PostgreSQL stems Swedish itself (SEARCH_CONFIG "swedish"). These helpers give the same
idea to the SQLite backend used in development, and mark the words a visitor searched
for in snippets, also when the text has another form of the word ("konferenser" marks
"konferensen").
"""

import re
import threading
import unicodedata

import snowballstemmer
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search import index

MAX_TERMS = 12
MIN_STEM_LENGTH = 3
# Shorter roots would match too much ("av*", "en*"): such words only match as they are.
MIN_ROOT_LENGTH = 4
# Stemming a stem again is only trusted while it leaves a distinctive beginning
# ("konferenser" -> "konfer", but not "konferens" -> "konf", which would match "konflikt").
MIN_TWICE_STEMMED_LENGTH = 5

_VOWELS = "aeiouyäåö"
_WORD = re.compile(r"\w+")
# Characters that are there only for layout and would split or hide a word: soft hyphen,
# zero-width space, zero-width (non-)joiner, word joiner and byte-order mark.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_stemmers = threading.local()


def normalise(text):
    """Text as search sees it, still fit to show: Unicode compatibility forms composed (NFKC,
    Unicode Standard Annex #15), so ligatures become letters ("ﬁ" -> "fi") and every kind of
    non-breaking space a plain space, and invisible layout characters removed."""
    return unicodedata.normalize("NFKC", text or "").translate(_INVISIBLE)


def search_form(text):
    """normalise() and casefold (Unicode default case folding): what goes into the index and
    what a query is matched with, on every database."""
    return normalise(text).casefold()


def stem(word):
    """The Swedish stem of a word (the Snowball algorithm): konferenser -> konferens."""
    stemmer = getattr(_stemmers, "swedish", None)
    if stemmer is None:  # one per thread: Snowball's stemmers keep state while working
        stemmer = _stemmers.swedish = snowballstemmer.stemmer("swedish")
    return stemmer.stemWord(search_form(word))


def search_root(term):
    """The beginning every form of a word shares, or "" when too short to search by.

    Stemming twice reaches "konfer" from both "konferens" and "konferenser"; dropping a
    definite -n after a vowel reaches "strategi" from "strategin".
    """
    word = search_form(term)
    once = stem(word)
    twice = stem(once)
    candidates = [twice if len(twice) >= MIN_TWICE_STEMMED_LENGTH else once]
    if len(word) > MIN_ROOT_LENGTH and word.endswith("n") and word[-2] in _VOWELS:
        candidates.append(stem(word[:-1]))
    root = min(candidates, key=len)
    return root if len(root) >= MIN_ROOT_LENGTH else ""


def query_terms(query):
    """The words of a query in their search form, without punctuation a search engine would
    misread: "ﬁnansiering av ﬂyg" -> ["finansiering", "av", "flyg"]."""
    return _WORD.findall(search_form(query))[:MAX_TERMS]


def _term_regex(term):
    """Any form of one word: its root and whatever ending follows; short words exactly."""
    if len(term) < MIN_STEM_LENGTH:
        return re.escape(term.lower()) + r"\b"
    root = search_root(term) or stem(term)
    if len(root) < MIN_STEM_LENGTH:
        return re.escape(term.lower()) + r"\b"
    return re.escape(root) + r"\w*"


def _term_pattern(terms):
    """One regex matching any form of any searched word, longest alternatives first."""
    alternatives = sorted({_term_regex(term) for term in terms}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def _first_match(text, terms):
    """Where a snippet should centre: the whole query as a phrase, else its longest word."""
    if len(terms) > 1:
        phrase = re.compile(
            r"\b" + r"\W+".join(re.escape(term) for term in terms) + r"\b", re.IGNORECASE
        )
        match = phrase.search(text)
        if match:
            return match
    for term in sorted(terms, key=len, reverse=True):
        match = re.search(r"\b" + _term_regex(term), text, re.IGNORECASE)
        if match:
            return match
    return None


def _highlight(text, pattern):
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def _marked_terms(terms):
    """Words worth marking: not "i" or "av" when the query has longer words too."""
    longer = [term for term in terms if len(term) >= MIN_STEM_LENGTH]
    return longer or terms


def snippet(text, terms, width=240):
    """About `width` characters of `text` around the searched words, words marked.

    Returns "" when no searched word occurs: a snippet without the word helps no one.
    """
    if not text or not terms:
        return ""
    text = " ".join(normalise(text).split())
    match = _first_match(text, terms)
    if match is None:
        return ""
    start = max(0, match.start() - width // 3)
    end = min(len(text), max(start + width, match.end()))
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    if end < len(text):
        space = text.rfind(" ", match.end(), end)
        end = space if space > 0 else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    pattern = _term_pattern(_marked_terms(terms))
    return mark_safe(prefix + _highlight(text[start:end], pattern) + suffix)  # noqa: S308 - escaped


def highlight(text, terms):
    """All of a short text, escaped, with the searched words marked."""
    pattern = _term_pattern(_marked_terms(terms))
    if not text:
        return ""
    text = normalise(text)
    if pattern is None:
        return escape(text)
    return mark_safe(_highlight(text, pattern))  # noqa: S308 - every part is escaped


def _in_search_form(value):
    """A field's indexed value (text, or lists and dicts of text) in its search form."""
    if isinstance(value, str | Promise):
        return search_form(str(value))
    if isinstance(value, list | tuple):
        return [_in_search_form(item) for item in value]
    if isinstance(value, dict):
        return {key: _in_search_form(item) for key, item in value.items()}
    return value


class _InSearchForm:
    """Indexes the field's text in its search form. Equal to the plain field of the same
    name, so Wagtail still sees Page's own search fields (check wagtailsearch.W001)."""

    plain_class = None

    def get_value(self, obj):
        return _in_search_form(super().get_value(obj))

    def __eq__(self, other):
        if not isinstance(other, self.plain_class):
            return NotImplemented
        return self.field_name == other.field_name and vars(self) == vars(other)

    def __hash__(self):
        return hash((self.plain_class, self.field_name))


class NormalisedSearchField(_InSearchForm, index.SearchField):
    """Wagtail's SearchField, indexing the field's text in its search form."""

    plain_class = index.SearchField


class NormalisedAutocompleteField(_InSearchForm, index.AutocompleteField):
    """Wagtail's AutocompleteField, indexing the field's text in its search form."""

    plain_class = index.AutocompleteField


def in_search_form(search_fields):
    """A model's ``search_fields`` with every text field indexed in its search form, so
    indexed text and queries (query_terms) are normalised the same way on every database:
    ``search_fields = in_search_form([*Page.search_fields, index.SearchField("body")])``.
    Filter fields are left as they are."""
    converted = []
    for field in search_fields:
        if isinstance(field, index.RelatedFields):
            field = index.RelatedFields(field.field_name, in_search_form(field.fields))
        elif type(field) is index.SearchField:
            field = NormalisedSearchField(field.field_name, boost=field.boost, **field.kwargs)
        elif type(field) is index.AutocompleteField:
            field = NormalisedAutocompleteField(field.field_name, **field.kwargs)
        converted.append(field)
    return converted
