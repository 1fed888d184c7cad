# Trigram matching lets search suggest pages when a word is misspelt ("konferans").
# PostgreSQL only; on other databases this does nothing. pg_trgm is a trusted
# extension (PostgreSQL 13+), so the database owner may create it.

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_accessibility_statement_feedback_form"),
    ]

    operations = [TrigramExtension()]
