"""Loading the demo again (`make run` does on every start) never overwrites what an
editor saved (demo/builders.py edited_by_an_editor)."""

import io

import pytest
from django.core.management import call_command

from events.models import ConferencePage
from pages.models import TopicPage


@pytest.fixture
def demo(demo_content, db):
    """The demo site, loaded once for the module (tests/conftest.py)."""


def test_a_topic_page_an_editor_published_keeps_the_editors_text(demo, admin_user):
    page = TopicPage.objects.get(slug="smart-specialisering", locale__language_code="sv")
    page.introduction = "Redaktörens egen ingress."
    page.save_revision(user=admin_user).publish(user=admin_user)
    revisions = page.revisions.count()

    call_command("load_demo_content", stdout=io.StringIO())

    page.refresh_from_db()
    assert page.introduction == "Redaktörens egen ingress."
    assert page.revisions.count() == revisions


def test_a_conference_an_editor_saved_keeps_its_speakers(demo, admin_user):
    conference = ConferencePage.objects.filter(locale__language_code="sv").get()
    speaker = conference.speakers.first()
    speaker.organisation = "Redaktörens rättade organisation"
    speaker.save()
    conference.save_revision(user=admin_user)
    speakers = list(conference.speakers.values_list("pk", "organisation"))

    call_command("load_demo_content", stdout=io.StringIO())

    assert list(conference.speakers.values_list("pk", "organisation")) == speakers


def test_pages_no_editor_touched_are_brought_up_to_date(demo):
    page = TopicPage.objects.get(slug="smart-specialisering", locale__language_code="sv")
    page.introduction = "Gammal demotext."
    page.save_revision().publish()

    call_command("load_demo_content", stdout=io.StringIO())

    page.refresh_from_db()
    assert page.introduction != "Gammal demotext."
