"""Every way a granskare acts on a page, clicked in Chromium with the admin as it ships
(autosave on), each ending with what an anonymous visitor gets at the page's address."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from events.models import ConferencePage

from .admin import (
    HeldFormPost,
    assert_no_autosave_during_submit,
    log_in,
    log_out,
    open_editor,
)
from .conftest import browser_db

pytestmark = [pytest.mark.browser, browser_db]


@pytest.fixture
def conferences(home):
    return ConferenceIndexPageFactory(parent=home)


def draft_conference(conferences, user, title, **fields):
    start = timezone.now() + datetime.timedelta(days=60)
    conference = ConferencePageFactory(
        parent=conferences,
        title=title,
        live=False,
        start=start,
        end=start + datetime.timedelta(hours=6),
        introduction="Första versionen.",
        **fields,
    )
    conference.save_revision(user=user)
    return ConferencePage.objects.get(pk=conference.pk)


def submitted_conference(conferences, redaktor, title):
    """A conference the redaktör has written and sent to Granskning."""
    conference = draft_conference(conferences, redaktor, title)
    conference.get_workflow().start(conference, redaktor)
    return ConferencePage.objects.get(pk=conference.pk)


def visitor_sees(page, live_server, conference, text):
    log_out(page)
    response = page.goto(f"{live_server.url}{conference.url}")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(conference.title)
    expect(page.locator("main")).to_contain_text(text)


def visitor_gets_404(page, live_server, path):
    log_out(page)
    assert page.goto(f"{live_server.url}{path}").status == 404


def is_autosave(response):
    request = response.request
    return request.method == "POST" and "application/json" in request.headers.get("accept", "")


def assert_published(conference):
    conference = ConferencePage.objects.get(pk=conference.pk)
    assert conference.live
    assert not conference.has_unpublished_changes
    assert conference.latest_revision_id == conference.live_revision_id
    return conference


def test_granskare_approves_with_a_comment_from_the_edit_page(
    page, live_server, screenshot, conferences, team
):
    conference = submitted_conference(conferences, team["redaktor"], "Godkänd med kommentar")
    path = f"/konferenser/{conference.slug}/"
    visitor_gets_404(page, live_server, path)

    log_in(page, live_server, "granskare")
    open_editor(page, live_server, conference.pk)
    held = HeldFormPost(page, conference.pk)
    page.get_by_role("button", name="Fler åtgärder").click()
    page.get_by_role("button", name="Godkänn med kommentar").click()
    dialog = page.locator(".modal-dialog")
    dialog.get_by_label("Kommentera").fill("Bra, publicera.")
    screenshot("kommentar")
    dialog.locator("form button[type=submit]").click()
    assert_no_autosave_during_submit(page, held)
    held.release()
    expect(page.locator(".messages")).to_contain_text("Godkänd med kommentar")

    conference = assert_published(conference)
    visitor_sees(page, live_server, conference, "Första versionen.")


def test_granskare_approves_from_the_dashboard(page, live_server, screenshot, conferences, team):
    conference = submitted_conference(conferences, team["redaktor"], "Godkänd från översikten")

    log_in(page, live_server, "granskare")
    awaiting = page.get_by_role("region", name="Inväntar din granskning")
    row = awaiting.get_by_role("row").filter(has_text="Godkänd från översikten")
    row.locator("[data-w-dropdown-target=toggle]").click()
    screenshot("oversikt")
    row.locator("[data-workflow-action-url]").filter(has_text="Godkänn").first.click()
    expect(page.get_by_role("region", name="Sidor som väntar på granskning")).to_contain_text(
        "Inga sidor väntar på granskning."
    )

    conference = assert_published(conference)
    visitor_sees(page, live_server, conference, "Första versionen.")


def test_granskare_requests_changes_with_a_comment_and_the_redaktor_reads_it(
    page, live_server, screenshot, conferences, team
):
    conference = submitted_conference(conferences, team["redaktor"], "Behöver ändras")

    log_in(page, live_server, "granskare")
    open_editor(page, live_server, conference.pk)
    held = HeldFormPost(page, conference.pk)
    page.get_by_role("button", name="Fler åtgärder").click()
    page.get_by_role("button", name="Begär ändringar").click()
    dialog = page.locator(".modal-dialog")
    dialog.get_by_label("Kommentera").fill("Lägg till programmet, tack.")
    dialog.locator("form button[type=submit]").click()
    assert_no_autosave_during_submit(page, held)
    held.release()
    expect(page.locator(".messages")).to_contain_text("Behöver ändras")

    conference.refresh_from_db()
    assert not conference.live
    assert not conference.workflow_in_progress

    log_out(page)
    log_in(page, live_server, "redaktor")
    page.goto(f"{live_server.url}/admin/pages/{conference.pk}/workflow_history/")
    page.get_by_role("link", name="Granskning").first.click()
    expect(page.locator("main")).to_contain_text("Lägg till programmet, tack.")
    screenshot("redaktor-ser-kommentaren")

    visitor_gets_404(page, live_server, f"/konferenser/{conference.slug}/")


def test_granskare_publishes_a_change_directly(page, live_server, screenshot, conferences, team):
    conference = draft_conference(conferences, team["granskare"], "Publiceras direkt")
    conference.get_latest_revision().publish()

    log_in(page, live_server, "granskare")
    open_editor(page, live_server, conference.pk)
    # Publishing right after typing: an autosave on its way is answered first, then the
    # form is sent (editorial/static/editorial/js/autosave-guard.js).
    page.locator("#id_introduction").fill("Andra versionen.")
    page.get_by_role("button", name="Fler åtgärder").click()
    page.get_by_role("button", name="Publicera").click()
    expect(page.locator(".messages")).to_contain_text("Publiceras direkt")

    conference = assert_published(conference)
    visitor_sees(page, live_server, conference, "Andra versionen.")


def test_granskare_unpublishes_a_page(page, live_server, screenshot, conferences, team):
    conference = draft_conference(conferences, team["granskare"], "Avpubliceras")
    conference.get_latest_revision().publish()
    conference.refresh_from_db()
    visitor_sees(page, live_server, conference, "Första versionen.")

    log_in(page, live_server, "granskare")
    page.goto(f"{live_server.url}/admin/pages/{conference.pk}/unpublish/")
    page.get_by_role("button", name="Ja, avpublicera den").click()
    expect(page.locator(".messages")).to_contain_text("Avpubliceras")

    conference.refresh_from_db()
    assert not conference.live
    visitor_gets_404(page, live_server, f"/konferenser/{conference.slug}/")


def test_granskare_schedules_publication_and_the_scheduler_publishes_when_due(
    page, live_server, screenshot, conferences, team
):
    conference = draft_conference(conferences, team["granskare"], "Schemalagd")
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)

    log_in(page, live_server, "granskare")
    open_editor(page, live_server, conference.pk)
    page.get_by_role("button", name="Status").click()
    page.get_by_role("button", name="Sätt schema").click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator("[name=go_live_at]").fill(f"{tomorrow:%Y-%m-%d %H:%M}")
    screenshot("schema")
    # The date picker covers the button; the keyboard reaches it all the same.
    dialog.get_by_role("button", name="Spara schema").press("Enter")
    expect(page.locator(".messages")).to_contain_text("Schemalagd")
    page.get_by_role("button", name="Fler åtgärder").click()
    page.get_by_role("button", name="Schemalägg publicering").click()
    expect(page.locator(".messages")).to_contain_text("Schemalagd")

    revision = ConferencePage.objects.get(pk=conference.pk).get_latest_revision()
    assert revision.approved_go_live_at is not None
    call_command("publish_scheduled")
    visitor_gets_404(page, live_server, f"/konferenser/{conference.slug}/")

    # The clock moves on: the revision is due now.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")

    conference = ConferencePage.objects.get(pk=conference.pk)
    assert conference.live
    visitor_sees(page, live_server, conference, "Första versionen.")
