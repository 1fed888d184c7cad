"""Redaktörer may upload documents and images, and change or delete only their own.

Wagtail treats "delete" on documents and images as the same thing as "change": anyone
who may change every file may also delete every file. The first migration gave
Redaktörer "change" but kept "delete" for Granskare, which Wagtail cannot tell apart,
so a redaktör could delete a file that published pages still link to. With "add" and
"choose" a redaktör uploads files, changes or deletes the ones they uploaded, and
picks any file for a page; changing or deleting others' files is left to Granskare.
"""

from django.db import migrations

EDITORS = "Redaktörer"
MODELS = (("wagtaildocs", "document"), ("wagtailimages", "image"))


def remove_change(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for app_label, model in MODELS:
        GroupCollectionPermission.objects.filter(
            group__name=EDITORS,
            permission__content_type__app_label=app_label,
            permission__codename=f"change_{model}",
        ).delete()


def restore_change(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = Group.objects.filter(name=EDITORS).first()
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if group is None or root is None:
        return
    for app_label, model in MODELS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=f"change_{model}"
        ).first()
        if permission is not None:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_roles_and_review_workflow")]

    operations = [migrations.RunPython(remove_change, restore_change)]
