"""No save can undo a publish: page saves that started before a publish keep its result.

Wagtail's edit view reads the page when a request arrives and, for a page that is not
live, writes the whole row back (``form.save(commit=not page.live)``). A save that read
the page just before a reviewer's "Godkänn och publicera" committed (in the admin this is
an autosave racing the approval) therefore wrote ``live=False`` over the fresh publish:
the page went offline while its log and the approval e-mail said it was published.

``PublicationGuard`` remembers the publication state a page object was read with and,
under a row lock, compares it with the database's when the object is saved:

- ``save()`` of an object read before a publish or unpublish it did not make itself
  keeps the database's publication state (``live``, ``live_revision``, publish dates);
  when the page has become live it does not write the object's draft content into the
  live row at all (Wagtail's own rule: drafts of a live page live in revisions).
- ``save_revision()`` never overwrites the revision that is live, and refuses a revision
  from an autosave whose page object is older than the latest publish
  (``refuse_stale_revision``); the edit view turns the refusal into its usual
  "invalid revision" answer, which stops the browser's autosave.

The same idea, a compare-and-set on a version read earlier, is optimistic concurrency
control ("lost update" prevention, RFC 9110 section 13.1 conditional requests).
"""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

logger = logging.getLogger(__name__)

# What "published" is made of, as Wagtail's publish and unpublish actions set it.
STATE_FIELDS = ("live", "live_revision_id", "last_published_at")
# Fields a stale save takes from the database instead of from the object.
KEPT_FIELDS = (
    "live",
    "live_revision_id",
    "first_published_at",
    "last_published_at",
    "has_unpublished_changes",
    "expired",
)


def publication_state(page_id):
    """The page's current ``(live, live_revision_id, last_published_at)``, or None."""
    return Page.objects.filter(pk=page_id).values_list(*STATE_FIELDS).first()


def publication_token(page_id):
    """A short text that changes whenever the page is published or unpublished.

    The editor form carries it (``loaded_publication_state``) so that a request from an
    editing session can tell whether the page was published after the session loaded it.
    """
    state = publication_state(page_id)
    if state is None:
        return ""
    live, live_revision_id, last_published_at = state
    stamp = last_published_at.isoformat() if last_published_at else ""
    return f"{int(live)}:{live_revision_id or ''}:{stamp}"


class PublicationGuard:
    """Mixin for page models (before ``Page`` in the bases); see the module docstring."""

    #: Set on the object by the admin for autosaves: a stale object gets no revision.
    refuse_stale_revision = False

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._publication_state_read = _state_of(instance)
        return instance

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        if fields is None:
            self._publication_state_read = _state_of(self)

    def with_content_json(self, content):
        # A revision's object is made from the page row read just now: same state.
        obj = super().with_content_json(content)
        obj._publication_state_read = getattr(self, "_publication_state_read", None)
        return obj

    def save(self, *args, **kwargs):
        read = getattr(self, "_publication_state_read", None)
        if self.pk is None or read is None or kwargs.get("update_fields") is not None:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            current = _locked_state(self.pk)
            if current is not None and self._is_stale(read, current):
                self._publication_state_stale = True
                self._adopt(current)
                if current[0]:
                    logger.warning(
                        "Page %s was published after this copy was read; "
                        "its draft content is not written into the live page.",
                        self.pk,
                    )
                    return None
            result = super().save(*args, **kwargs)
            self._publication_state_read = _state_of(self)
            return result

    def save_revision(self, *args, overwrite_revision=None, **kwargs):
        with transaction.atomic():
            current = _locked_state(self.pk)
            if current is not None:
                if overwrite_revision is not None and overwrite_revision.pk == current[1]:
                    raise PermissionDenied(
                        _(
                            "Versionen har publicerats och kan inte skrivas över. "
                            "Ladda om sidan för att fortsätta redigera."
                        )
                    )
                read = getattr(self, "_publication_state_read", None)
                stale = getattr(self, "_publication_state_stale", False) or (
                    read is not None and self._is_stale(read, current)
                )
                if stale and self.refuse_stale_revision:
                    raise PermissionDenied(
                        _(
                            "Sidan har publicerats eller avpublicerats sedan du öppnade den. "
                            "Ladda om sidan för att fortsätta redigera."
                        )
                    )
                if stale:
                    self._adopt(current)
            return super().save_revision(*args, overwrite_revision=overwrite_revision, **kwargs)

    def _is_stale(self, read, current):
        """True when the database's publication state moved on since ``read`` and this
        object is not itself publishing (newer publish date) or unpublishing (live flipped)."""
        if current == read:
            return False
        if self.live != read[0]:
            return False
        published_now = self.last_published_at is not None and (
            current[2] is None or self.last_published_at > current[2]
        )
        return not published_now

    def _adopt(self, current):
        row = Page.objects.filter(pk=self.pk).values(*KEPT_FIELDS).first()
        for field, value in row.items():
            setattr(self, field, value)
        self._publication_state_read = current


def _state_of(instance):
    values = instance.__dict__
    if not all(field in values for field in STATE_FIELDS):
        return None  # deferred fields: nothing to compare against
    return tuple(values[field] for field in STATE_FIELDS)


def _locked_state(page_id):
    return Page.objects.select_for_update().filter(pk=page_id).values_list(*STATE_FIELDS).first()
