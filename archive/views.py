"""Archivists' views: lists of published versions, the archived copies, the WARC export.

Everything here needs ``archive.view_snapshot`` (groups Arkivarier, Redaktörer and
Granskare have it; superusers always).
"""

import datetime
import tempfile

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.method_not_allowed import allow_methods

from .forms import ExportForm, VersionOnDateForm
from .models import Snapshot, SnapshotResource
from .viewing import resource_response, snapshot_response
from .warc import export_prefix, snapshots_between, write_warc

PERMISSION = "archive.view_snapshot"
PER_PAGE = 50


def archivist_required(view):
    """Logged in (else the admin's login) and allowed to see the archive (else 403)."""
    return never_cache(
        login_required(
            permission_required(PERMISSION, raise_exception=True)(view),
            login_url="wagtailadmin_login",
        )
    )


def _list(request, snapshots, title, extra=None):
    page = Paginator(snapshots.select_related("body"), PER_PAGE).get_page(request.GET.get("p"))
    context = {"snapshots": page, "page_title": title, "header_icon": "history", **(extra or {})}
    return render(request, "archive/snapshot_list.html", context)


@archivist_required
def index(request):
    """Every archived version, newest first, and the export form."""
    return _list(
        request, Snapshot.objects.all(), _("Webbarkiv"), {"form": ExportForm(), "show_export": True}
    )


@archivist_required
def page_versions(request, page_key):
    """The archived versions of one page (also after the page was deleted). With
    ``?datum=YYYY-MM-DD``: the version visitors got at the end of that day (the last one
    captured before the next midnight, site time), or the list with a message."""
    snapshots = Snapshot.objects.filter(page_key=page_key)
    latest = snapshots.first()
    title = (
        _("Arkiverade versioner av ”%(title)s”") % {"title": latest.title}
        if latest
        else _("Arkiverade versioner")
    )
    on_date = VersionOnDateForm(request.GET if "datum" in request.GET else None)
    if on_date.is_valid():
        day = on_date.cleaned_data["datum"]
        midnight = timezone.make_aware(
            datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
        )
        in_force = snapshots.filter(captured_at__lt=midnight).first()
        if in_force is not None:
            return redirect("archive:review", in_force.pk)
        on_date.add_error(
            "datum", _("Sidan hade inte publicerats den %(day)s.") % {"day": day.isoformat()}
        )
    return _list(request, snapshots, title, {"page_key": page_key, "date_form": on_date})


@allow_methods("GET", "HEAD")
@archivist_required
def view_snapshot(request, pk):
    """The archived copy as it looked, with its files from the archive."""
    snapshot = get_object_or_404(Snapshot.objects.select_related("body"), pk=pk)
    return snapshot_response(snapshot, "archive:review_file")


@allow_methods("GET", "HEAD")
@archivist_required
def view_file(request, pk, resource_pk):
    resource = get_object_or_404(
        SnapshotResource.objects.select_related("blob", "snapshot"), pk=resource_pk, snapshot_id=pk
    )
    return resource_response(resource, "archive:review_file")


@archivist_required
@require_POST
def export(request):
    """The WARC file of the chosen date range, as a download (.warc.gz)."""
    form = ExportForm(request.POST)
    if not form.is_valid():
        return _list(
            request, Snapshot.objects.all(), _("Webbarkiv"), {"form": form, "show_export": True}
        )
    since, until = form.cleaned_data["since"], form.cleaned_data["until"]
    name = f"{export_prefix()}-{since:%Y%m%d}-{until:%Y%m%d}.warc.gz"
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    write_warc(snapshots_between(since, until).iterator(chunk_size=100), handle, filename=name)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/warc")
