"""Retention (gallring): delete archived versions older than their page type's limit.

``ARCHIVE_RETENTION_DAYS`` maps a page type ("events.ConferencePage", app label and
model name as in ``Model._meta.label``) to the number of days its versions are kept;
a page type not named is kept forever. Files no longer used by any kept version are
removed from the media storage too. Every removal is logged.
"""

import datetime
import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .blobs import delete_unreferenced_blobs
from .models import Snapshot

logger = logging.getLogger(__name__)


def retention_days():
    """{page type label: days} from settings; raises ValueError on a bad entry."""
    rules = getattr(settings, "ARCHIVE_RETENTION_DAYS", {}) or {}
    for label, days in rules.items():
        try:
            apps.get_model(label)
        except (LookupError, ValueError):
            raise ValueError(
                f"ARCHIVE_RETENTION_DAYS names {label!r}, which is no page type "
                "(write it as app label and model, e.g. 'events.ConferencePage')"
            ) from None
        if not isinstance(days, int) or days < 0:
            raise ValueError(
                f"ARCHIVE_RETENTION_DAYS[{label!r}] must be whole days >= 0, not {days!r}"
            )
    return rules


def apply_retention(now=None, dry_run=False):
    """Delete expired snapshots; return ([(id, page type, url, captured_at)], [sha256]).

    With ``dry_run`` nothing is deleted and the second list is empty.
    """
    now = now or timezone.now()
    removed = []
    for label, days in retention_days().items():
        cutoff = now - datetime.timedelta(days=days)
        expired = Snapshot.objects.filter(page_type=label, captured_at__lt=cutoff)
        rows = list(expired.values_list("pk", "page_type", "url", "captured_at"))
        for pk, page_type, url, captured_at in rows:
            logger.info(
                "Retention removes snapshot %s of %s (%s, %s)", pk, url, page_type, captured_at
            )
        if rows and not dry_run:
            with transaction.atomic():
                Snapshot.objects.filter(pk__in=[row[0] for row in rows]).delete()
        removed.extend(rows)
    blobs = [] if dry_run else delete_unreferenced_blobs()
    for sha256 in blobs:
        logger.info("Retention removes archived file %s", sha256)
    return removed, blobs
