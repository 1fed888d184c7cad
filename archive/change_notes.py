"""The change note that goes with a publish, as plain text for the snapshot.

Wagtail 8 revisions carry no change note. Two sources are read, first match wins:
a ``change_note`` attribute on the published page (a public "what changed" note, if
the page type has one), then the comment the reviewer gave when approving the
revision in the review workflow.
"""

from wagtail.models import TaskState


def change_note_for(page, log_entry):
    """The note (str, possibly empty) for ``log_entry`` (a PageLogEntry) of ``page``."""
    note = getattr(page.specific_deferred, "change_note", "")
    if isinstance(note, str) and note.strip():
        return note.strip()
    if log_entry.revision_id is None:
        return ""
    approval = (
        TaskState.objects.filter(revision_id=log_entry.revision_id, status="approved")
        .exclude(comment="")
        .order_by("-finished_at")
        .first()
    )
    return approval.comment if approval else ""
