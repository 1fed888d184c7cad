"""Write archived snapshots as WARC 1.1 files (ISO 28500:2017), with warcio.

Each snapshot becomes a ``response`` record for the page's address, dated when it
was published (WARC-Date), holding the HTTP status line, headers and body the
visitor got, followed by a ``metadata`` record (JSON: page, revision, action, who
published, change note) and one record per file the page used. A file whose URL and
bytes were already written earlier in the same WARC file becomes a ``revisit`` record
(profile identical-payload-digest) instead of a second copy. The file opens with a
``warcinfo`` record. Spec: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/
"""

import datetime
import hashlib
import io
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from .models import Snapshot

# Hop-by-hop or encoding headers that no longer describe the stored payload.
DROPPED_HEADERS = {"transfer-encoding", "content-encoding", "connection"}


def snapshots_between(since, until):
    """Snapshots published on the days ``since``..``until`` (dates, inclusive, in the
    site's TIME_ZONE), oldest first. Raises ValidationError if ``until`` < ``since``."""
    if until < since:
        raise ValidationError("until is before since")
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime.datetime.combine(since, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(
        until + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return (
        Snapshot.objects.filter(captured_at__gte=start, captured_at__lt=end)
        .select_related("body")
        .prefetch_related("resources__blob")
        .order_by("captured_at", "pk")
    )


def _http_headers(status, headers):
    from http import HTTPStatus

    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    kept = [(name, value) for name, value in headers if name.lower() not in DROPPED_HEADERS]
    return StatusAndHeaders(f"{status} {reason}".strip(), kept, protocol="HTTP/1.1")


def write_warc(snapshots, fileobj, *, filename):
    """Write ``snapshots`` (an iterable of Snapshot) to ``fileobj`` (binary, writable)
    as one gzipped WARC 1.1 file named ``filename``; return the number of snapshots."""
    writer = WARCWriter(fileobj, gzip=True, warc_version="1.1")
    writer.write_record(
        writer.create_warcinfo_record(
            filename,
            {
                "software": "agency-site archive app, warcio",
                "format": "WARC File Format 1.1",
                "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
                "isPartOf": settings.WAGTAIL_SITE_NAME,
                "description": (
                    "Publicerade versioner av webbplatsens sidor, som anonyma besökare fick dem."
                ),
            },
        )
    )
    written = {}  # (url, sha256) -> (payload digest, WARC-Date) of the first copy
    count = 0
    for snapshot in snapshots:
        count += 1
        date = warc_date(snapshot.captured_at)
        response = writer.create_warc_record(
            snapshot.url,
            "response",
            payload=io.BytesIO(snapshot.body.read()),
            http_headers=_http_headers(snapshot.status_code, snapshot.headers),
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(response)
        record_id = response.rec_headers.get_header("WARC-Record-ID")
        writer.write_record(_metadata_record(writer, snapshot, date, record_id))
        for resource in snapshot.resources.all():
            key = (resource.url, resource.blob.sha256)
            http_headers = _http_headers(resource.status_code, resource.headers)
            if key in written:
                digest, first_date = written[key]
                record = writer.create_revisit_record(
                    resource.url,
                    digest,
                    resource.url,
                    first_date,
                    http_headers=http_headers,
                    warc_headers_dict={"WARC-Date": date},
                )
            else:
                record = writer.create_warc_record(
                    resource.url,
                    "response",
                    payload=io.BytesIO(resource.blob.read()),
                    http_headers=http_headers,
                    warc_headers_dict={"WARC-Date": date},
                )
                written[key] = (record.rec_headers.get_header("WARC-Payload-Digest"), date)
            writer.write_record(record)
    return count


def warc_date(moment):
    """WARC-Date of an aware datetime: UTC, ISO 8601 with "Z" (WARC 1.1, 5.4).

    warcio writes an aware datetime as "...+00:00Z", which no reader accepts."""
    naive_utc = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    return datetime_to_iso_date(naive_utc, use_micros=True)


def _metadata_record(writer, snapshot, date, concurrent_to):
    data = {
        "page_id": snapshot.page_key,
        "page_type": snapshot.page_type,
        "title": snapshot.title,
        "action": snapshot.action,
        "revision_id": snapshot.revision_key,
        "published_by": snapshot.user_name,
        "change_note": snapshot.change_note,
        "captured_at": snapshot.captured_at.isoformat(),
        "sha256": snapshot.body.sha256,
    }
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    return writer.create_warc_record(
        snapshot.url,
        "metadata",
        payload=io.BytesIO(payload),
        length=len(payload),
        warc_content_type="application/json",
        warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": concurrent_to},
    )


def export_range(since, until, output_dir):
    """Write the snapshots of ``since``..``until`` (dates) into ``output_dir`` (Path):
    one ``<site>-<since>-<until>.warc.gz`` and ``manifest-sha256.txt`` (sha256sum
    format: "<hex>  <file name>"). Returns (warc path, number of snapshots)."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    name = f"{export_prefix()}-{since:%Y%m%d}-{until:%Y%m%d}.warc.gz"
    path = output_dir / name
    with path.open("wb") as handle:
        count = write_warc(
            snapshots_between(since, until).iterator(chunk_size=100), handle, filename=name
        )
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    manifest = output_dir / "manifest-sha256.txt"
    manifest.write_text(f"{digest.hexdigest()}  {name}\n", encoding="utf-8")
    return path, count


def export_prefix():
    return getattr(settings, "ARCHIVE_EXPORT_PREFIX", "webbarkiv")
