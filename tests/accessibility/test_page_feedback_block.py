"""The "Hittade du det du sökte?" block (page_feedback) on a phone and a desktop: answer
buttons large enough to hit (WCAG 2.5.5: 44 × 44 CSS px), a visible focus in the site's
focus colour, and nothing moving when a button takes focus."""

import pytest

from .conftest import DESKTOP, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FOCUS_BACKGROUND = "rgb(255, 191, 71)"  # --color-focus


def boxes(page):
    return [button.bounding_box() for button in page.locator(".page-feedback__answer").all()]


@pytest.mark.parametrize("width", [375, DESKTOP])
def test_answer_buttons_are_44_px_targets_with_visible_focus_and_no_shift(
    a11y_site, open_page, width
):
    page = open_page(a11y_site("amnessida"), width=width)
    block = page.locator(".page-feedback")
    block.scroll_into_view_if_needed()
    panel = block.bounding_box()
    before = boxes(page)

    assert page.locator(".page-feedback__answer").all_inner_texts() == ["Ja", "Nej"]
    for box in before:
        assert box["width"] >= 44 and box["height"] >= 44, box
        assert panel["x"] <= box["x"] and box["x"] + box["width"] <= panel["x"] + panel["width"]
    assert panel["x"] + panel["width"] <= width

    page.locator(".page-feedback__answer").first.focus()
    page.keyboard.press("Tab")  # keyboard focus, so :focus-visible applies
    focused = page.locator(".page-feedback__answer").nth(1)
    save_screenshot(page, f"page-feedback-{width}")

    assert focused.evaluate("e => e === document.activeElement")
    assert focused.evaluate("e => getComputedStyle(e).backgroundColor") == FOCUS_BACKGROUND
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert boxes(page) == before
    assert block.bounding_box() == panel
