"""Create the web team's groups and the "Granskning" review workflow on every install.

Values are written out here, not imported, so the migration keeps doing what it
did when it was written.
"""

from django.db import migrations

EDITORS = "Redaktörer"
REVIEWERS = "Granskare"
WORKFLOW_NAME = "Granskning"
TASK_NAME = "Granskare godkänner"

# Page permissions on the tree's root, so they cover every site.
PAGE_PERMISSIONS = {
    EDITORS: ["add", "change"],
    REVIEWERS: ["add", "change", "publish", "lock", "unlock"],
}
# Document and image permissions on the root collection.
COLLECTION_PERMISSIONS = {
    EDITORS: ["add", "change", "choose"],
    REVIEWERS: ["add", "change", "choose", "delete"],
}
# Ordinary model permissions: (app_label, model, actions).
MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        ("contacts", "contactperson", ["add", "change", "view"]),
    ],
    REVIEWERS: [
        ("wagtailadmin", "admin", ["access_admin"]),
        (
            "contacts",
            "contactperson",
            ["add", "change", "view", "delete", "publish", "lock", "unlock"],
        ),
    ],
}


def permission(apps, app_label, model, codename):
    """The permission, created if post_migrate has not made it yet (a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return perm


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    groups = {}
    for name in (EDITORS, REVIEWERS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group

        for app_label, model, actions in MODEL_PERMISSIONS[name]:
            for action in actions:
                codename = action if action == "access_admin" else f"{action}_{model}"
                group.permissions.add(permission(apps, app_label, model, codename))

        if root_page is not None:
            for action in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=permission(apps, "wagtailcore", "page", f"{action}_page"),
                )

        if root_collection is not None:
            for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
                for action in COLLECTION_PERMISSIONS[name]:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=permission(apps, app_label, model, f"{action}_{model}"),
                    )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=task_type, active=True
        )
    task.groups.set([groups[REVIEWERS]])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    if root_page is not None:
        # The root carries one workflow: ours replaces Wagtail's "Moderators approval".
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})

    contact_type, _ = ContentType.objects.get_or_create(
        app_label="contacts", model="contactperson"
    )
    WorkflowContentType.objects.update_or_create(
        content_type=contact_type, defaults={"workflow": workflow}
    )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()
    Group.objects.filter(name__in=[EDITORS, REVIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("contacts", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
