"""A real browser for tests: Playwright driving Debian's Chromium against ``live_server``.

Reusable pieces: the session-wide ``browser``, a fresh ``page`` per test (its own
cookies), and ``screenshot(name)`` that saves the page to
``test-artifacts/screenshots/<test>-<name>.png`` for people to look at afterwards.

Browser tests need ``transaction=True`` (``live_server`` serves from another thread)
and ``serialized_rollback=True`` so the groups, workflow and root page created by
migrations are back before each test: use ``pytestmark = [pytest.mark.browser, browser_db]``.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls
# from that thread (fixtures, assertions) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
# Long enough for a loaded CI machine; Playwright returns as soon as the condition holds.
TIMEOUT_MS = 20_000

browser_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run; tests get their own context through ``page``."""
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="sv-SE", timezone_id="Europe/Stockholm"
    )
    context.set_default_timeout(TIMEOUT_MS)
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(page, request):
    """``screenshot("granskare-godkanner")`` saves the whole page as a test artifact."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    test_name = re.sub(r"[^\w-]+", "-", request.node.name).strip("-")
    counter = iter(range(1, 100))

    def take(name, target=None):
        path = ARTIFACTS / f"{test_name}-{next(counter):02d}-{name}.png"
        (target or page).screenshot(path=str(path), full_page=True)
        return path

    return take
