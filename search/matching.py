"""Ranked search matches on PostgreSQL in one statement that reads the search index first.

modelsearch joins each searched row to its index entry through a generic relation
(``content_type_id IN (every page type) AND object_id = id::varchar``). With that list
of content types beside ``("title" || "body") @@ query``, PostgreSQL's planner reads the
entries through the content-type btree and concatenates and matches every entry's
vectors (85 ms of 130 at 10,000 pages for a word on 6,700 of them), because it counts
the concatenation as one cheap operator; the GIN index on exactly that expression
(migration search/0003) finds the same entries in 2 ms. Here the entries are matched
and ranked first, inside a MATERIALIZED common table expression (PostgreSQL: "WITH
Queries", a CTE so marked is computed once, on its own), through the GIN index alone; the
content types are checked on the matched entries only (``content_type_id + 0``: an
expression, so not a reason to read the btree; a model with few entries, such as
documents, is read by type instead, which is cheaper for it), and only then joined to the rows the
queryset allows, by the primary key's own type (no text cast per row). ts_rank reads
each matched entry's body vector; migration search/0004 keeps it in the entry's row
rather than in TOAST, where reading it cost a lookup per entry (30 of 40 ms).

The rank is modelsearch's (``_build_rank_expression``: weights, title_norm), the order
its own (rank, then the newest key), so results are the same as before, only cheaper.
"""

from django.apps import apps
from django.contrib.postgres.fields import ArrayField
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Func, IntegerField, Value
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks

from search.plan import prefer_search_index


def _compiled(queryset):
    return queryset.query.get_compiler(connection=connection).as_sql()


def _key_field(model):
    """The field whose type `model`'s primary keys have (a parent link's target's)."""
    pk = model._meta.pk
    return pk.target_field if pk.is_relation else pk


FEW_ENTRIES = 500
ENTRY_COUNT_SECONDS = 10 * 60


def _entry_count(index_entries, model, types):
    """How many index entries `model` has (up to FEW_ENTRIES + 1), kept in the shared
    cache for ENTRY_COUNT_SECONDS: only which way to read the index depends on it."""
    key = f"agency:search:entries:{model._meta.label_lower}"
    return cache.get_or_set(
        key,
        lambda: index_entries.filter(content_type_id__in=types)[: FEW_ENTRIES + 1].count(),
        ENTRY_COUNT_SECONDS,
    )


def matched_entries(compiler, search_query, config, model):
    """(sql, params): the index entries of `model` (and its subclasses) that match
    `search_query`, as (key, rank) rows; key is the object's primary key, cast to its
    type. `compiler` is the query compiler (for modelsearch's rank expression)."""
    vectors = [(F("title"), F("title_norm")), (F("body"), 1.0)]
    rank = compiler._build_rank_expression(vectors, config)
    combined = F("title")._combine(F("body"), "||", False)
    index_entries = apps.get_model("wagtailsearch", "IndexEntry").objects
    types = get_descendants_content_types_pks(model)
    # A model with few entries (documents) is read by its content type, through the
    # btree; one with many (pages) through the GIN index, the type an expression.
    few = _entry_count(index_entries, model, types) <= FEW_ENTRIES
    entries = (
        index_entries.alias(_vector_=combined)
        .filter(_vector_=search_query)
        .alias(search_type=F("content_type_id") if few else F("content_type_id") + 0)
        .filter(search_type__in=types)
        .annotate(search_key=Cast("object_id", output_field=_key_field(model)), search_rank=rank)
        .order_by()
        .values_list("search_key", "search_rank")
    )
    return _compiled(entries)


def ranked_keys(compiler, search_query, config, start=0, stop=None):
    """Primary keys of the rows of `compiler.queryset` that match `search_query`, best
    first, from `start` to `stop` (None: all). One statement (two more on PostgreSQL
    to set and restore planner settings, search/plan.py)."""
    queryset = compiler.queryset
    entries_sql, entries_params = matched_entries(compiler, search_query, config, queryset.model)
    allowed_sql, allowed_params = _compiled(queryset.order_by().values_list("pk"))
    sql = (
        f"WITH matched (key, rank) AS MATERIALIZED ({entries_sql}) "
        f"SELECT matched.key FROM matched JOIN ({allowed_sql}) AS allowed (key) "
        "ON matched.key = allowed.key ORDER BY matched.rank DESC, matched.key DESC"
    )
    params = [*entries_params, *allowed_params]
    if stop is not None:
        sql += " LIMIT %s"
        params.append(max(0, stop - (start or 0)))
    if start:
        sql += " OFFSET %s"
        params.append(start)
    with prefer_search_index(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


class ArrayPosition(Func):
    """PostgreSQL's array_position(array, element): where `element` is in `array`."""

    function = "array_position"
    output_field = IntegerField()


def in_ranked_order(queryset, keys):
    """`queryset` narrowed to `keys` (a list of primary keys), in the order of `keys`."""
    array = Value(list(keys), output_field=ArrayField(_key_field(queryset.model)))
    return queryset.filter(pk__in=keys).order_by(ArrayPosition(array, F("pk")))
