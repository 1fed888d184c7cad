# Trigram matching lets search suggest pages when a word is misspelt ("konferans"), and
# the trigram index makes a spelling suggestion a lookup, not a scan. PostgreSQL only; on
# other databases this does nothing (they use the unique index). pg_trgm is a trusted
# extension (PostgreSQL 13+), so the database owner may create it.

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS search_searchword_word_trgm "
    "ON search_searchword USING gin (word gin_trgm_ops)"
)


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGRAM_INDEX)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_searchword_word_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
