"""Retention (gallring): versions older than their page type's limit are removed and logged."""

import datetime
import io
import logging

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone

from archive.models import Blob, Snapshot
from pages.factories import TopicPageFactory

from .conftest import publish


@pytest.fixture
def old_and_new(conference, publisher, home):
    publish(conference, publisher)
    publish(conference, publisher, title="Ny rubrik")
    topic = TopicPageFactory(parent=home)
    publish(topic, publisher)
    old_conference, new_conference = Snapshot.objects.filter(page_key=conference.pk).order_by("pk")
    long_ago = timezone.now() - datetime.timedelta(days=400)
    Snapshot.objects.filter(pk=old_conference.pk).update(captured_at=long_ago)
    Snapshot.objects.filter(page_key=topic.pk).update(captured_at=long_ago)
    return old_conference, new_conference, Snapshot.objects.get(page_key=topic.pk)


def test_versions_past_their_page_types_limit_are_removed_with_their_files(
    old_and_new, settings, caplog
):
    old, new, topic = old_and_new
    settings.ARCHIVE_RETENTION_DAYS = {"events.ConferencePage": 365}
    old_body = old.body
    assert old_body.pk != new.body.pk
    stdout = io.StringIO()

    with caplog.at_level(logging.INFO, logger="archive.retention"):
        call_command("apply_archive_retention", stdout=stdout)

    assert set(Snapshot.objects.values_list("pk", flat=True)) == {new.pk, topic.pk}
    assert not Blob.objects.filter(pk=old_body.pk).exists()
    assert not default_storage.exists(old_body.storage_name)
    # Files the kept version still uses stay.
    for resource in new.resources.all():
        assert default_storage.exists(resource.blob.storage_name)
    assert f"Gallrade version {old.pk}: {old.url}" in stdout.getvalue()
    assert "Gallrade 1 versioner" in stdout.getvalue()
    assert f"Retention removes snapshot {old.pk}" in caplog.text
    assert f"Retention removes archived file {old_body.sha256}" in caplog.text


def test_by_default_every_version_is_kept(old_and_new):
    call_command("apply_archive_retention", stdout=io.StringIO())
    assert Snapshot.objects.count() == 3


def test_dry_run_removes_nothing(old_and_new, settings):
    settings.ARCHIVE_RETENTION_DAYS = {"events.ConferencePage": 0, "pages.TopicPage": 0}
    stdout = io.StringIO()
    call_command("apply_archive_retention", dry_run=True, stdout=stdout)
    assert Snapshot.objects.count() == 3
    assert "Skulle gallra 3 versioner" in stdout.getvalue()


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"events.ConferencePage": "tio år"}, "must be whole days"),
        ({"events.ConferencePage": -1}, "must be whole days"),
        ({"events.Konferens": 10}, "which is no page type"),
    ],
)
def test_a_bad_retention_setting_is_a_clear_error(old_and_new, settings, rules, message):
    settings.ARCHIVE_RETENTION_DAYS = rules
    with pytest.raises(CommandError, match=message):
        call_command("apply_archive_retention", stdout=io.StringIO())
    assert Snapshot.objects.count() == 3


def test_the_development_scheduler_applies_retention(old_and_new, settings):
    from unittest import mock

    settings.ARCHIVE_RETENTION_DAYS = {"pages.TopicPage": 30}
    with mock.patch("time.sleep", side_effect=KeyboardInterrupt):
        call_command("publish_scheduled_loop", stdout=io.StringIO())
    assert Snapshot.objects.count() == 2
