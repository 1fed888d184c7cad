"""The public "as published on <date>" view, off unless ARCHIVE_PUBLIC_VIEW is on.

Only versions visitors actually got as the page (HTTP 200) are shown: not a 404, a
login redirect, nor the password form a protected page answered with (``RESTRICT``,
archive/restrictions.py), though that form came with a 200. With the setting off every
address here answers 404, as if it did not exist.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from core.method_not_allowed import allow_methods

from .models import Snapshot, SnapshotResource
from .viewing import resource_response, snapshot_response


def _require_enabled():
    if not getattr(settings, "ARCHIVE_PUBLIC_VIEW", False):
        raise Http404


def _public_versions():
    """The snapshots a visitor got as the page (see the module's docstring)."""
    return Snapshot.objects.filter(status_code=200).exclude(action=Snapshot.Action.RESTRICT)


@allow_methods("GET", "HEAD")
def page_versions(request, page_key):
    """The dates on which a page was published, each linking to that version."""
    _require_enabled()
    snapshots = list(_public_versions().filter(page_key=page_key)[:500])
    if not snapshots:
        raise Http404
    return render(
        request,
        "archive/public_versions.html",
        {"snapshots": snapshots, "title": snapshots[0].title},
    )


@allow_methods("GET", "HEAD")
def view_snapshot(request, pk):
    _require_enabled()
    snapshot = get_object_or_404(_public_versions().select_related("body", "page"), pk=pk)
    return snapshot_response(snapshot, "archive:public_file")


@allow_methods("GET", "HEAD")
def view_file(request, pk, resource_pk):
    _require_enabled()
    resource = get_object_or_404(
        SnapshotResource.objects.select_related("blob", "snapshot"),
        pk=resource_pk,
        snapshot__in=_public_versions().filter(pk=pk),
    )
    return resource_response(resource, "archive:public_file")
