"""The header stays put when the language switcher says a page is not translated.

On a page without an English translation the switcher links to the English home page
and adds "This page is not available in English." On wide screens the header has one
fixed arrangement (name and tools, the search under the name) and the note hangs under
the tools beside the search, so moving between a translated and an untranslated page
moves nothing in the header (static/css/site.css, .site-header__inner at 60rem+).
"""

import pytest
from playwright.sync_api import expect

from .conftest import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

BOXES = """() => Object.fromEntries(
    [".site-header", ".site-header__brand", ".site-search", ".site-header__nav",
     ".language-switcher__link", ".language-versions__link"].map((selector) => {
        const box = document.querySelector(selector).getBoundingClientRect();
        return [selector, [box.x, box.y, box.width, box.height].map(Math.round)];
    }))"""


def header_boxes(open_page, url, width, name):
    page = open_page(url, width=width)
    boxes = page.evaluate(BOXES)
    save_screenshot(page, f"header-note-{name}-{width}")
    return page, boxes


def overlaps(a, b):
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


@pytest.mark.parametrize("width", [1280, 1024, 960])
def test_header_does_not_move_when_the_not_translated_note_shows(a11y_site, open_page, width):
    _translated, without_note = header_boxes(open_page, a11y_site("startsida"), width, "home")
    page, with_note = header_boxes(
        open_page, a11y_site("tillganglighetsredogorelse"), width, "statement"
    )

    note = page.locator(".language-switcher__note")
    expect(note).to_have_text("This page is not available in English.")
    expect(note).to_be_visible()
    assert with_note == without_note
    note_box = note.evaluate(
        "(e) => { const b = e.getBoundingClientRect();"
        " return [b.x, b.y, b.width, b.height].map(Math.round); }"
    )
    header = with_note[".site-header"]
    # Inside the header, clear of the search and the menu band.
    assert header[1] <= note_box[1] and note_box[1] + note_box[3] <= header[1] + header[3]
    assert not overlaps(note_box, with_note[".site-search"])
    assert not overlaps(note_box, with_note[".site-header__nav"])
