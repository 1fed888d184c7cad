"""Create the "Arkivarier" group and let it, the editors and the reviewers see the web
archive (archive.view_snapshot), with access to the admin for the archivists.

Values are written out here, not imported, so the migration keeps doing what it did.
"""

from django.db import migrations

ARCHIVISTS = "Arkivarier"
GROUPS_WITH_ARCHIVE = ["Arkivarier", "Redaktörer", "Granskare"]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return perm


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    view_snapshot = permission(apps, "archive", "snapshot", "view_snapshot")
    archivists, _ = Group.objects.get_or_create(name=ARCHIVISTS)
    archivists.permissions.add(permission(apps, "wagtailadmin", "admin", "access_admin"))
    for group in Group.objects.filter(name__in=GROUPS_WITH_ARCHIVE):
        group.permissions.add(view_snapshot)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GROUPS_WITH_ARCHIVE):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="archive", codename="view_snapshot")
        )
    Group.objects.filter(name=ARCHIVISTS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0001_initial"),
        ("editorial", "0003_swedish_root_names"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
