"""The cache table of Django's database cache, where the settings use one.

Development (`make run`, agency/settings/dev.py) keeps its cache in the database, so the
server and the scheduler loop share it. ``createcachetable`` creates only the tables of
configured DatabaseCache backends and leaves existing ones alone, so this does nothing
under Redis (production) or the test settings' in-memory cache.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
