"""The English locale beside Swedish (issue 15). Existing pages keep the Swedish locale
Wagtail gave them (LANGUAGE_CODE "sv"); nothing else changes."""

from django.db import migrations


def add_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="sv")
    Locale.objects.get_or_create(language_code="en")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_database_cache_table"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_english, migrations.RunPython.noop)]
