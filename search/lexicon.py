"""The search lexicon: the distinct words of everything the site search indexes.

A search that finds nothing is most often a misspelling ("konferans"). Comparing the
query with every index entry (Wagtail's Fuzzy search) reads the whole index: seconds
of database time at 10,000 pages, for a visitor who gets nothing. Instead each word is
compared with the lexicon, which holds every indexed word once, through an index:

- PostgreSQL: pg_trgm's similarity operator ``%`` over a GIN trigram index
  (https://www.postgresql.org/docs/current/pgtrgm.html);
- other databases (SQLite in development): words sharing the first two letters, a
  range of the unique index, ranked by difflib's ratio in Python.

The lexicon grows as pages and documents are indexed (search/backend.py) and is
rebuilt from scratch by ``manage.py rebuild_search_lexicon``.
"""

import difflib
import re

from django.db import connection
from django.db.models import Manager, Value
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

from search.models import SearchWord

MIN_WORD_LENGTH = 3
MAX_WORD_LENGTH = 40  # SearchWord.word; longer "words" are codes or garbage.
# Trigram similarity a suggestion must reach (pg_trgm's default threshold is 0.3).
MIN_SIMILARITY = 0.35
# On databases without trigrams: at most this many candidates are compared in Python.
MAX_CANDIDATES = 2000
BATCH_SIZE = 1000
_WORD = re.compile(r"[^\W\d_]+")


def words_of(text):
    """The distinct lower-case words in `text` that a visitor might search for."""
    return {
        word
        for word in _WORD.findall(text.lower())
        if MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH
    }


def _plain(value):
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_plain(item) for item in value.values())
    return force_str(value) if value is not None else ""


def _texts(obj, fields):
    for field in fields:
        if isinstance(field, SearchField | AutocompleteField):
            yield _plain(field.get_value(obj))
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if isinstance(related, Manager):
                related = related.all()
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for item in related:
                yield from _texts(item, field.fields)


def indexed_text(obj):
    """The text the search backend indexes for `obj`: all its search fields, as
    modelsearch's database backends read them."""
    return " ".join(_texts(obj, obj.get_search_fields()))


def add_objects(objs):
    """Add the words of these indexed objects to the lexicon (existing words stay)."""
    words = set()
    for obj in objs:
        words |= words_of(indexed_text(obj))
    add_words(words)


def add_words(words):
    words = sorted(words)
    for start in range(0, len(words), BATCH_SIZE):
        SearchWord.objects.bulk_create(
            [SearchWord(word=word) for word in words[start : start + BATCH_SIZE]],
            ignore_conflicts=True,
        )


def rebuild(models):
    """Empty the lexicon and fill it again from every object of the indexed `models`."""
    SearchWord.objects.all().delete()
    for model in models:
        queryset = model._default_manager.all()
        for start in range(0, queryset.count(), BATCH_SIZE):
            add_objects(queryset.order_by("pk")[start : start + BATCH_SIZE])
    return SearchWord.objects.count()


_trigrams = {}


def trigrams_available():
    """PostgreSQL with pg_trgm (migration 0003); asked once per process and database."""
    if connection.vendor != "postgresql":
        return False
    key = connection.settings_dict["NAME"]
    if key not in _trigrams:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            _trigrams[key] = cursor.fetchone() is not None
    return _trigrams[key]


def known(words):
    """The given words that are in the lexicon (one query)."""
    return set(SearchWord.objects.filter(word__in=list(words)).values_list("word", flat=True))


def closest_word(term):
    """The lexicon's word most like `term` ("konferans" → "konferens"), or None."""
    term = term.lower()
    if not MIN_WORD_LENGTH <= len(term) <= MAX_WORD_LENGTH:
        return None
    if trigrams_available():
        from django.contrib.postgres.search import TrigramSimilarity

        match = (
            SearchWord.objects.filter(word__trigram_similar=term)  # pg_trgm's % operator
            .annotate(similarity=TrigramSimilarity("word", Value(term)))
            .filter(similarity__gte=MIN_SIMILARITY)
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
        return match
    candidates = (
        SearchWord.objects.filter(word__gte=term[:2], word__lt=term[:2] + "\U0010ffff")
        .annotate(length=Length("word"))
        .filter(length__gte=len(term) - 3, length__lte=len(term) + 3)
        .values_list("word", flat=True)[:MAX_CANDIDATES]
    )
    best, best_ratio = None, 0.0
    for word in candidates:
        ratio = difflib.SequenceMatcher(None, term, word).ratio()
        if ratio > best_ratio or (ratio == best_ratio and best is not None and word < best):
            best, best_ratio = word, ratio
    return best if best_ratio >= 0.75 else None


def corrected_terms(terms, max_corrections=3):
    """`terms` with unknown words replaced by their closest lexicon word, or None when
    nothing could be corrected. At most `max_corrections` words are looked up, so a
    long query costs a bounded number of queries."""
    lowered = [term.lower() for term in terms]
    present = known(lowered)
    corrected, changed, lookups = [], False, 0
    for term in lowered:
        if term in present or lookups >= max_corrections:
            corrected.append(term)
            continue
        lookups += 1
        word = closest_word(term)
        if word and word != term:
            corrected.append(word)
            changed = True
        else:
            corrected.append(term)
    return corrected if changed else None
