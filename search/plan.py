"""Search queries on PostgreSQL read the search index, not every index entry.

modelsearch's PostgreSQL backend filters on ``("title" || "body") @@ query``, which the
GIN index of migration pages/0008 covers. For a word on many pages, PostgreSQL's planner
still prefers reading the whole table: it counts the concatenation of two tsvectors as
one cheap operator per row, while it costs about 15 µs a row (10,000 pages: 170 ms for
the filter, against 9 ms through the index; EXPLAIN ANALYZE in the report of issue 11).
And with sequential scans off, it reads entries one by one through the content type's
btree index, concatenating again. ``prefer_search_index()`` turns off both plain scans
for the search queries only (``enable_seqscan`` and ``enable_indexscan``, PostgreSQL's
documented planner settings, "Planner Method Configuration"), leaving bitmap scans, which
combine the GIN index with the others, and puts the previous values back afterwards.
Nested uses (a ranking around its page and document searches, search/ranking.py, and
each search's own statement, search/matching.py) set them once.
"""

from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def prefer_search_index():
    """Run the enclosed queries with sequential scans discouraged (PostgreSQL; on other
    databases nothing changes). Evaluate the search results inside the block."""
    if connection.vendor != "postgresql" or getattr(connection, "prefers_search_index", False):
        yield
        return
    connection.prefers_search_index = True
    try:
        with _planner_settings():
            yield
    finally:
        connection.prefers_search_index = False


@contextmanager
def _planner_settings():
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan')"
            )
            seqscan, indexscan = cursor.fetchone()
            cursor.execute(
                "SELECT set_config('enable_seqscan', 'off', true),"
                " set_config('enable_indexscan', 'off', true)"
            )
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('enable_seqscan', %s, true),"
                    " set_config('enable_indexscan', %s, true)",
                    [seqscan, indexscan],
                )
