"""The dashboard the team opens on, the scheduler that `make run` starts, and the demo logins."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from events.factories import ConferencePageFactory

from .admin_actions import add_conference, conference_form

pytestmark = pytest.mark.django_db


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def section(html, panel_id):
    """One dashboard panel's markup (Wagtail's panel is a <section id="<id>-section">)."""
    start = html.index(f'id="{panel_id}-section"')
    return html[start : html.index("</section>", start)]


def test_dashboard_lists_my_drafts_and_what_awaits_review(
    conference_index, redaktor_client, granskare_client
):
    add_conference(redaktor_client, conference_index, conference_form("Mitt utkast", "utkast", []))
    add_conference(
        redaktor_client,
        conference_index,
        conference_form("Till granskning", "granskning", [], **{"action-submit": "1"}),
    )

    mine = dashboard(redaktor_client)
    assert "Mitt utkast" in section(mine, "editorial-my-drafts")
    awaiting = section(dashboard(granskare_client), "editorial-awaiting-review")
    assert "Till granskning" in awaiting
    assert "Mitt utkast" not in awaiting
    assert "redaktor" in awaiting
    assert "Mitt utkast" not in section(dashboard(granskare_client), "editorial-my-drafts")


def test_dashboard_lists_upcoming_conferences_but_not_past_ones(conference_index, redaktor_client):
    soon = timezone.now() + datetime.timedelta(days=10)
    ConferencePageFactory(
        parent=conference_index,
        title="Kommande möte",
        start=soon,
        end=soon + datetime.timedelta(hours=4),
    )
    ConferencePageFactory(parent=conference_index, title="Möte 2018")

    upcoming = section(dashboard(redaktor_client), "editorial-upcoming-conferences")

    assert "Kommande möte" in upcoming
    assert "Möte 2018" not in upcoming


@pytest.mark.parametrize(
    ("panel_id", "heading", "empty_text"),
    [
        ("editorial-my-drafts", "Dina utkast", "Du har inga opublicerade ändringar."),
        (
            "editorial-awaiting-review",
            "Sidor som väntar på granskning",
            "Inga sidor väntar på granskning.",
        ),
        ("editorial-upcoming-conferences", "Kommande konferenser", "Inga kommande konferenser."),
        (
            "content-review-due",
            "Dina sidor att granska",
            "Inga av dina sidor behöver granskas den närmaste tiden.",
        ),
    ],
)
def test_an_empty_dashboard_panel_has_its_heading_and_says_there_is_nothing(
    redaktor_client, panel_id, heading, empty_text
):
    panel = section(dashboard(redaktor_client), panel_id)
    assert heading in panel
    assert empty_text in panel
    assert "<table" not in panel


def test_dev_scheduler_publishes_what_is_due_on_its_first_pass(conference_index):
    conference = ConferencePageFactory(parent=conference_index, live=False)
    revision = conference.save_revision(approved_go_live_at=timezone.now())
    assert not conference.live

    # Stop the endless loop after one pass, where it would sleep.
    with mock.patch("time.sleep", side_effect=KeyboardInterrupt):
        call_command("publish_scheduled_loop")

    conference.refresh_from_db()
    assert conference.live
    assert conference.live_revision_id == revision.pk


def test_dev_scheduler_refuses_an_interval_below_one_second():
    with pytest.raises(CommandError):
        call_command("publish_scheduled_loop", "--interval", "0")


@override_settings(DEMO_ACCOUNTS_ENABLED=True)
def test_demo_redaktor_and_granskare_can_log_in_to_the_admin(db):
    from demo.builders import DEMO_ACCOUNTS

    call_command("load_demo_content", stdout=mock.MagicMock())

    for username, password, groups, _superuser in DEMO_ACCOUNTS:
        user = get_user_model().objects.get(username=username)
        assert sorted(user.groups.values_list("name", flat=True)) == sorted(groups)
        client = Client()
        response = client.post(
            reverse("wagtailadmin_login"), {"username": username, "password": password}
        )
        assert response.status_code == 302, username
        assert dashboard(client)
