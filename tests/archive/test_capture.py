"""Each publish, unpublish, move, scheduled publish and approval stores what a visitor got."""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Workflow

from archive.models import Blob, Snapshot
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory
from events.models import Speaker

from .conftest import publish


def test_publishing_stores_the_page_as_a_visitor_got_it(conference, publisher, admin_client):
    revision = publish(conference, publisher)

    snapshot = Snapshot.objects.get()
    visitor_html = Client().get(conference.url).content
    assert snapshot.body.read() == visitor_html
    assert snapshot.status_code == 200
    assert snapshot.url == "http://testserver" + conference.url
    assert snapshot.revision_key == revision.pk
    assert snapshot.user == publisher and snapshot.user_name == "Greta"
    assert snapshot.page_type == "events.ConferencePage"
    assert abs(snapshot.captured_at - timezone.now()) < datetime.timedelta(minutes=1)
    assert dict(snapshot.headers)["Content-Type"].startswith("text/html")
    # What an anonymous visitor got: no editor's toolbar although an editor published.
    assert b"wagtail-userbar" not in snapshot.body.read()


def test_stylesheets_and_every_linked_document_are_stored_with_their_bytes(conference, publisher):
    publish(conference, publisher)

    resources = {resource.url: resource for resource in Snapshot.objects.get().resources.all()}
    css = resources["http://testserver/static/css/site.css"]
    assert css.kind == "stylesheet"
    assert css.blob.read() == (settings.BASE_DIR / "static/css/site.css").read_bytes()
    for speaker in Speaker.objects.filter(conference=conference):
        document = speaker.presentation
        resource = resources["http://testserver" + document.url]
        assert resource.kind == "document"
        with document.file.open("rb") as handle:
            assert resource.blob.read() == handle.read()


def test_the_same_bytes_are_stored_once(conference, publisher):
    publish(conference, publisher)
    blobs = Blob.objects.count()

    publish(conference, publisher)  # republished unchanged

    assert Snapshot.objects.count() == 2
    assert Blob.objects.count() == blobs


def test_a_document_visitors_may_not_download_is_not_archived(conference, publisher, group=None):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    speaker = Speaker.objects.filter(conference=conference).first()
    speaker.presentation = DocumentFactory(collection=private, title="Internt")
    speaker.save()

    publish(conference, publisher)

    urls = set(Snapshot.objects.get().resources.values_list("url", flat=True))
    assert "http://testserver" + speaker.presentation.url not in urls
    assert sum(url.startswith("http://testserver/dokument/") for url in urls) == 1


def test_unpublishing_stores_what_visitors_get_then(conference, publisher):
    publish(conference, publisher)

    conference.unpublish(user=publisher)

    snapshot = Snapshot.objects.first()
    assert snapshot.action == Snapshot.Action.UNPUBLISH
    assert snapshot.status_code == 404
    assert snapshot.user == publisher


def test_moving_stores_the_page_at_its_new_address(conference, publisher, home):
    publish(conference, publisher)
    other_index = ConferenceIndexPageFactory(parent=home, title="Arkiv", slug="tidigare")

    conference.move(other_index, pos="last-child", user=publisher)

    snapshot = Snapshot.objects.first()
    assert snapshot.action == Snapshot.Action.MOVE
    assert snapshot.url == f"http://testserver/tidigare/{conference.slug}/"
    assert snapshot.status_code == 200


def test_scheduled_publishing_is_archived_with_who_scheduled_it(conference, publisher):
    conference.refresh_from_db()
    conference.title = "Schemalagd version"
    conference.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = conference.save_revision(user=publisher)
    revision.publish(user=publisher)  # schedules it
    assert not Snapshot.objects.exists()

    # The next day, as the scheduler sees it: the go-live time has passed.
    yesterday = timezone.now() - datetime.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = yesterday.isoformat()
    revision.approved_go_live_at = yesterday
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)

    snapshot = Snapshot.objects.get()
    assert snapshot.revision_key == revision.pk
    assert snapshot.user == publisher
    assert "Schemalagd version" in snapshot.body.read().decode()


def test_approval_in_the_review_workflow_is_archived_with_the_reviewers_comment(
    conference, publisher, django_user_model
):
    author = django_user_model.objects.create_user("redaktor", "r@example.com", "x" * 12)
    conference.refresh_from_db()
    conference.title = "Granskad version"
    revision = conference.save_revision(user=author)
    Workflow.objects.get(name="Granskning").start(conference, author)
    conference.refresh_from_db()
    state = conference.current_workflow_task_state
    state.task.specific.on_action(state, publisher, "approve", comment="Ny talarlista.")

    snapshot = Snapshot.objects.get()
    assert snapshot.revision_key == revision.pk
    assert snapshot.user == publisher
    assert snapshot.change_note == "Ny talarlista."
    assert "Granskad version" in snapshot.body.read().decode()


@pytest.mark.parametrize("failing", [True])
def test_a_failed_capture_does_not_stop_the_publish(conference, publisher, monkeypatch, failing):
    def broken(*args, **kwargs):
        raise OSError("media storage unreachable")

    monkeypatch.setattr("archive.signals.capture_page", broken)

    publish(conference, publisher, title="Publicerad ändå")

    assert Client().get(conference.url).content.decode().count("Publicerad ändå") >= 1
    assert not Snapshot.objects.exists()


def test_a_site_on_https_behind_the_proxy_is_archived_as_visitors_get_it(
    conference, publisher, settings
):
    from wagtail.models import Site

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    Site.objects.update(port=443)
    Site.clear_site_root_paths_cache()

    publish(conference, publisher)

    snapshot = Snapshot.objects.get()
    assert snapshot.url == f"https://testserver{conference.url}"
    assert snapshot.status_code == 200
    assert snapshot.resources.filter(kind="document").count() == 2
