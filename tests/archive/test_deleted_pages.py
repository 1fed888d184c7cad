"""Deleting a published page is a change of the public record like an unpublish: the
archive keeps a version saying what visitors got from then on (the 404), when and who,
so an archivist asking what the address said after that day is not shown the page as if
it were still published."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.delete_page import DeletePageAction

from archive.models import Snapshot
from events.factories import ConferencePageFactory

from .conftest import publish


def delete_in_admin(client, page):
    return client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))


def test_deleting_a_published_page_in_the_admin_archives_what_visitors_get_then(
    conference, publisher, admin_client, admin_user, django_capture_on_commit_callbacks
):
    publish(conference, publisher)
    url = Snapshot.objects.get().url

    with django_capture_on_commit_callbacks(execute=True):
        response = delete_in_admin(admin_client, conference)

    assert response.status_code == 302
    deleted = Snapshot.objects.filter(page_key=conference.pk).first()
    assert deleted.action == "delete"
    assert deleted.status_code == 404
    assert deleted.url == url
    assert deleted.user == admin_user
    assert deleted.title == "Smart specialisering 2018"
    assert abs(deleted.captured_at - timezone.now()) < datetime.timedelta(minutes=1)


def test_pages_below_a_deleted_page_get_their_deletion_recorded_too(
    conference, publisher, django_capture_on_commit_callbacks
):
    publish(conference, publisher)
    index = conference.get_parent().specific
    publish(index, publisher)

    with django_capture_on_commit_callbacks(execute=True):
        DeletePageAction(index, user=publisher).execute(skip_permission_checks=True)

    for page in (index, conference):
        last = Snapshot.objects.filter(page_key=page.pk).first()
        assert (last.action, last.status_code, last.user) == ("delete", 404, publisher)


def test_a_page_never_published_leaves_no_version_when_deleted(
    home, publisher, django_capture_on_commit_callbacks
):
    draft = ConferencePageFactory(parent=home, live=False)

    with django_capture_on_commit_callbacks(execute=True):
        DeletePageAction(draft, user=publisher).execute(skip_permission_checks=True)

    assert not Snapshot.objects.filter(page_key=draft.pk).exists()


@pytest.mark.parametrize("day_after", [0, 30])
def test_asking_for_a_day_after_the_deletion_opens_the_deletion_not_the_old_page(
    conference, publisher, admin_client, django_capture_on_commit_callbacks, day_after
):
    publish(conference, publisher)
    with django_capture_on_commit_callbacks(execute=True):
        delete_in_admin(admin_client, conference)
    published, deleted = Snapshot.objects.order_by("pk")
    Snapshot.objects.filter(pk=published.pk).update(
        captured_at=timezone.make_aware(datetime.datetime(2018, 1, 10, 12))
    )
    Snapshot.objects.filter(pk=deleted.pk).update(
        captured_at=timezone.make_aware(datetime.datetime(2018, 2, 1, 12))
    )
    day = datetime.date(2018, 2, 1) + datetime.timedelta(days=day_after)

    response = admin_client.get(
        reverse("archive_page_versions", args=(conference.pk,)), {"datum": day.isoformat()}
    )

    assert response["Location"] == reverse("archive:review", args=(deleted.pk,))


def test_the_deletion_is_listed_and_its_copy_says_the_page_was_deleted(
    conference, publisher, admin_client, django_capture_on_commit_callbacks
):
    publish(conference, publisher)
    with django_capture_on_commit_callbacks(execute=True):
        delete_in_admin(admin_client, conference)
    deleted = Snapshot.objects.filter(page_key=conference.pk).first()

    listing = admin_client.get(reverse("archive_page_versions", args=(conference.pk,)))
    copy = admin_client.get(reverse("archive:review", args=(deleted.pk,)))

    assert listing.status_code == 200
    assert "Raderad" in listing.content.decode()
    assert "Sidan raderades vid den tidpunkten." in copy.content.decode()
