"""Snapshots live in the site's media storage: here a private S3 bucket (SeaweedFS)."""

import uuid

import pytest
from django.test import Client

from agency.settings.base import s3_media_storage
from archive.models import Snapshot

from .conftest import publish


@pytest.fixture
def bucket(seaweedfs, settings):
    name = f"archive-{uuid.uuid4().hex[:12]}"
    seaweedfs.create_bucket(name)
    settings.AWS_STORAGE_BUCKET_NAME = name
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_media_storage(seaweedfs.environment(name)),
    }
    return name


def test_snapshot_files_are_stored_once_in_the_bucket_and_read_back(
    bucket, seaweedfs, home, publisher
):
    from events.factories import ConferenceIndexPageFactory, ConferencePageFactory, SpeakerFactory

    index = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(parent=index)
    SpeakerFactory(conference=conference, name="Isabel Poli")

    publish(conference, publisher)
    publish(conference, publisher)

    first, second = Snapshot.objects.order_by("pk")
    listing = seaweedfs.client().list_objects_v2(Bucket=bucket, Prefix="archive/blobs/")
    keys = sorted(item["Key"] for item in listing.get("Contents", []))
    assert first.body.storage_name in keys
    assert len(keys) == len(set(keys))
    assert first.body.read() == Client().get(conference.url).content
    document = first.resources.get(kind="document")
    assert second.resources.get(kind="document").blob_id == document.blob_id
    assert document.blob.read()[:5] == b"%PDF-"
