"""Text helpers for site search: Swedish word stems and highlighted snippets.

PostgreSQL stems Swedish itself (SEARCH_CONFIG "swedish"). These helpers give the same
idea to the SQLite backend used in development, and mark the words a visitor searched
for in snippets, also when the text has another form of the word ("konferenser" marks
"konferensen").
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_TERMS = 12
MIN_STEM_LENGTH = 3
# Shorter roots would match too much ("av*", "en*"): such words only match as they are.
MIN_ROOT_LENGTH = 4
# Stemming a stem again is only trusted while it leaves a distinctive beginning
# ("konferenser" -> "konfer", but not "konferens" -> "konf", which would match "konflikt").
MIN_TWICE_STEMMED_LENGTH = 5

_VOWELS = "aeiouyäåö"
# Snowball's Swedish stemmer, step 1: the longest matching ending in R1 goes.
_STEP1_SUFFIXES = sorted(
    (
        *("a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are"),
        *("aste", "en", "anden", "aren", "heten", "ern", "ar", "er", "heter", "or", "as"),
        *("arnas", "ernas", "ornas", "es", "ades", "andes", "ens", "arens", "hetens"),
        *("erns", "at", "andet", "het", "ast"),
    ),
    key=len,
    reverse=True,
)
_S_ENDING = set("bcdfghjklmnoprtvy")
_STEP2_SUFFIXES = ("dd", "gd", "nn", "dt", "gt", "kt", "tt")
_WORD = re.compile(r"\w+")


def _r1_start(word):
    """Where R1 begins: after the first consonant following a vowel, but at least at 3."""
    for index in range(1, len(word)):
        if word[index] not in _VOWELS and word[index - 1] in _VOWELS:
            return max(index + 1, 3)
    return len(word)


def stem(word):
    """The Swedish stem of a word (Snowball's algorithm): konferenser -> konferens."""
    word = word.lower()
    r1 = _r1_start(word)

    def in_r1(suffix):
        return word.endswith(suffix) and len(word) - len(suffix) >= r1

    for suffix in _STEP1_SUFFIXES:
        if in_r1(suffix):
            word = word[: -len(suffix)]
            break
    else:
        if in_r1("s") and len(word) > 1 and word[-2] in _S_ENDING:
            word = word[:-1]
    if any(in_r1(suffix) for suffix in _STEP2_SUFFIXES):
        word = word[:-1]
    if in_r1("lig") or in_r1("els"):
        word = word[:-3]
    elif in_r1("ig"):
        word = word[:-2]
    elif in_r1("löst") or in_r1("fullt"):
        word = word[:-1]
    return word


def search_root(term):
    """The beginning every form of a word shares, or "" when too short to search by.

    Stemming twice reaches "konfer" from both "konferens" and "konferenser"; dropping a
    definite -n after a vowel reaches "strategi" from "strategin".
    """
    word = term.lower()
    once = stem(word)
    twice = stem(once)
    candidates = [twice if len(twice) >= MIN_TWICE_STEMMED_LENGTH else once]
    if len(word) > MIN_ROOT_LENGTH and word.endswith("n") and word[-2] in _VOWELS:
        candidates.append(stem(word[:-1]))
    root = min(candidates, key=len)
    return root if len(root) >= MIN_ROOT_LENGTH else ""


def query_terms(query):
    """The words of a query, without punctuation a search engine would misread."""
    return _WORD.findall(query or "")[:MAX_TERMS]


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
    text = " ".join(text.split())
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
    if pattern is None:
        return escape(text)
    return mark_safe(_highlight(text, pattern))  # noqa: S308 - every part is escaped
