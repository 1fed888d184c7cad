"""Archive a page whenever Wagtail records that its public state changed.

Wagtail writes an audit log entry for every publish (from the editor, a workflow
approval, a copy, or ``publish_scheduled``), every unpublish (by hand or when
``expire_at`` passes) and every move, always after the page itself is saved. That
entry carries who did it and when, so the capture hangs on its creation rather than
on ``page_published``, which Wagtail sends before the log entry exists.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, PageLogEntry

from .capture import capture_page
from .change_notes import change_note_for
from .models import Snapshot

logger = logging.getLogger(__name__)

ACTIONS = {
    "wagtail.publish": Snapshot.Action.PUBLISH,
    "wagtail.publish.scheduled": Snapshot.Action.PUBLISH,
    "wagtail.unpublish": Snapshot.Action.UNPUBLISH,
    "wagtail.unpublish.scheduled": Snapshot.Action.UNPUBLISH,
    "wagtail.move": Snapshot.Action.MOVE,
}


@receiver(post_save, sender=PageLogEntry, dispatch_uid="archive_page_on_log_entry")
def archive_on_log_entry(sender, instance, created, raw=False, **kwargs):
    action = ACTIONS.get(instance.action)
    if not created or raw or action is None:
        return
    # Read afresh: the log entry may hold the instance from before a move.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    user = instance.user or _scheduling_user(instance)
    try:
        # A failed capture must not undo the publish: it rolls back only its own part
        # and is logged as an error for the web team to see.
        with transaction.atomic():
            capture_page(
                page.specific,
                action,
                user=user,
                revision_id=instance.revision_id,
                change_note=change_note_for(page, instance),
                when=instance.timestamp,
            )
    except Exception:  # noqa: BLE001 - see above
        logger.exception("Could not archive page %s after %s", page.pk, instance.action)


def _scheduling_user(entry):
    """Who scheduled the revision the scheduler just published (None if nobody)."""
    if entry.action != "wagtail.publish.scheduled" or entry.revision_id is None:
        return None
    scheduled = (
        PageLogEntry.objects.filter(
            action="wagtail.publish.schedule", revision_id=entry.revision_id
        )
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    return scheduled.user if scheduled else None
