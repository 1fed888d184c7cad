"""Archive what visitors get when a page is made private, or public again.

A view restriction (Wagtail's page privacy: a password, a login, or membership of
some groups) takes a page and every page below it away from visitors, who from then on
get a password form or a login page; removing it gives them the pages again. Both
change the public record like an unpublish or a publish, so each live address the
restriction covers (the page, when live, and its live descendants: Wagtail applies a
restriction to the whole subtree, ``Page.get_view_restrictions``) is archived as
visitors get it from that moment, as "Skyddad" or "Öppnad igen", with who did it and
when (Wagtail's audit log, ``PageViewRestriction.save``/``delete``):

- ``wagtail.view_restriction.create``, and ``.edit`` when the kind changed (password,
  login, groups): logged after the restriction is saved, so captured on the entry;
- removal: Wagtail logs ``wagtail.view_restriction.delete`` *before* the row goes, so
  the capture waits for the row's ``post_delete`` and takes who and when from that entry.
  A restriction deleted with its page (no such entry) is the page's deletion
  (``archive.signals.archive_deleted_page``), not a reopening.

Not recorded: a new password or another choice of groups under the same kind (what
visitors get, the form or the login page, is the same before and after, and a password
is no part of the public record); a page that is not live (visitors got a 404 before
and after); a page that another restriction (on itself or above) keeps private before
and after.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page, PageLogEntry, PageViewRestriction

from .models import Snapshot
from .signals import capture_safely

CREATE, EDIT, DELETE = (f"wagtail.view_restriction.{name}" for name in ("create", "edit", "delete"))


def _kind(entry):
    """The restriction type Wagtail logged with ``entry`` ("password", "login", "groups")."""
    return ((entry.data or {}).get("restriction") or {}).get("type")


def _kind_text(kind):
    texts = {
        PageViewRestriction.PASSWORD: _("lösenord krävs"),
        PageViewRestriction.LOGIN: _("inloggning krävs"),
        PageViewRestriction.GROUPS: _("endast för vissa användargrupper"),
    }
    return texts.get(kind, _("åtkomsten begränsad"))


@receiver(post_save, sender=PageLogEntry, dispatch_uid="archive_restriction_on_log_entry")
def archive_restricted(sender, instance, created, raw=False, **kwargs):
    """A restriction was added, or changed: archive the pages it now covers."""
    if not created or raw or instance.action not in (CREATE, EDIT):
        return
    if instance.action == EDIT and _kind(instance) == _previous_kind(instance):
        return  # a new password or other groups: visitors get the same as before
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        archive_covered(page, instance, Snapshot.Action.RESTRICT)


@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="archive_restriction_removed")
def archive_reopened(sender, instance, **kwargs):
    """A restriction was removed (its row is gone): archive the pages it covered."""
    entry = (
        PageLogEntry.objects.filter(page_id=instance.page_id, action__in=(CREATE, EDIT, DELETE))
        .select_related("user")
        .order_by("-pk")
        .first()
    )
    if entry is None or entry.action != DELETE:
        return  # not removed through Wagtail: deleted together with its page
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        archive_covered(page, entry, Snapshot.Action.UNRESTRICT)


def archive_covered(page, entry, action):
    """Archive each live page of ``page``'s subtree whose public state ``entry`` (the
    restriction's PageLogEntry) changed, as ``action`` (RESTRICT or UNRESTRICT).

    Two queries find the pages, however large the subtree: the live pages, the
    restrictions left (each page is then captured as a visitor gets it). A page stays
    out when a restriction on another page (for a removal: any restriction) still
    covers it: it was private before and after.
    """
    targets = ([page] if page.live else []) + list(page.get_descendants().live().order_by("path"))
    remaining = PageViewRestriction.objects.values_list("page_id", "page__path")
    if action == Snapshot.Action.RESTRICT:
        remaining = remaining.exclude(page_id=page.pk)
    other_paths = tuple(path for _pk, path in remaining)
    # Wagtail logs a removal with the kind the admin's form set, "none": the kind
    # removed is the one the restriction was created or last changed to.
    kind = _kind(entry) if action == Snapshot.Action.RESTRICT else _previous_kind(entry)
    for target in targets:
        if other_paths and target.path.startswith(other_paths):
            continue
        capture_safely(
            target.specific_deferred,
            action,
            entry,
            user=entry.user,
            revision_id=target.live_revision_id,
            change_note=_note(action, kind, page, target),
        )


def _note(action, kind, page, target):
    """The Swedish note saying what happened (the kind, and where the restriction is)."""
    with translation.override(settings.LANGUAGE_CODE):  # a record, in the site's language
        values = {"kind": _kind_text(kind), "title": page.title}
        if action == Snapshot.Action.UNRESTRICT:
            if target.pk == page.pk:
                return _("Skyddet togs bort (%(kind)s)") % values
            return _("Skyddet på ”%(title)s” ovanför togs bort (%(kind)s)") % values
        if target.pk == page.pk:
            return _("Skyddad: %(kind)s") % values
        return _("Skyddad genom ”%(title)s” ovanför: %(kind)s") % values


def _previous_kind(entry):
    """The kind the restriction on ``entry``'s page had before ``entry`` (None: unknown):
    the type logged by the newest create or edit before it."""
    before = (
        PageLogEntry.objects.filter(
            page_id=entry.page_id, action__in=(CREATE, EDIT), pk__lt=entry.pk
        )
        .order_by("-pk")
        .first()
    )
    return _kind(before) if before else None
