"""An archivist asks what a page said on a given day and gets the version in force then."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from archive.models import Snapshot

from .conftest import publish


@pytest.fixture
def versions(conference, publisher):
    """Published on 10 and 20 January 2018, site time."""
    publish(conference, publisher)
    publish(conference, publisher, title="Ny rubrik")
    first, second = Snapshot.objects.order_by("pk")
    for snapshot, day in ((first, 10), (second, 20)):
        moment = timezone.make_aware(datetime.datetime(2018, 1, day, 15, 0))
        Snapshot.objects.filter(pk=snapshot.pk).update(captured_at=moment)
    return first, second


def ask(client, snapshot, day):
    url = reverse("archive_page_versions", args=(snapshot.page_key,))
    return client.get(url, {"datum": day})


@pytest.mark.parametrize(
    ("day", "expected"),
    [("2018-01-10", 0), ("2018-01-19", 0), ("2018-01-20", 1), ("2025-06-01", 1)],
)
def test_the_version_in_force_at_the_end_of_the_day_is_opened(
    archivist_client, versions, day, expected
):
    response = ask(archivist_client, versions[0], day)

    assert response.status_code == 302
    assert response["Location"] == reverse("archive:review", args=(versions[expected].pk,))


def test_a_day_before_the_first_publication_is_explained(archivist_client, versions):
    response = ask(archivist_client, versions[0], "2018-01-09")

    assert response.status_code == 200
    assert "Sidan hade inte publicerats den 2018-01-09." in response.content.decode()


def test_a_day_that_is_not_a_date_is_an_error_on_the_form_not_a_crash(archivist_client, versions):
    response = ask(archivist_client, versions[0], "31 januari")

    assert response.status_code == 200
    assert 'name="datum"' in response.content.decode()
    assert "Fyll i ett giltigt datum" in response.content.decode()
