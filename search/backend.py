"""Wagtail's database search backend, with Swedish word forms matched more forgivingly.

PostgreSQL's Swedish stemmer turns "konferens" into "konfer" but "konferenser" into
"konferens", and leaves "strategin" alone, so a visitor searching one form misses pages
with another. Each searched word therefore matches either its stemmed form (as before)
or any word beginning with its root ("konfer…", "strategi…"). SQLite, used in
development, has no stemmer at all and gets the same root matching: plainer, but
"konferenser" still finds "konferensen".

Both only change how a plain-text query (PlainText, what ``.search("...")`` sends) becomes
the database's query; indexing, ranking, filters and every other query type stay Wagtail's.
Query words come from search.text.query_terms, in the same normal form (NFKC,
casefolded, invisible characters removed) as the indexed text (search_text.in_search_form).

Configured as WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backend".
"""

from copy import copy
from functools import cache, reduce

from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Expression
from django.utils import translation
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from search import matching
from search.text import query_terms, search_root


def _combine(parts, operator):
    if operator.lower() == "or":
        return reduce(lambda a, b: a | b, parts)
    return reduce(lambda a, b: a & b, parts)


class SwedishPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText) or invert:
            return super().build_tsquery_content(query, config=config, invert=invert)
        parts = []
        for term in query_terms(query.query_string):
            part = SearchQuery(Lexeme(term), search_type="raw", config=config)
            language_config = language_search_config(translation.get_language())
            if language_config:
                # English pages are indexed with English stemming (LanguageIndexMixin).
                part |= SearchQuery(Lexeme(term), search_type="raw", config=language_config)
            root = search_root(term)
            if root:
                # "simple": the root is stemmed already; Swedish would shorten it again.
                part |= SearchQuery(Lexeme(root, prefix=True), search_type="raw", config="simple")
            parts.append(part)
        return _combine(parts, query.operator) if parts else None

    def search(self, config, start, stop, score_field=None, backend=None):
        """A plain-text search ranked by relevance (what site search and the admin send)
        reads the search index first and ranks only what matched, in one statement
        (search/matching.py); the queryset returned holds just the page of results, in
        ranked order. Anything else (chosen fields, no ranking, a score annotation) is
        modelsearch's search, with the matched vector (title || body) an alias, not an
        annotation: filtered on (through its GIN index, migration search/0003), but not
        selected, so 500 hits do not send 500 tsvectors (700 kB) to Python."""
        if not isinstance(self.query, PlainText):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        plain = self.fields is None and self.order_by_relevance and score_field is None
        if search_query is not None and plain:
            keys = matching.ranked_keys(self, search_query, config, start, stop)
            return matching.in_ranked_order(self.queryset, keys)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = combined_vector._combine(vector, "||", False)
        queryset = self.queryset.alias(_vector_=combined_vector).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


def add_to_lexicon(model, objs):
    """The words of newly indexed objects go into the search lexicon (spelling
    suggestions), and cached search rankings are made afresh (search/ranking.py)."""
    from search import lexicon as search_lexicon
    from search import ranking as search

    search.index_changed()
    if model.get_search_fields():
        search_lexicon.add_objects(objs)


def removed_from_index():
    from search import ranking as search

    search.index_changed()


class LexiconIndexMixin:
    """An index of the database backend that also keeps the lexicon of indexed words
    (search/lexicon.py) and tells search that the index changed."""

    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        add_to_lexicon(model, objs)

    def delete_item(self, item):
        super().delete_item(item)
        removed_from_index()


def language_search_config(language_code):
    """PostgreSQL's text search configuration for pages in `language_code` ("english"
    for "en", from WAGTAILSEARCH_BACKENDS["default"]["LANGUAGE_SEARCH_CONFIGS"]), or
    None where the backend's own SEARCH_CONFIG (Swedish) applies."""
    params = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    return params.get("LANGUAGE_SEARCH_CONFIGS", {}).get(language_code)


class LanguageIndexMixin:
    """Objects with a Wagtail locale whose language has its own search configuration
    (English pages) are indexed with it: "specialisations" and "specialisation" both
    become "specialis". Everything else (Swedish pages, documents) keeps SEARCH_CONFIG.
    modelsearch reads the configuration from the backend when it indexes
    (ObjectIndexer), so such objects go through an index of a copy of the backend with
    that configuration. One query for the locales, however many objects."""

    def add_items(self, model, objs):
        objs = list(objs)
        locale_ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
        if not locale_ids:
            return super().add_items(model, objs)
        from wagtail.models import Locale

        languages = dict(
            Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code")
        )
        groups = {}
        for obj in objs:
            config = language_search_config(languages.get(getattr(obj, "locale_id", None)))
            groups.setdefault(config, []).append(obj)
        for config, group in groups.items():
            if config is None:
                super().add_items(model, group)
            else:
                backend = copy(self.backend)
                backend.config = config
                super(LanguageIndexMixin, type(self)(backend)).add_items(model, group)


class LexiconPostgresIndex(LanguageIndexMixin, LexiconIndexMixin, PostgresIndex):
    pass


class SwedishPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = SwedishPostgresSearchQueryCompiler
    index_class = LexiconPostgresIndex


class FTS5Query(Expression):
    """A ready-made FTS5 query string, passed as a parameter (no SQL is built from it)."""

    def __init__(self, value):
        super().__init__()
        self.value = value

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


def fts5_query(query_string, operator="and"):
    """ "konferenser Luleå" -> ("konferenser" OR "konfer"*) AND ("luleå" OR "lule"*).

    Terms are word characters only (query_terms), so no quoting can break out.
    """
    parts = []
    for term in query_terms(query_string):
        alternatives = [f'"{term}"']
        root = search_root(term)
        if root:
            alternatives.append(f'"{root}"*')
        parts.append("(" + " OR ".join(alternatives) + ")")
    return (" OR " if operator.lower() == "or" else " AND ").join(parts)


@cache
def swedish_sqlite_backend_class():
    """Built on first use: SQLite's search modules only import where SQLite is the database."""
    from modelsearch.backends.database.sqlite.query import SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class LexiconSQLiteIndex(LexiconIndexMixin, SQLiteIndex):
        pass

    class SwedishSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            match = fts5_query(query.query_string, query.operator)
            if not match:
                return None
            return SearchQueryExpression(FTS5Query(match), config=config)

    class SwedishSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = SwedishSQLiteSearchQueryCompiler
        index_class = LexiconSQLiteIndex

    return SQLiteSearchBackend, SwedishSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - Wagtail looks for this name in the module
    """The database backend Wagtail picks for the current database (modelsearch's own
    choice, by connection vendor and FTS5 support), with its Swedish query compiler where
    we have one; any other backend (MySQL, SQLite without FTS5) as Wagtail gives it."""
    backend = database_backend(params)
    if isinstance(backend, PostgresSearchBackend):
        return SwedishPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        sqlite_backend, swedish_backend = swedish_sqlite_backend_class()
        if isinstance(backend, sqlite_backend):
            return swedish_backend(params)
    return backend
