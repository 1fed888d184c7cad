"""Honest dates and states (pages/models/page_history.py): "Publicerad" and "Senast
uppdaterad", change notes for significant changes, minor corrections left out, and
withdrawn (inaktuella) pages."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import ChangeNote
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from pages.models import TopicPage


def publish(page, **changes):
    page = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    revision = page.save_revision()
    revision.publish()
    return type(page).objects.get(pk=page.pk)


def structured_data(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def topic(home):
    page = TopicPageFactory(parent=home, title="Smart specialisering", live=False)
    page.save_revision().publish()
    return TopicPage.objects.get(pk=page.pk)


def test_page_shows_when_it_was_published_and_no_update_before_a_change(client, topic):
    html = client.get(topic.url).content.decode()

    assert "Publicerad" in html
    assert f'datetime="{timezone.localtime(topic.first_published_at):%Y-%m-%d}"' in html
    assert "Senast uppdaterad" not in html
    assert "Visa alla uppdateringar" not in html


def test_significant_change_gets_a_date_and_a_public_note(client, topic):
    updated = publish(topic, significant_change=True, change_note="Nya siffror för 2019.")

    html = client.get(updated.url).content.decode()

    assert "Senast uppdaterad" in html
    assert "<summary>Visa alla uppdateringar</summary>" in html
    assert "Nya siffror för 2019." in html
    assert updated.last_significant_change_at == updated.last_published_at
    [data] = structured_data(html)
    assert data["dateModified"].startswith(
        f"{timezone.localtime(updated.last_published_at):%Y-%m-%d}"
    )


def test_the_box_and_note_are_cleared_for_the_next_edit(topic):
    publish(topic, significant_change=True, change_note="Nya siffror.")

    latest = TopicPage.objects.get(pk=topic.pk).get_latest_revision_as_object()

    assert latest.significant_change is False
    assert latest.change_note == ""


def test_minor_correction_changes_neither_date_nor_history(client, topic):
    publish(topic, significant_change=True, change_note="Nya siffror.")
    before = TopicPage.objects.get(pk=topic.pk).last_significant_change_at

    corrected = publish(topic, title="Smart specialisering (rättad)")

    assert corrected.last_significant_change_at == before
    assert ChangeNote.objects.filter(page=topic).count() == 1


def test_an_older_draft_published_later_keeps_the_latest_update_date(topic):
    older = TopicPage.objects.get(pk=topic.pk).get_latest_revision_as_object()
    older.title = "Gammalt utkast"
    stale_revision = older.save_revision()
    publish(topic, significant_change=True, change_note="Ny talarlista.")
    updated_at = TopicPage.objects.get(pk=topic.pk).last_significant_change_at

    stale_revision.publish()

    assert TopicPage.objects.get(pk=topic.pk).last_significant_change_at == updated_at


def test_a_significant_change_needs_a_note(topic):
    page = TopicPage.objects.get(pk=topic.pk)
    page.significant_change = True

    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert "change_note" in raised.value.message_dict


def test_note_from_the_admin_edit_form_is_recorded_on_publish(admin_client, topic):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[topic.pk]),
        nested_form_data(
            {
                "title": topic.title,
                "slug": topic.slug,
                "introduction": "",
                "body": streamfield([]),
                "related_pages": inline_formset([]),
                "significant_change": "on",
                "change_note": "Kontaktpersonen bytt.",
                "action-publish": "action-publish",
            }
        ),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    assert ChangeNote.objects.get(page=topic).note == "Kontaktpersonen bytt."


def test_workflow_approval_records_the_note(topic, admin_user):
    from wagtail.models import Workflow

    page = TopicPage.objects.get(pk=topic.pk).get_latest_revision_as_object()
    page.significant_change, page.change_note = True, "Granskad ändring."
    page.save_revision(user=admin_user)
    workflow = Workflow.objects.get(name="Granskning")
    state = workflow.start(page, admin_user)
    while state.status == state.STATUS_IN_PROGRESS:
        state.current_task_state.approve(user=admin_user)
        state.refresh_from_db()

    assert ChangeNote.objects.get(page=topic).note == "Granskad ändring."


def test_scheduled_publishing_records_the_note(topic):
    from django.core.management import call_command
    from django.utils import timezone

    page = TopicPage.objects.get(pk=topic.pk).get_latest_revision_as_object()
    page.significant_change, page.change_note = True, "Schemalagd ändring."
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision = page.save_revision(approved_go_live_at=page.go_live_at)
    assert revision.approved_go_live_at is not None

    call_command("publish_scheduled")

    assert ChangeNote.objects.get(page=topic).note == "Schemalagd ändring."


@pytest.fixture
def withdrawn(home):
    index = StrategyIndexPageFactory(parent=home)
    replacement = StrategyDocumentPageFactory(parent=index, title="Strategi 2025")
    old = StrategyDocumentPageFactory(
        parent=index,
        title="Strategi 2018",
        withdrawn_at=datetime.date(2024, 5, 2),
        withdrawn_reason="Ersatt av den nya strategin.",
        replaced_by=replacement,
    )
    return {"index": index, "old": old, "replacement": replacement}


def test_withdrawn_page_stays_with_a_banner_date_reason_and_replacement(client, withdrawn):
    response = client.get(withdrawn["old"].url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Inaktuell sedan 2 maj 2024" in html
    assert "Ersatt av den nya strategin." in html
    assert f'href="{withdrawn["replacement"].url}">Strategi 2025</a>' in html
    assert '<meta name="robots" content="noindex">' in html
    [data] = structured_data(html)
    assert data["creativeWorkStatus"] == "Withdrawn"
    assert data["expires"] == "2024-05-02"


def test_withdrawn_page_drops_out_of_listings_and_feeds(client, withdrawn, home):
    from django.utils import timezone
    from wagtail.models import Page

    Page.objects.filter(pk__in=[withdrawn["old"].pk, withdrawn["replacement"].pk]).update(
        first_published_at=timezone.now()
    )
    listing = client.get(withdrawn["index"].url).content.decode()
    feed = client.get(reverse("new_publications_feed")).content.decode()
    front = client.get(home.url).content.decode()

    assert "Strategi 2025" in listing and "Strategi 2018" not in listing
    assert "Strategi 2025" in feed and "Strategi 2018" not in feed
    assert "Strategi 2018" not in front


def test_withdrawn_conference_drops_out_of_the_conference_listing(client, home):
    index = ConferenceIndexPageFactory(parent=home)
    ConferencePageFactory(parent=index, title="Aktuell konferens")
    ConferencePageFactory(
        parent=index, title="Inställd konferens", withdrawn_at=datetime.date(2024, 1, 1)
    )

    html = client.get(index.url).content.decode()

    assert "Aktuell konferens" in html and "Inställd konferens" not in html


def test_withdrawn_pages_come_last_in_search(withdrawn):
    from core.models.page_history import withdrawn_last
    from search.ranking import Hit

    hits = [Hit(withdrawn["old"].pk, 0, 2.0, []), Hit(withdrawn["replacement"].pk, 0, 1.0, [])]

    assert [hit.page_id for hit in withdrawn_last(hits)] == [
        withdrawn["replacement"].pk,
        withdrawn["old"].pk,
    ]
