"""The root page and the root collection are called "Rot", not "Root".

Wagtail's first migrations create both with an English name, and the admin shows it as
data (breadcrumbs, the explorer, every collection menu), so no translation reaches it.
Only the untouched English name is renamed; a name someone chose stays.
"""

from django.db import migrations

SWEDISH, ENGLISH = "Rot", "Root"


def rename(apps, old, new):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
    Collection.objects.filter(depth=1, name=old).update(name=new)


def to_swedish(apps, schema_editor):
    rename(apps, ENGLISH, SWEDISH)


def to_english(apps, schema_editor):
    rename(apps, SWEDISH, ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_editors_change_only_own_files"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(to_swedish, to_english)]
