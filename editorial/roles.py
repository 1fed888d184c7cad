"""Names of the web team's roles and review workflow, as created by the data migration.

A *redaktör* writes and submits for review; a *granskare* may also approve and
publish. Administrators are superusers and need no group.
"""

EDITORS = "Redaktörer"
REVIEWERS = "Granskare"
WORKFLOW_NAME = "Granskning"
# May browse and export the web archive (archive.view_snapshot), nothing else; created
# by archive/migrations/0002_archivists_group_and_permissions.py, which also gives the
# editors and reviewers that permission.
ARCHIVISTS = "Arkivarier"
