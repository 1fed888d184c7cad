"""A redaktör starts a page in Chromium, with autosave on: the web address is ASCII, the
date fields say their format, and starting again with the same title leads to the draft."""

import pytest
from playwright.sync_api import expect

from events.factories import ConferenceIndexPageFactory
from events.models import ConferencePage

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
    conferences = ConferenceIndexPageFactory(parent=home)
    add_url = f"{live_server.url}/admin/pages/add/events/conferencepage/{conferences.pk}/"
    log_in(page, live_server, "redaktor")

    open_editor(page, live_server, url=add_url)
    with page.expect_response(is_autosave) as autosave:
        page.locator("#id_title").fill(TITLE)
    assert autosave.value.ok
    expect(page.locator("#id_slug")).to_have_value(SLUG)
    draft = ConferencePage.objects.get(title=TITLE)
    assert draft.slug == SLUG

    page.get_by_role("tab", name="Tid och plats").click()
    start = page.locator("#id_start")
    expect(start).to_have_attribute("placeholder", "ÅÅÅÅ-MM-DD tt:mm")
    expect(page.locator("#panel-child-tid_och_plats-content, main")).to_contain_text(
        "Skriv som ÅÅÅÅ-MM-DD tt:mm."
    )
    screenshot("datumformat")

    # The redaktör gives up, and later starts again with the same title.
    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_role("region", name="Dina utkast")).to_contain_text(TITLE)
    page.goto(add_url)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_introduction").fill("Andra försöket.")
    page.get_by_role("button", name="Spara utkast").click()
    link = page.get_by_role("link", name=f"Öppna ”{TITLE}”")
    expect(link).to_be_visible()
    screenshot("adressen-upptagen")
    link.click()
    expect(page).to_have_url(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
    assert ConferencePage.objects.filter(title=TITLE).count() == 1
