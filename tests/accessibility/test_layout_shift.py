"""No layout shift on phones: the page a visitor sees first is the page that stays.

Chromium records every unexpected movement of visible content as a ``layout-shift``
performance entry (the Layout Instability API, what Lighthouse's Cumulative Layout Shift
adds up). Read with ``buffered: true`` once the page's own script has run, none may
exist: the mobile menu once collapsed after the first paint (CLS 0.124).
"""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PUBLIC_PAGES, save_screenshot
from .held_document import HeldDocument

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE_375 = 375
PAGES = ["startsida", "amnessida", "avsnittssida", "strategi", "konferens-kommande"]

# Every layout-shift entry since navigation started, as plain data. Buffered entries are
# in the observer's buffer as soon as observe() returns, so takeRecords() hands them over
# without waiting for the observer's callback (which never comes when there are none).
LAYOUT_SHIFTS = """() => new Promise((resolve) => {
    // Two animation frames: whatever the page's script changed has been laid out and
    // painted, so a shift it caused has been recorded.
    requestAnimationFrame(() => requestAnimationFrame(() => {
        const observer = new PerformanceObserver(() => {});
        observer.observe({type: "layout-shift", buffered: true});
        const entries = observer.takeRecords();
        observer.disconnect();
        resolve(entries.map((entry) => ({
            value: entry.value,
            hadRecentInput: entry.hadRecentInput,
            sources: (entry.sources || []).map((source) => source.node
                ? source.node.nodeName + "." + (source.node.className || "")
                : "?"),
        })));
    }));
})"""


FIRST_PAINT = """() => performance.getEntriesByType("paint")
    .some((entry) => entry.name === "first-contentful-paint")"""


def open_and_settle(open_page, url, width=PHONE_375):
    """The page as a phone (or `width`) on a slow connection gets it: the deferred site.js
    arrives only after the first paint (held back until the browser reports first-
    contentful-paint, then let through), so whatever it changes happens in front of the
    visitor."""
    page = open_page(width=width)
    held = []
    page.route("**/static/js/site.js", lambda route: held.append(route))
    page.goto(url, wait_until="commit")
    page.wait_for_function(FIRST_PAINT)
    assert held, "site.js was requested before the first paint"
    for route in held:
        route.continue_()
    page.wait_for_load_state("load")
    # The page's own signal that site.js has run: the menu knows its state.
    expect(page.locator("[data-main-nav]")).to_have_attribute("data-collapsed", "true")
    return page


# What the visitor's first frame showed of the header's tools, recorded just before that
# frame was drawn (an animation frame callback runs then; the parser cannot add to the
# page between it and the drawing). Installed before the page's own HTML is read.
FIRST_FRAME = """requestAnimationFrame(() => {
    window.toolsInFirstFrame = document.querySelectorAll(".site-header__tools > li").length;
});"""

# The header sent up to the end of its tools' first item; the rest held back.
AFTER_FIRST_TOOL = r'<ul class="site-header__tools">.*?</li>'

# Everything the first part asks for is in (the first tool parsed, the stylesheets
# loaded), and the browser has drawn it, or holds its first frame for an element that
# has not come yet (<link rel="expect" blocking="render">), so will draw nothing now.
SHOWN_OR_HELD = """() => {
    const sheets = document.querySelectorAll('link[rel="stylesheet"]:not([media="print"])');
    if (!document.querySelector(".site-header__tools > li")
        || !Array.prototype.every.call(sheets, (link) => link.sheet)) {
        return false;
    }
    if (performance.getEntriesByType("paint").length) {
        return true;
    }
    const expect = document.querySelector('link[rel~="expect"][blocking~="render"]');
    return !!expect && !document.querySelector(expect.getAttribute("href"));
}"""


def test_layout_shift_pages_are_demo_pages():
    assert set(PAGES) <= set(PUBLIC_PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_no_layout_shift_at_375_px(a11y_site, open_page, name):
    page = open_and_settle(open_page, a11y_site(name))

    shifts = page.evaluate(LAYOUT_SHIFTS)

    save_screenshot(page, f"layout-shift-{name}-375")
    assert shifts == [], f"{name}: {shifts}"
    expect(page.get_by_role("button", name="Meny")).to_be_visible()
    expect(page.locator("#main-nav-list")).to_be_hidden()


@pytest.mark.parametrize(
    ("path", "width"), [("/", PHONE_375), ("/", DESKTOP), ("/en/", PHONE_375), ("/en/", DESKTOP)]
)
def test_header_arriving_in_parts_is_first_drawn_whole(a11y_site, open_page, path, width):
    """A slow phone draws the page as it arrives: the header drawn with one of its tools
    moved as the others came (CLS 0.027 at 375 px, seen on a loaded CI machine; 0.026 on
    the English start page at 1280 px). Here the page arrives in two parts, the first
    ending after the first tool, and the browser is given its chance to draw that part
    before the rest comes; it must wait for the whole header."""
    with HeldDocument(a11y_site.url, path, AFTER_FIRST_TOOL) as held:
        page = open_page(width=width)
        page.add_init_script(FIRST_FRAME)
        page.goto(held.url, wait_until="commit")
        # Polled on a timer: a held first frame runs no animation frame callbacks.
        page.wait_for_function(SHOWN_OR_HELD, polling=50)
        held.release()
        page.wait_for_load_state("load")

        shifts = page.evaluate(LAYOUT_SHIFTS)

        assert shifts == [], shifts
        tools = page.locator(".site-header__tools > li")
        assert page.evaluate("window.toolsInFirstFrame") == tools.count() > 1


def test_search_filters_open_on_a_wide_screen_without_pushing_the_hits_down(a11y_site, open_page):
    """On a desktop the filters start open; opened after the first paint they pushed the
    hits down (Lighthouse desktop CLS 0.003)."""
    page = open_and_settle(open_page, a11y_site("sok-traffar"), width=DESKTOP)

    shifts = page.evaluate(LAYOUT_SHIFTS)

    assert shifts == [], shifts
    expect(page.locator("[data-search-filters]")).to_have_attribute("open", "")
    expect(page.locator(".search-filter__list")).to_be_visible()


def test_search_filters_stay_folded_on_a_phone(a11y_site, open_page):
    page = open_and_settle(open_page, a11y_site("sok-traffar"))

    expect(page.locator(".search-filter__list")).to_be_hidden()
    page.get_by_text("Filtrera träffarna").click()
    expect(page.locator(".search-filter__list")).to_be_visible()


def test_the_probe_sees_a_layout_shift(a11y_site, open_page):
    """The probe itself: content pushed down after the first paint is reported."""
    page = open_and_settle(open_page, a11y_site("amnessida"))
    page.evaluate(
        """() => {
            const banner = document.createElement("div");
            banner.style.height = "200px";
            document.querySelector("main").prepend(banner);
        }"""
    )

    shifts = page.evaluate(LAYOUT_SHIFTS)

    assert shifts and sum(shift["value"] for shift in shifts) > 0


def test_menu_starts_open_and_has_no_button_without_javascript(a11y_site, open_page):
    page = open_page(width=PHONE_375, java_script_enabled=False)
    page.goto(a11y_site("startsida"))

    expect(page.locator("#main-nav-list")).to_be_visible()
    expect(page.locator(".main-nav__toggle")).to_be_hidden()
