"""The accessibility suite: the demo site, built once for this directory, in Chromium.

Builds on the browser harness in ``tests/browser/conftest.py`` (same Chromium, same
launch arguments, same artifacts folder) and adds:

- ``a11y_site``: the demo content (``load_demo_content``) plus the states it lacks (an
  upcoming conference), loaded ONCE for the package and served by a live server of its
  own. Browser tests on ``live_server`` are transactional and flush the database after
  each test, which would mean rebuilding the demo site 120 times; here it is committed
  once and the migrated state is put back after the last test of this directory. Tests
  using it are marked ``django_db`` (plain, not transactional): pytest-django then
  creates the test database and runs them before the transactional tests, and what a
  test itself writes is rolled back (SQLite) or wiped with the rest at the end.
- ``open_page(path, width=...)``: a fresh page at a given viewport width.
- ``run_axe(page)``: axe-core, vendored and pinned in ``vendor/``, with the WCAG 2.0/2.1
  A and AA rules; returns the violations.
- ``save_screenshot(page, name)``: ``test-artifacts/screenshots/a11y-<name>.png``.
"""

import hashlib
import io
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, TIMEOUT_MS

from .long_titles import LONG_WORD, long_title_states
from .server import one_request_at_a_time_server

VENDOR = Path(__file__).resolve().parent / "vendor"
AXE_SCRIPT = VENDOR / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP, PHONE = 1280, 320
ADMIN_PASSWORD = "correct-horse-battery"

# The path of each public page type and state, filled in by ``a11y_site``.
PUBLIC_PAGES = [
    "startsida",
    "amnessida",
    "avsnittssida",
    "konferens-kommande",
    "konferens-tidigare",
    "konferenser",
    "publikationer",
    "publikationer-filtrerade",
    "strategi",
    "strategi-lang-titel",
    "amnessida-lang-titel",
    "sok-traffar",
    "sok-inga-traffar",
    "synpunkter",
    "tillganglighetsredogorelse",
    "webbplatskarta",
    "personuppgifter",
    "lattlast-samling",
    "lattlast",
    "teckensprak-samling",
    "teckensprak",
    "404",
]


@dataclass
class A11ySite:
    url: str
    paths: dict = field(default_factory=dict)
    admin_edit_paths: dict = field(default_factory=dict)

    def __call__(self, name):
        return self.url + self.paths[name]


def _assert_test_database(connection):
    """Never flush a real database: only pytest-django's test database qualifies."""
    name = str(connection.settings_dict["NAME"])
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if not (in_memory or name.startswith("test_")):
        pytest.fail(f"Refusing to load demo content into {name}: not a test database.")


def _restore(connection, serialized):
    _assert_test_database(connection)
    call_command(
        "flush", verbosity=0, interactive=False, inhibit_post_migrate=True, reset_sequences=False
    )
    connection.creation.deserialize_db_from_string(serialized)


def _extra_states():
    """What the demo content lacks: an upcoming conference with a speaker; long titles."""
    import datetime

    from django.utils import timezone

    from events.factories import ConferencePageFactory, SpeakerFactory
    from events.models import ConferenceIndexPage

    index = ConferenceIndexPage.objects.get(slug="konferenser")
    start = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
    start += datetime.timedelta(days=60)
    upcoming = ConferencePageFactory(
        parent=index,
        title=f"{LONG_WORD} i praktiken 2027",
        slug="regional-utveckling-2027",
        start=start,
        end=start + datetime.timedelta(hours=6, minutes=30),
        venue="Norrlandsoperan",
        city="Umeå",
        introduction="En dag om hur regioner omsätter strategier i handling.",
    )
    SpeakerFactory(conference=upcoming, name="Sara Nilsson", organisation="Region Västerbotten")
    long_titles = long_title_states(upcoming)
    upcoming.save_revision().publish()
    return upcoming, long_titles


@pytest.fixture(scope="package")
def a11y_site(django_db_setup, django_db_blocker):
    from django.contrib.auth import get_user_model
    from django.db import connection

    from events.models import ConferencePage
    from feedback.models import FeedbackFormPage
    from language_versions.models import (
        EasyReadIndexPage,
        EasyReadPage,
        SignLanguageIndexPage,
        SignLanguagePage,
    )
    from pages.models import (
        AccessibilityStatementPage,
        PrivacyPage,
        SitemapPage,
        StrategyDocumentPage,
        StrategyIndexPage,
        TopicPage,
    )

    with django_db_blocker.unblock():
        _assert_test_database(connection)
        # Tests marked django_db (not transactional) run first and roll back, so this
        # is the database as migrations left it; it is put back afterwards.
        serialized = connection.creation.serialize_db_to_string()
        server = None
        try:
            cache.clear()
            call_command("load_demo_content", stdout=io.StringIO())
            upcoming, long_titles = _extra_states()
            get_user_model().objects.create_superuser("admin", "admin@example.com", ADMIN_PASSWORD)

            past = ConferencePage.objects.get(slug="smart-specialisering-2018")
            topic = TopicPage.objects.get(slug="smart-specialisering")
            section = TopicPage.objects.get(slug="amnesomraden")
            strategy_index = StrategyIndexPage.objects.get(locale__language_code="sv")
            strategy = StrategyDocumentPage.objects.exclude(slug="lang-strategi").get(
                locale__language_code="sv"
            )
            year = strategy.publication_date.year
            site = A11ySite(url="")
            site.paths = {
                "startsida": "/",
                "amnessida": topic.url,
                "avsnittssida": section.url,
                "konferens-kommande": upcoming.url,
                "konferens-tidigare": past.url,
                "konferenser": past.get_parent().url,
                "publikationer": strategy_index.url,
                "publikationer-filtrerade": (
                    f"{strategy_index.url}?amne={topic.pk}&ar={year}&sprak=sv"
                ),
                "strategi": strategy.url,
                **{name: page.url for name, page in long_titles.items()},
                "sok-traffar": "/sok/?q=smart+specialisering",
                "sok-inga-traffar": "/sok/?q=pelikanfjaderskrud",
                "synpunkter": FeedbackFormPage.objects.get().url,
                "tillganglighetsredogorelse": AccessibilityStatementPage.objects.get().url,
                "webbplatskarta": SitemapPage.objects.get().url,
                "personuppgifter": PrivacyPage.objects.get().url,
                "lattlast-samling": EasyReadIndexPage.objects.get().url,
                "lattlast": EasyReadPage.objects.get().url,
                "teckensprak-samling": SignLanguageIndexPage.objects.get().url,
                "teckensprak": SignLanguagePage.objects.get().url,
                "404": "/den-har-sidan-finns-inte/",
            }
            site.admin_edit_paths = {
                name: f"/admin/pages/{page.pk}/edit/"
                for name, page in (
                    ("amnessida", topic),
                    ("konferens", past),
                    ("strategi", strategy),
                )
            }
            server = one_request_at_a_time_server()
            site.url = server.url
            yield site
        finally:
            # Also when building the site failed: the next tests get the clean database.
            if server is not None:
                server.stop()
            _restore(connection, serialized)
            cache.clear()


@pytest.fixture
def open_page(browser, request):
    """``open_page(url, width=320, bypass_csp=False, reduced_motion=None)``: a new page."""
    contexts = []

    def open_(url=None, width=DESKTOP, bypass_csp=False, **context_options):
        context = browser.new_context(
            viewport={"width": width, "height": 800},
            locale="sv-SE",
            timezone_id="Europe/Stockholm",
            bypass_csp=bypass_csp,
            **context_options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        expect.set_options(timeout=TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        if url:
            page.goto(url)
        return page

    yield open_
    for context in contexts:
        context.close()
    if "a11y_site" in request.fixturenames:
        # The server answers one request at a time, in order: once this answer is
        # back, whatever the closed pages sent last (the admin's editing-session
        # pings and unload beacons) has been handled inside this test, not the next.
        url = request.getfixturevalue("a11y_site").url
        with urllib.request.urlopen(f"{url}/robots.txt", timeout=TIMEOUT_MS / 1000) as answer:
            answer.read()


def axe_source():
    data = AXE_SCRIPT.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256, "vendor/axe.min.js is not 4.14.1"
    return data


def run_axe(page, exclude=()):
    """axe-core's WCAG 2.0/2.1 A + AA rules on the page as it is now; the violations.

    ``add_script_tag`` inserts an inline <script>, which the site's CSP
    (``script-src 'self'``) rightly blocks: pages checked with axe must come from a
    context opened with ``bypass_csp=True``. Only axe needs that; every other browser
    test runs under the real CSP, so site.js is tested as visitors get it."""
    page.add_script_tag(content=axe_source().decode())
    version = page.evaluate("window.axe && window.axe.version")
    assert version == AXE_VERSION, f"axe-core did not load (got {version!r})"
    return page.evaluate(
        """async ([tags, exclude]) => {
            const context = exclude.length ? {include: [document], exclude: exclude} : document;
            const result = await axe.run(context, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({
                    target: n.target.join(" "), html: n.html, summary: n.failureSummary,
                })),
            }));
        }""",
        [AXE_TAGS, [[selector] for selector in exclude]],
    )


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    at {node['target']}: {node['html'][:200]}")
            for summary_line in (node["summary"] or "").splitlines():
                lines.append(f"      {summary_line}")
    return "\n".join(lines)


def save_screenshot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"a11y-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
