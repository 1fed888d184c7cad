"""What people do in the admin, as Playwright steps shared by the browser journeys.

Every wait is on a signal of the page itself: a locator becoming visible, a response,
or one of Wagtail's own events (``w-unsaved:watch-edits``, ``w-unsaved:add``,
``w-autosave:save``), never a fixed pause.
"""

import re
from urllib.parse import urljoin

from playwright.sync_api import expect

PASSWORD = "correct-horse-battery"

# Records the edit form's own events (other forms on the page have their own
# "w-unsaved" controllers), from the first script on the page.
EDITOR_EVENTS = """
(() => {
if (window.agencyEditor) return;
window.agencyEditor = {watching: false, edits: 0, autosaves: []};
const agencyOnEditForm = (handler) => (e) => {
  if (e.target instanceof Element && e.target.matches("[data-edit-form]")) handler(e);
};
document.addEventListener("w-unsaved:watch-edits", agencyOnEditForm(() => {
  window.agencyEditor.watching = true;
}));
document.addEventListener("w-unsaved:add", agencyOnEditForm(() => {
  window.agencyEditor.edits += 1;
}));
document.addEventListener("w-autosave:save", (e) => { window.agencyEditor.autosaves.push(e); });
})();
"""


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("region", name="Dina utkast")).to_be_visible()


def log_out(page):
    page.context.clear_cookies()


def open_editor(page, live_server, page_id=None, url=None):
    """Open the edit page (or the create page at ``url``) and wait, as a person does,
    until the editor watches for edits (Wagtail's ``w-unsaved:watch-edits``, about 2 s
    after load): from then on every change to the form is autosaved."""
    page.add_init_script(EDITOR_EVENTS)
    page.goto(url or f"{live_server.url}/admin/pages/{page_id}/edit/")
    page.wait_for_function("() => window.agencyEditor && window.agencyEditor.watching")


class HeldFormPost:
    """Stops the edit form's own POST (not autosave's) in the browser and sends it later.

    The browser's navigation is cancelled (as when a person presses Esc) so the editor
    page stays alive, as it does while the server takes its time to approve and
    publish: whatever the page's scripts send meanwhile would race the submission.
    ``release()`` then sends the very request the form made, with the user's cookies,
    and opens where the server redirects.
    """

    def __init__(self, page, page_id):
        self.page = page
        self.held = []
        self.autosaves = []
        self.edits_before = page.evaluate("window.agencyEditor.edits")
        self.pattern = re.compile(rf".*/admin/pages/{page_id}/edit/$")
        page.route(self.pattern, self._handle)

    def _handle(self, route):
        request = route.request
        if request.method == "POST" and "application/json" in request.headers.get("accept", ""):
            self.autosaves.append(request.post_data_buffer)
            route.continue_()
        elif request.method == "POST" and request.is_navigation_request() and not self.held:
            self.held.append(request)
            route.abort("aborted")
        else:
            route.continue_()

    def wait_until_held(self):
        self.page.wait_for_function(f"() => window.agencyEditor.edits > {self.edits_before}")
        assert len(self.held) == 1

    def release(self):
        self.page.unroute(self.pattern, self._handle)
        request = self.held.pop()
        response = self.page.request.post(
            request.url,
            data=request.post_data_buffer,
            headers={"content-type": request.headers["content-type"]},
            max_redirects=0,
        )
        assert response.status == 302, response.text()
        self.page.goto(urljoin(request.url, response.headers["location"]))


def assert_no_autosave_during_submit(page, held):
    """The form being sent is itself seen as an edit (``w-unsaved:add`` has fired); no
    autosave may go out with it: every ``w-autosave:save`` since then is cancelled."""
    held.wait_until_held()
    uncancelled = page.evaluate(
        "window.agencyEditor.autosaves.filter((event) => !event.defaultPrevented).length"
    )
    assert uncancelled == 0
    assert held.autosaves == []
