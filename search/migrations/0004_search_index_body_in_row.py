# Search on PostgreSQL ranks every matching index entry with ts_rank over its body vector
# (search/matching.py). Wagtail's table stores that vector with the default strategy
# ("extended"): a row with the title, autocomplete, body and plain-text columns is past
# PostgreSQL's 2 kB TOAST threshold, so the body, the largest column, went out of line and
# every ranked entry cost a TOAST lookup (a word on 6,700 of 10,000 pages: 35 ms to rank,
# 12 ms with the body in the row; EXPLAIN ANALYZE in the report of issue 11). Storage
# "main" (PostgreSQL, ALTER TABLE ... SET STORAGE) keeps the body in the row and moves the
# other columns out first; a body too large for a page still goes out of line. Existing
# entries are written again so they take the new storage. PostgreSQL only.

from django.db import migrations

TABLE = '"wagtailsearch_indexentry"'


def body_in_row(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'ALTER TABLE {TABLE} ALTER COLUMN "body" SET STORAGE MAIN')
    # A new value (concatenated with an empty vector) is stored afresh, by the new rule.
    schema_editor.execute(f"UPDATE {TABLE} SET \"body\" = \"body\" || ''::tsvector")


def body_extended(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'ALTER TABLE {TABLE} ALTER COLUMN "body" SET STORAGE EXTENDED')


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_index_title_body_gin"),
    ]

    operations = [migrations.RunPython(body_in_row, body_extended)]
