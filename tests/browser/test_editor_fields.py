"""A redaktör starts a page in Chromium, with autosave on: the web address is ASCII, the
date fields say their format, and starting again with the same title leads to the draft."""

import pytest
from playwright.sync_api import expect

from events.factories import ConferenceIndexPageFactory
from pages.models import TopicPage

from .admin import log_in, open_editor
from .conftest import browser_db

pytestmark = [pytest.mark.browser, browser_db]

TITLE = "Umeå – Öppna data för Ägare"
SLUG = "umea-oppna-data-for-agare"


def is_autosave(response):
    request = response.request
    return request.method == "POST" and "application/json" in request.headers.get("accept", "")


def test_new_page_gets_an_ascii_address_and_a_second_attempt_finds_the_first(
    page, live_server, screenshot, home, team
):
    add_url = f"{live_server.url}/admin/pages/add/pages/topicpage/{home.pk}/"
    log_in(page, live_server, "redaktor")

    # The address is filled in from the title, in ASCII; the page is saved as a draft
    # (by autosave or the button, whichever comes first: the button waits for autosave).
    open_editor(page, live_server, url=add_url)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_title").press("Tab")  # leaving the title fills in the address
    expect(page.locator("#id_slug")).to_have_value(SLUG)
    page.get_by_role("button", name="Spara utkast").click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    draft = TopicPage.objects.get(title=TITLE)
    assert draft.slug == SLUG

    # The redaktör gives up, and later starts again with the same title.
    page.goto(f"{live_server.url}/admin/")
    drafts = page.get_by_role("region", name="Dina utkast")
    expect(drafts.get_by_role("link", name=TITLE)).to_have_attribute(
        "href", f"/admin/pages/{draft.pk}/edit/"
    )
    open_editor(page, live_server, url=add_url)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_title").press("Tab")
    expect(page.locator("#id_slug")).to_have_value(SLUG)
    page.get_by_role("button", name="Spara utkast").click()
    page.get_by_role("button", name="Gå till första felet").click()
    link = page.get_by_role("link", name=f"Öppna ”{TITLE}”")
    expect(link).to_be_visible()
    screenshot("adressen-upptagen")
    link.click()
    expect(page).to_have_url(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
    assert TopicPage.objects.filter(title=TITLE).count() == 1


def test_date_fields_say_their_format(page, live_server, screenshot, home, team):
    conferences = ConferenceIndexPageFactory(parent=home)
    log_in(page, live_server, "redaktor")
    page.goto(f"{live_server.url}/admin/pages/add/events/conferencepage/{conferences.pk}/")

    page.get_by_role("tab", name="Tid och plats").click()
    for name in ("start", "end"):
        field = page.locator(f"#id_{name}")
        expect(field).to_have_attribute("placeholder", "ÅÅÅÅ-MM-DD tt:mm")
        described = page.locator(f"#panel-child-tid_och_plats-{name}-section, main").first
        expect(described).to_contain_text("Skriv som ÅÅÅÅ-MM-DD tt:mm.")
    screenshot("datumformat")
