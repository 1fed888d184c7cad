"""Archive a page whenever Wagtail records that its public state changed.

Wagtail writes an audit log entry for every publish (from the editor, a workflow
approval, a copy, or ``publish_scheduled``), every unpublish (by hand or when
``expire_at`` passes) and every move, always after the page itself is saved. That
entry carries who did it and when, so the capture hangs on its creation rather than
on ``page_published``, which Wagtail sends before the log entry exists.

A move, or a publish that changed the page's slug, changes the address of every page
below it as well; Wagtail logs it for the moved page only (and makes redirects from
the old addresses of the whole subtree, ``wagtail.contrib.redirects``). So the live
pages below are archived too, at their new addresses, as moved: the subtree is read in
one query, each of its pages then captured as a visitor gets it.

A deletion is logged before the page goes, so it is archived once the deletion is
committed (``archive_deleted_page``): what visitors get at the page's last archived
address from then on (a 404, or the redirect an editor made), as "Raderad", with who
deleted it and when. Pages never archived (never published) get nothing.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page, PageLogEntry

from .capture import capture_address, capture_page
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
    previous_url = (
        Snapshot.objects.filter(page_key=page.pk).values_list("url", flat=True).first()
        if action == Snapshot.Action.PUBLISH
        else None
    )
    snapshot = capture_safely(
        page.specific,
        action,
        instance,
        user=user,
        revision_id=instance.revision_id,
        change_note=change_note_for(page, instance),
    )
    address_changed = action == Snapshot.Action.MOVE or (
        previous_url is not None and snapshot is not None and snapshot.url != previous_url
    )
    if address_changed:
        archive_subtree(page, instance, user)


@receiver(post_delete, sender=Page, dispatch_uid="archive_deleted_page")
def archive_deleted_page(sender, instance, **kwargs):
    """A published page was deleted (itself or with an ancestor): archive, after the
    commit, what visitors get at its address (see the module's docstring)."""
    last = Snapshot.objects.filter(page_key=instance.pk).only("url", "page_type").first()
    if last is None:
        return
    page_key, title, url, page_type = instance.pk, instance.title, last.url, last.page_type

    def capture():
        entry = (
            PageLogEntry.objects.filter(page_id=page_key, action="wagtail.delete")
            .select_related("user")
            .order_by("-timestamp")
            .first()
        )
        try:
            with transaction.atomic():
                capture_address(
                    url,
                    Snapshot.Action.DELETE,
                    page_key=page_key,
                    page_type=page_type,
                    title=title,
                    user=entry.user if entry else None,
                    when=entry.timestamp if entry else None,
                )
        except Exception:  # noqa: BLE001 - as capture_safely: the deletion stands, the error is logged
            logger.exception("Could not archive the deletion of page %s", page_key)

    transaction.on_commit(capture)


def archive_subtree(page, entry, user):
    """Archive the live pages below ``page`` at their new addresses, as moved.

    ``entry`` is the PageLogEntry of the move (or of the publish that changed the slug),
    ``user`` who did it. One query for the subtree, however deep and wide.
    """
    descendants = list(page.get_descendants().live().order_by("path"))
    if not descendants:
        return
    with translation.override(settings.LANGUAGE_CODE):  # a record, in the site's language
        note = _("Adressen ändrades när ”%(title)s” flyttades eller bytte adress.") % {
            "title": page.title
        }
    for descendant in descendants:
        capture_safely(
            descendant,
            Snapshot.Action.MOVE,
            entry,
            user=user,
            revision_id=descendant.live_revision_id,
            change_note=note,
        )
    logger.info("Archived %s pages below page %s at their new addresses", len(descendants), page.pk)


def capture_safely(page, action, entry, **details):
    """capture_page in its own savepoint: a failed capture must not undo the publish or
    the move; it rolls back only its own part and is logged as an error for the web
    team to see. Returns the Snapshot or None."""
    try:
        with transaction.atomic():
            return capture_page(page, action, when=entry.timestamp, **details)
    except Exception:  # noqa: BLE001 - see above
        logger.exception("Could not archive page %s after %s", page.pk, entry.action)
        return None


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
