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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome so ``page`` can photograph a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def artifact_path(request, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    test_name = re.sub(r"[^\w-]+", "-", request.node.name).strip("-")
    return ARTIFACTS / f"{test_name}-{name}.png"


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, answering one request at a time.

    The admin sends requests in parallel (autosave, editing-session pings, the form
    itself). Django's threaded test server shares one in-memory SQLite connection
    between its threads, which then fails with "database table is locked". Served in
    turn, every request sees a consistent database, on SQLite and PostgreSQL alike.
    """
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
    from pytest_django.live_server_helper import LiveServer

    class IdleTimeoutRequestHandler(QuietWSGIRequestHandler):
        # Chromium opens connections ahead of requests it may make (and keeps one open
        # for a navigation a test cancels). Served one at a time, such an idle socket
        # would block every other request; like any production server, drop it when
        # nothing arrives (StreamRequestHandler.timeout, seconds).
        timeout = 2

    class OneRequestAtATimeThread(LiveServerThread):
        def _create_server(self, connections_override=None):
            return WSGIServer(
                (self.host, self.port), IdleTimeoutRequestHandler, allow_reuse_address=False
            )

    addr = request.config.getvalue("liveserver") or "localhost"
    server = LiveServer(addr, start=False)
    default = server.thread
    server.thread = OneRequestAtATimeThread(
        default.host,
        static_handler=default.static_handler,
        connections_override=default.connections_override,
        port=default.port,
    )
    server.thread.daemon = True
    server.start()
    yield server
    server.stop()


# ``browser`` (one Chromium for the whole run) lives in tests/conftest.py: Playwright's
# sync API allows one instance at a time, and tests/accessibility uses it too.


@pytest.fixture
def team(django_user_model):
    """A redaktör and a granskare, in the groups the data migration created."""
    from django.contrib.auth.models import Group

    from editorial.roles import EDITORS, REVIEWERS

    from .admin import PASSWORD

    users = {}
    for username, group in (("redaktor", EDITORS), ("granskare", REVIEWERS)):
        user = django_user_model.objects.create_user(username, f"{username}@example.com", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


@pytest.fixture
def page(browser, request):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="sv-SE", timezone_id="Europe/Stockholm"
    )
    context.set_default_timeout(TIMEOUT_MS)
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        page.screenshot(path=str(artifact_path(request, "FEL")), full_page=True)
    context.close()


@pytest.fixture
def screenshot(page, request):
    """``screenshot("granskare-godkanner")`` saves the whole page as a test artifact."""
    counter = iter(range(1, 100))

    def take(name, target=None):
        path = artifact_path(request, f"{next(counter):02d}-{name}")
        (target or page).screenshot(path=str(path), full_page=True)
        return path

    return take
