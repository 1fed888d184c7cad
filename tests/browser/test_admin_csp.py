"""Wagtail's admin works under its Content Security Policy: the screens an editor uses
(dashboard, page editor with rich text, preview and accessibility checks, images,
documents, search) load and run without the browser reporting a single policy violation."""

import json

import pytest
from playwright.sync_api import expect

from pages.factories import TopicPageFactory

from .admin import log_in
from .conftest import browser_db

pytestmark = [pytest.mark.browser, browser_db]

# Collects every violation the browser reports, from the first script on each page.
VIOLATIONS = """
(() => {
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${where}`);
});
})();
"""


def violations(page, console):
    """Violations in the page and its frames (the preview), and what the console said."""
    found = [v for frame in page.frames for v in frame.evaluate("window.cspViolations || []")]
    return [*found, *console]


def test_the_admin_editor_runs_without_content_security_policy_violations(
    page, live_server, screenshot, home, team
):
    # h3 straight after the page's h1: the accessibility checker (axe) reports it, and
    # building its message is what needs 'unsafe-eval'.
    text = "<h3>Detaljer</h3><p>Stöd till <b>företag</b>.</p>"
    body = [{"type": "text", "value": {"text": text}}]
    topic = TopicPageFactory(parent=home, title="Exportstöd", body=json.dumps(body))
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: console.append(str(error)))
    page.add_init_script(VIOLATIONS)
    log_in(page, live_server, "redaktor")
    assert violations(page, console) == []

    # page.goto, not open_editor: its wait_for_function runs eval() under the policy.
    page.goto(f"{live_server.url}/admin/pages/{topic.pk}/edit/")
    editor = page.locator(".DraftEditor-root").first
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.type(" Mer text.")
    page.locator('[data-side-panel-toggle="preview"]').click()
    expect(page.frame_locator("#w-preview-iframe").locator("h1")).to_have_text("Exportstöd")
    page.locator('[data-side-panel-toggle="checks"]').click()
    checks = page.locator('[data-side-panel="checks"]')
    expect(checks.locator("[data-content-checker-name]").first).to_be_visible()
    screenshot("redigering")
    assert violations(page, console) == []

    for path in ("/admin/images/", "/admin/documents/", "/admin/pages/search/?q=export"):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("main")).to_be_visible()
        assert violations(page, console) == [], path
