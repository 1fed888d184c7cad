"""axe-core finds no WCAG 2.1 A/AA violation on any public page type or state, at
desktop and phone width. Each page is also saved as a screenshot for people to look at."""

import pytest
from playwright.sync_api import expect

from .conftest import (
    AXE_VERSION,
    DESKTOP,
    PHONE,
    PUBLIC_PAGES,
    describe_violations,
    run_axe,
    save_screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTHS = [pytest.param(DESKTOP, id="1280"), pytest.param(PHONE, id="320")]


def assert_no_violations(page, name):
    violations = run_axe(page)
    assert not violations, (
        f"axe-core found {len(violations)} WCAG 2.1 AA violation(s) on {name} "
        f"({page.url}, {page.viewport_size['width']} px):\n{describe_violations(violations)}"
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_wcag_violations(a11y_site, open_page, name, width):
    page = open_page(width=width, bypass_csp=True)
    response = page.goto(a11y_site(name))
    assert response.status == (404 if name == "404" else 200)
    save_screenshot(page, f"{name}-{width}")
    assert_no_violations(page, name)


def send_feedback(page, a11y_site, message):
    page.goto(a11y_site("synpunkter"))
    if message:
        page.get_by_label("Synpunkter").fill(message)
    page.get_by_role("button", name="Skicka").click()


@pytest.mark.parametrize("width", WIDTHS)
def test_feedback_form_with_errors_has_no_wcag_violations(a11y_site, open_page, width):
    page = open_page(width=width, bypass_csp=True)
    send_feedback(page, a11y_site, message="")
    expect(page.locator(".error-summary")).to_be_visible()
    save_screenshot(page, f"synpunkter-fel-{width}")
    assert_no_violations(page, "the feedback form with errors")


@pytest.mark.parametrize("width", WIDTHS)
def test_feedback_form_after_sending_has_no_wcag_violations(a11y_site, open_page, width):
    page = open_page(width=width, bypass_csp=True)
    send_feedback(page, a11y_site, message="Sökrutan är svår att hitta på mobilen.")
    expect(page.get_by_text("Vi har tagit emot dina synpunkter")).to_be_visible()
    save_screenshot(page, f"synpunkter-skickat-{width}")
    assert_no_violations(page, "the feedback form's thank-you page")


def test_accessibility_statement_says_what_was_tested_and_when(a11y_site, open_page):
    """The statement must stay true: it names the axe-core version these tests run."""
    page = open_page(a11y_site("tillganglighetsredogorelse"))
    text = page.locator("main").inner_text()
    for claim in (
        f"axe-core {AXE_VERSION}",
        "WCAG 2.1 nivå A och AA",
        "1280 och 320 pixlars bredd",
        "tangentbord",
        "200 % textstorlek",
        "kontrast",
        "minskad rörelse",
        "skrivs ut",
        "26 november 2026",
    ):
        assert claim in text, f"the accessibility statement no longer says {claim!r}"


def test_axe_reports_violations_on_a_broken_page(open_page):
    """The harness can fail: a page with known defects gives axe's known findings."""
    page = open_page(bypass_csp=True)
    page.set_content(
        '<html><body><img src="x.png"><a href="/"></a>'
        '<p style="color:#aaa;background:#fff">Svag kontrast</p></body></html>'
    )
    found = {violation["id"] for violation in run_axe(page)}
    assert {"image-alt", "link-name", "color-contrast", "html-has-lang"} <= found
