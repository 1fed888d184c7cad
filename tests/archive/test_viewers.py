"""The archivists' viewer and the public "as published on" viewer show a snapshot the same
way (archive/viewing.py): files from their own file address, a link to the live page."""

import pytest
from django.test import Client
from django.urls import reverse

from archive.models import Snapshot

from .conftest import publish

VIEWERS = [("archive:review", "archive:review_file"), ("archive:public", "archive:public_file")]
LIVE_LINK = "Gå till den aktuella sidan"


@pytest.fixture
def snapshot(conference, publisher):
    publish(conference, publisher)
    return Snapshot.objects.get()


@pytest.fixture
def client_for(archivist_client, settings):
    settings.ARCHIVE_PUBLIC_VIEW = True
    return {"archive:review": archivist_client, "archive:public": Client()}


@pytest.mark.parametrize(("view", "file_view"), VIEWERS)
def test_each_viewer_serves_the_snapshots_files_from_its_own_address(
    client_for, snapshot, view, file_view
):
    client = client_for[view]
    html = client.get(reverse(view, args=(snapshot.pk,))).content.decode()

    resources = list(snapshot.resources.all())
    assert resources
    for resource in resources:
        own_url = reverse(file_view, args=(snapshot.pk, resource.pk))
        assert f'"{own_url}"' in html, resource.url
        assert client.get(own_url).status_code == 200
    other_file_view = next(name for _view, name in VIEWERS if name != file_view)
    assert reverse(other_file_view, args=(snapshot.pk, resources[0].pk)) not in html


@pytest.mark.parametrize(("view", "file_view"), VIEWERS)
def test_each_viewer_links_the_live_page_only_while_it_is_live(
    client_for, snapshot, conference, view, file_view
):
    client = client_for[view]
    live_url = conference.url
    live_html = client.get(reverse(view, args=(snapshot.pk,))).content.decode()

    conference.unpublish()
    gone_html = client.get(reverse(view, args=(snapshot.pk,))).content.decode()

    assert LIVE_LINK in live_html
    assert f'href="{live_url}"' in live_html
    assert "Arkiverad kopia." in gone_html
    assert LIVE_LINK not in gone_html
