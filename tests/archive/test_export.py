"""The WARC export round trip: what is written is read back by warcio, dates and bytes intact."""

import datetime
import hashlib
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from warcio.archiveiterator import ArchiveIterator
from warcio.timeutils import iso_date_to_datetime

from archive.models import Snapshot
from events.models import Speaker

from .conftest import publish


@pytest.fixture
def versions(conference, publisher):
    """Two versions of the conference, published on 2026-03-02 and 2026-03-05."""
    publish(conference, publisher)
    speaker = Speaker.objects.filter(conference=conference).last()
    speaker.name = "Cecilia Johansson"
    speaker.save()
    publish(conference, publisher)
    first, second = Snapshot.objects.order_by("pk")
    stockholm = datetime.timezone(datetime.timedelta(hours=1))
    Snapshot.objects.filter(pk=first.pk).update(
        captured_at=datetime.datetime(2026, 3, 2, 10, 15, 30, tzinfo=stockholm)
    )
    Snapshot.objects.filter(pk=second.pk).update(
        captured_at=datetime.datetime(2026, 3, 5, 23, 30, tzinfo=stockholm)
    )
    return [Snapshot.objects.get(pk=first.pk), Snapshot.objects.get(pk=second.pk)]


def read_records(stream):
    records = []
    for record in ArchiveIterator(stream, check_digests="raise"):
        records.append(
            {
                "type": record.rec_type,
                "uri": record.rec_headers.get_header("WARC-Target-URI"),
                "date": record.rec_headers.get_header("WARC-Date"),
                "protocol": record.rec_headers.protocol,
                "status": record.http_headers.get_statuscode() if record.http_headers else None,
                "content_type": record.http_headers.get_header("Content-Type")
                if record.http_headers
                else None,
                "payload": record.content_stream().read(),
            }
        )
    return records


def test_export_writes_each_version_and_document_with_its_date_and_bytes(versions, tmp_path):
    call_command(
        "export_web_archive",
        since="2026-03-01",
        until="2026-03-05",
        output=str(tmp_path),
        stdout=io.StringIO(),
    )

    warc = tmp_path / "webbarkiv-20260301-20260305.warc.gz"
    with warc.open("rb") as stream:
        records = read_records(stream)
    assert records[0]["type"] == "warcinfo"
    assert {record["protocol"] for record in records} == {"WARC/1.1"}
    pages = [r for r in records if r["type"] == "response" and r["uri"] == versions[0].url]
    assert [r["payload"] for r in pages] == [v.body.read() for v in versions]
    assert [iso_date_to_datetime(r["date"]) for r in pages] == [
        v.captured_at.astimezone(datetime.UTC).replace(tzinfo=None) for v in versions
    ]
    assert pages[0]["status"] == "200" and pages[0]["content_type"].startswith("text/html")
    assert b"Cecilia Johansson" not in pages[0]["payload"]
    assert b"Cecilia Johansson" in pages[1]["payload"]

    for resource in versions[0].resources.filter(kind="document"):
        first_copy = next(
            r for r in records if r["type"] == "response" and r["uri"] == resource.url
        )
        assert first_copy["payload"] == resource.blob.read()
        assert first_copy["date"] == pages[0]["date"]
        # The second version refers to the identical first copy.
        revisit = next(r for r in records if r["type"] == "revisit" and r["uri"] == resource.url)
        assert revisit["date"] == pages[1]["date"]

    metadata = [json.loads(r["payload"]) for r in records if r["type"] == "metadata"]
    assert [m["revision_id"] for m in metadata] == [v.revision_key for v in versions]
    assert metadata[0]["published_by"] == "Greta"

    manifest = (tmp_path / "manifest-sha256.txt").read_text()
    assert manifest == f"{hashlib.sha256(warc.read_bytes()).hexdigest()}  {warc.name}\n"


def test_export_leaves_out_versions_outside_the_range(versions, tmp_path):
    call_command(
        "export_web_archive",
        since="2026-03-03",
        until="2026-03-05",
        output=str(tmp_path),
        stdout=io.StringIO(),
    )

    with (tmp_path / "webbarkiv-20260303-20260305.warc.gz").open("rb") as stream:
        pages = [
            r
            for r in read_records(stream)
            if r["uri"] == versions[0].url and r["type"] == "response"
        ]
    assert [r["payload"] for r in pages] == [versions[1].body.read()]


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        ("2026-13-01", "2026-12-31", "--since måste vara ett datum"),
        ("2026-01-01", "igår", "--until måste vara ett datum"),
        ("2026-03-05", "2026-03-01", "ligger före --since"),
    ],
)
def test_bad_dates_are_refused_and_nothing_is_written(db, tmp_path, since, until, message):
    with pytest.raises(CommandError, match=message):
        call_command("export_web_archive", since=since, until=until, output=str(tmp_path / "ut"))
    assert not (tmp_path / "ut").exists()


def test_archivist_downloads_the_export_from_the_admin(archivist_client, versions):
    response = archivist_client.post(
        reverse("archive_export"), {"since": "2026-03-01", "until": "2026-03-31"}
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(
        'filename="webbarkiv-20260301-20260331.warc.gz"'
    )
    records = read_records(io.BytesIO(b"".join(response.streaming_content)))
    pages = [r for r in records if r["type"] == "response" and r["uri"] == versions[0].url]
    assert [r["payload"] for r in pages] == [v.body.read() for v in versions]


def test_admin_export_with_a_reversed_range_says_so(archivist_client, versions):
    response = archivist_client.post(
        reverse("archive_export"), {"since": "2026-03-31", "until": "2026-03-01"}
    )

    assert response.status_code == 200
    assert "Slutdatumet ligger före startdatumet." in response.content.decode()
    assert "Content-Disposition" not in response
