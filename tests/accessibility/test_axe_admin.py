"""The admin's edit screens of our own page types, where our panels, tabs and help texts
add markup: no WCAG 2.1 A/AA violations from what this project adds.

Wagtail's own markup is Wagtail's to fix; anything excluded here is listed one by one
with the reason, so it is a decision, not a blind spot."""

import pytest
from playwright.sync_api import expect

from .conftest import (
    ADMIN_PASSWORD,
    DESKTOP,
    PHONE,
    describe_violations,
    run_axe,
    save_screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# (axe rule id, a piece of the element's HTML, reason): one entry per Wagtail defect.
WAGTAIL_OWN_VIOLATIONS = [
    (
        "aria-input-field-name",
        'class="notranslate public-DraftEditor-content"',
        # Wagtail 8.0 hands Draftail only ariaDescribedBy, never ariaLabelledBy: the
        # contenteditable role=textbox of every rich text field and block has no
        # accessible name (its <label> points at a hidden input). Our blocks only
        # supply the label text; the markup and script are Wagtail's.
        "Wagtail's Draftail rich text area is not tied to its label",
    ),
    (
        "label-content-name-mismatch",
        'class="page-status-tag"',
        # The status tag in Wagtail's editor header shows "Publicerad" but is named
        # "Synlig för alla. ..." by Wagtail's own template.
        "Wagtail's page status tag in the editor header",
    ),
]


@pytest.fixture(scope="module")
def admin_session(a11y_site, browser):
    """One login for the module (the login form throttles repeated sign-ins)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{a11y_site.url}/admin/login/")
    page.locator("input[name=username]").fill("admin")
    page.locator("input[name=password]").fill(ADMIN_PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{a11y_site.url}/admin/")
    state = context.storage_state()
    context.close()
    return state


def tabs(page):
    return page.locator("[role=tablist]").first.get_by_role("tab")


@pytest.mark.parametrize("width", [pytest.param(DESKTOP, id="1280"), pytest.param(PHONE, id="320")])
@pytest.mark.parametrize("name", ["amnessida", "konferens", "strategi"])
def test_admin_edit_screen_has_no_wcag_violations_from_our_panels(
    a11y_site, admin_session, open_page, name, width
):
    page = open_page(width=width, bypass_csp=True, storage_state=admin_session)
    page.goto(a11y_site.url + a11y_site.admin_edit_paths[name])
    expect(page.locator("#id_title")).to_be_visible()

    found = []
    # Every tab of the editor: each has its own panels and help texts.
    for index in range(tabs(page).count()):
        tab = tabs(page).nth(index)
        tab.click()
        expect(tab).to_have_attribute("aria-selected", "true")
        tab_name = tab.inner_text().strip()
        save_screenshot(page, f"admin-{name}-{index + 1}-{width}")
        for violation in run_axe(page):
            violation["nodes"] = [
                node
                for node in violation["nodes"]
                if not any(
                    violation["id"] == rule and markup in node["html"]
                    for rule, markup, _reason in WAGTAIL_OWN_VIOLATIONS
                )
            ]
            if violation["nodes"]:
                violation["help"] = f"[{tab_name}] {violation['help']}"
                found.append(violation)
    assert not found, (
        f"axe-core found WCAG 2.1 AA violations in the {name} editor at {width} px:\n"
        + describe_violations(found)
    )
