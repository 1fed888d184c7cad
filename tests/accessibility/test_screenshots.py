"""Every public page type at a phone's (375 px) and a desktop's (1280 px) width, saved
as a screenshot in tmp/artifacts/screenshots/ for people to look at, with the layout
rules a screenshot would show broken: nothing wider than the screen, every image with
its width and height (no shift while it loads), and the section navigation beside the
text at desktop width and after it on a phone."""

from pathlib import Path

import pytest

from .conftest import PUBLIC_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = Path(__file__).resolve().parents[2] / "tmp" / "artifacts" / "screenshots"
WIDTHS = [pytest.param(375, id="375"), pytest.param(1280, id="1280")]

LAYOUT = """() => ({
    scrollWidth: document.documentElement.scrollWidth,
    imagesWithoutSize: [...document.querySelectorAll('main img')]
        .filter(img => !img.getAttribute('width') || !img.getAttribute('height'))
        .map(img => img.currentSrc || img.src),
})"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_page_type_screenshot_fits_the_screen(a11y_site, open_page, name, width):
    page = open_page(width=width)
    page.goto(a11y_site(name))
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    layout = page.evaluate(LAYOUT)
    assert layout["scrollWidth"] <= width, f"{name} is wider than the screen at {width} px"
    assert layout["imagesWithoutSize"] == [], "images without width and height shift the page"


@pytest.mark.parametrize("width", WIDTHS)
def test_section_navigation_is_beside_the_text_on_desktop_and_after_it_on_phones(
    a11y_site, open_page, width
):
    page = open_page(width=width)
    page.goto(a11y_site("amnessida"))
    text = page.locator(".layout__main").bounding_box()
    navigation = page.locator(".section-nav").bounding_box()
    current = page.locator('.section-nav a[aria-current="page"]')
    assert current.inner_text() == "Smart specialisering"
    if width >= 1280:
        assert navigation["x"] >= text["x"] + text["width"]
        assert navigation["y"] < text["y"] + text["height"]
    else:
        assert navigation["y"] >= text["y"] + text["height"]
