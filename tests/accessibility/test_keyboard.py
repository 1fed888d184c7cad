"""What axe cannot see: using the site with a keyboard only.

Every interactive element is reached by Tab, in the order it is read (no positive
tabindex, nothing skipped, nothing trapped); focus is always visible, with a focus
indicator of at least 3:1 against what is around it; the skip link, the mobile menu,
the strategy filters and the feedback form work from the keyboard."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE, PUBLIC_PAGES, save_screenshot
from .keyboard_scripts import FOCUS_STATE, MARK_FOCUSABLES, RECORD_REST

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

KEYBOARD_PAGES = [
    "startsida",
    "amnessida",
    "avsnittssida",
    "konferens-kommande",
    "konferens-tidigare",
    "konferenser",
    "publikationer",
    "strategi",
    "sok-traffar",
    "synpunkter",
    "tillganglighetsredogorelse",
    "404",
    "webbplatskarta",
    "personuppgifter",
    "lattlast-samling",
    "lattlast",
    "teckensprak-samling",
    "teckensprak",
]


def tab_through(page, limit):
    """Press Tab until focus leaves the page; the focus state after each press."""
    states = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            break
        states.append(state)
    return states


@pytest.mark.parametrize("width", [pytest.param(DESKTOP, id="1280"), pytest.param(PHONE, id="320")])
@pytest.mark.parametrize("name", KEYBOARD_PAGES)
def test_tab_reaches_every_control_in_reading_order_with_visible_focus(
    a11y_site, open_page, name, width
):
    page = open_page(a11y_site(name), width=width)
    marked = page.evaluate(MARK_FOCUSABLES)
    assert not marked["positive"], f"positive tabindex changes the order: {marked['positive']}"
    page.evaluate(RECORD_REST)

    players = page.locator("video[controls], audio[controls]").count()
    states = tab_through(page, limit=marked["count"] + 5 + 10 * players)

    # A native <video controls>: Tab walks through the browser's own buttons in one run,
    # where the player stands; their focus ring is the browser's own.
    in_player = [position for position, state in enumerate(states) if state["player"]]
    if players:
        assert in_player, f"Tab never reaches the video player's controls on {name}"
        assert in_player == list(range(in_player[0], in_player[-1] + 1)), in_player
    states = [state for state in states if not state["player"]]
    reached = [state["index"] for state in states]
    assert reached == list(range(marked["count"])), (
        f"Tab order on {name} at {width} px is not the reading order of its "
        f"{marked['count']} controls (numbers are document order): {reached}\n"
        + "\n".join(f"  {s['index']}: {s['description']}" for s in states)
    )
    for state in states:
        assert state["style"] != state["rest"], (
            f"no visible focus on {state['description']} ({name}, {width} px)"
        )
        assert state["best_contrast"] >= 3, (
            f"focus indicator below 3:1 ({state['best_contrast']:.2f}) on "
            f"{state['description']} ({name}, {width} px): {state['style']}"
        )
        assert state["inView"], f"focused element is off screen: {state['description']}"


def test_keyboard_pages_cover_every_public_page_type():
    """Pages left out of the Tab walk are only extra states of a page type covered."""
    assert set(PUBLIC_PAGES) - set(KEYBOARD_PAGES) == {
        "publikationer-filtrerade",
        "sok-inga-traffar",
        "amnessida-lang-titel",
        "strategi-lang-titel",
    }


@pytest.mark.parametrize("name", ["startsida", "strategi"])
def test_skip_link_is_first_visible_on_focus_and_moves_focus_to_main(a11y_site, open_page, name):
    page = open_page(a11y_site(name))
    skip = page.get_by_role("link", name="Gå direkt till innehållet")
    expect(skip).not_to_be_in_viewport()

    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")


def test_skip_link_stays_out_of_sight_until_focused_at_200_percent_text(a11y_site, open_page):
    """A skip link hidden by a fixed offset peeks out once the text grows."""
    page = open_page(a11y_site("startsida"))
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    skip = page.get_by_role("link", name="Gå direkt till innehållet")
    expect(skip).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip).to_be_in_viewport(ratio=1)


def test_mobile_menu_opens_and_closes_by_keyboard_and_escape_returns_focus(a11y_site, open_page):
    page = open_page(a11y_site("startsida"), width=PHONE)
    toggle = page.get_by_role("button", name="Meny")
    menu = page.locator("#main-nav-list")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()

    # Skip link, home link, the header's tools (English, Lättläst, Teckenspråk), the
    # search field and its button, then the menu button (the navigation is the band
    # below the logo and the search).
    for _ in range(8):
        page.keyboard.press("Tab")
    expect(toggle).to_be_focused()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    save_screenshot(page, "mobilmeny-oppen-320")

    # Into the menu and out of it again: no trap.
    links = menu.get_by_role("link")
    for index in range(links.count()):
        page.keyboard.press("Tab")
        expect(links.nth(index)).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("searchbox", name="Vad letar du efter?")).to_be_focused()

    # Back into the menu; Escape closes it and puts focus on the button.
    page.keyboard.press("Shift+Tab")
    expect(links.last).to_be_focused()
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()

    # Space toggles it too.
    page.keyboard.press("Space")
    expect(menu).to_be_visible()
    page.keyboard.press("Space")
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()


def test_strategy_filters_work_by_keyboard(a11y_site, open_page):
    page = open_page(a11y_site("publikationer"))
    topic = page.get_by_label("Ämne")
    topic.focus()
    # A closed <select> changes its value with the arrow keys.
    page.keyboard.press("ArrowDown")
    chosen = topic.input_value()
    assert chosen, "ArrowDown did not choose a topic"
    page.keyboard.press("Tab")
    expect(page.get_by_label("År")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Språk")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Visa", exact=True)).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"amne={chosen}"))
    expect(page.get_by_label("Ämne")).to_have_value(chosen)
    expect(page.locator(".listing__item")).to_have_count(1)
    # Back to everything, from the keyboard too.
    page.get_by_role("button", name="Visa", exact=True).focus()
    page.keyboard.press("Tab")
    show_all = page.get_by_role("link", name="Visa alla", exact=True)
    expect(show_all).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"amne="))


def test_feedback_form_can_be_corrected_and_sent_by_keyboard(a11y_site, open_page):
    page = open_page(a11y_site("synpunkter"))
    page.get_by_label("Namn").focus()
    page.keyboard.type("Kim")
    page.keyboard.press("Tab")
    expect(page.get_by_label("E-post")).to_be_focused()
    page.keyboard.type("kim@example.com")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Synpunkter")).to_be_focused()
    page.keyboard.press("Tab")
    send = page.get_by_role("button", name="Skicka")
    expect(send).to_be_focused()
    page.keyboard.press("Enter")

    # Sent without the required field: focus lands on the summary, whose link leads
    # to the field; what was typed is kept.
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Namn")).to_have_value("Kim")
    page.keyboard.press("Tab")
    error_link = summary.get_by_role("link")
    expect(error_link).to_be_focused()
    page.keyboard.press("Enter")
    field = page.get_by_label("Synpunkter")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")
    # A screen reader hears the error with the field, not only in the summary.
    expect(field).to_have_accessible_description(re.compile(r"obligatoriskt"))

    page.keyboard.type("Det gick bra att skicka med tangentbordet.")
    page.keyboard.press("Tab")
    expect(send).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Vi har tagit emot dina synpunkter")).to_be_visible()
