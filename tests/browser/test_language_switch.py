"""A visitor who reads English (issue 15): from the Swedish conference page to its English
version, the English summary's link text, and back to the same conference in Swedish."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import browser_db
from tests.i18n.conftest import bilingual, english  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, browser_db]


def test_switch_to_english_read_the_summary_and_switch_back(
    page,
    live_server,
    bilingual,  # noqa: F811 - the fixture imported above
    screenshot,
):
    page.goto(f"{live_server.url}/konferenser/smart-specialisering-2018/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")

    page.get_by_role("link", name="English", exact=True).click()

    expect(page).to_have_url(re.compile(r"/en/conferences/smart-specialisation-2018/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart specialisation 2018")
    summary = page.locator(".document-link").first
    expect(summary).to_contain_text(re.compile(r"Summary \(PDF, \d+\.\d\sKB, 3\spages\)"))
    screenshot("english")

    page.get_by_role("link", name="Svenska", exact=True).click()

    expect(page).to_have_url(re.compile(r"/konferenser/smart-specialisering-2018/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart specialisering 2018")
