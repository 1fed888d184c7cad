"""Zoom and reflow (WCAG 1.4.4, 1.4.10), link colours (1.4.3) and reduced motion (2.3.3).

At 320 CSS px (400 % zoom of a 1280 px window) nothing needs horizontal scrolling; at
200 % text size nothing runs out of the window or is cut off."""

import pytest

from .conftest import DESKTOP, PHONE, PUBLIC_PAGES, save_screenshot
from .long_titles import LONG_WORD, LONG_WORD_2

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Elements whose text does not fit and is cut off by overflow: hidden/clip. The
# visually-hidden pattern is meant to be 1 px; a <select> clips its own options.
CLIPPED_TEXT = """() => [...document.querySelectorAll('body *')].filter((el) => {
    if (el.matches('.visually-hidden, .visually-hidden *, select, option, script, style')) {
        return false;
    }
    if (!el.getClientRects().length || !el.textContent.trim()) return false;
    const s = getComputedStyle(el);
    const clips = (v) => v === 'hidden' || v === 'clip';
    return (clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
        || (clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1);
}).map((el) => el.outerHTML.slice(0, 150))"""

# Elements that stick out past the right edge of the window (the cause of scrolling).
WIDER_THAN_WINDOW = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > width + 0.5;
    }).map((el) => {
        const right = Math.round(el.getBoundingClientRect().right);
        return `${el.outerHTML.slice(0, 120)} (right edge ${right} px)`;
    });
}"""


# Pairs of text lines drawn on top of each other: each visible text node's line boxes,
# compared with every other's. Touching lines are fine; 2 px of overlap both ways is not.
OVERLAPPING_TEXT = """() => {
    const lines = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent.trim() || parent.closest('.visually-hidden, script, style')) continue;
        if (getComputedStyle(parent).visibility === 'hidden') continue;
        // Not drawn at all, such as the content of a closed <details>.
        if (!parent.checkVisibility()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
            if (r.width > 1 && r.height > 1) {
                lines.push({r, text: node.textContent.trim().slice(0, 40)});
            }
        }
    }
    const found = [];
    for (let i = 0; i < lines.length; i++) {
        for (let j = i + 1; j < lines.length; j++) {
            const a = lines[i].r, b = lines[j].r;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 2 && h > 2) found.push(`"${lines[i].text}" over "${lines[j].text}"`);
        }
    }
    return found.slice(0, 10);
}"""


def horizontal_overflow(page):
    return page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )


def test_layout_probes_find_clipped_and_overlapping_text(open_page):
    """The probes can fail: a page built to clip and overlap text is caught."""
    page = open_page()
    page.set_content(
        '<div style="width:50px;overflow:hidden;white-space:nowrap">'
        "Tillgänglighetsredogörelse</div>"
        '<p style="position:absolute;top:100px;left:0">Första raden</p>'
        '<p style="position:absolute;top:104px;left:10px">Andra raden</p>'
    )
    assert len(page.evaluate(CLIPPED_TEXT)) == 1
    assert page.evaluate(OVERLAPPING_TEXT) == ['"Första raden" over "Andra raden"']


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_page_reflows_at_320_css_px_without_horizontal_scrolling(a11y_site, open_page, name):
    page = open_page(a11y_site(name), width=PHONE)
    scroll_width, client_width = horizontal_overflow(page)
    assert scroll_width <= PHONE, (
        f"{name} scrolls sideways at 320 px (content {scroll_width} px wide):\n"
        + "\n".join(page.evaluate(WIDER_THAN_WINDOW)[:10])
    )
    clipped = page.evaluate(CLIPPED_TEXT)
    assert not clipped, f"text cut off on {name} at 320 px: {clipped}"
    overlapping = page.evaluate(OVERLAPPING_TEXT)
    assert not overlapping, f"text drawn over text on {name} at 320 px: {overlapping}"


# Where each page shows a 62-letter title or name, so the reflow checks above cover them.
LONG_TITLES_SHOWN = {
    "startsida": "#main-nav-list a, .card__title",  # menu item, featured topic, upcoming conference
    "amnessida": ".card__title",  # sub-topic card
    "amnessida-lang-titel": (
        ".breadcrumb li:last-child, h1, h2, .document-link, .contact-card__name, .contact-card"
    ),
    "konferens-kommande": "h1, .speaker__name, .speaker__organisation, .document-link",
    "konferenser": ".listing__title, .card__title",
    "publikationer": ".listing__title, .document-link, select",
    "strategi-lang-titel": "h1, .document-link, .related",
    "sok-traffar": ".search-result__title",
}


@pytest.mark.parametrize("name", LONG_TITLES_SHOWN)
def test_long_compound_titles_wrap_inside_a_320_px_window(a11y_site, open_page, name):
    """Issue input: a topic titled with one 62-letter word made the breadcrumb's last item
    517 px wide at 320 px. Every element showing such a title stays inside the window."""
    page = open_page(a11y_site(name), width=PHONE)
    page.get_by_role("button", name="Meny").click()  # the menu's items are shown too
    found = page.evaluate(
        """([selector, words]) => [...document.querySelectorAll(selector)]
            .filter((el) => words.some((word) => el.textContent.includes(word)))
            .map((el) => ({
                html: el.outerHTML.slice(0, 100),
                right: el.getBoundingClientRect().right,
                scrollWidth: el.scrollWidth,
            }))""",
        [LONG_TITLES_SHOWN[name], [LONG_WORD, LONG_WORD_2]],
    )
    assert found, f"no 62-letter title on {name}: the reflow tests would not cover one"
    too_wide = [el for el in found if el["right"] > PHONE + 0.5 or el["scrollWidth"] > PHONE]
    assert not too_wide, f"long titles run off the screen on {name}: {too_wide}"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_text_at_200_percent_is_not_cut_off_or_pushed_out_of_the_window(a11y_site, open_page, name):
    page = open_page(a11y_site(name), width=DESKTOP)
    height_before = page.evaluate("document.documentElement.scrollHeight")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    # The text really is twice as big: the page grows.
    assert page.evaluate("document.documentElement.scrollHeight") > height_before * 1.3
    save_screenshot(page, f"{name}-text-200")

    scroll_width, _client_width = horizontal_overflow(page)
    assert scroll_width <= DESKTOP, (
        f"{name} at 200 % text scrolls sideways ({scroll_width} px):\n"
        + "\n".join(page.evaluate(WIDER_THAN_WINDOW)[:10])
    )
    clipped = page.evaluate(CLIPPED_TEXT)
    assert not clipped, f"text cut off on {name} at 200 % text size: {clipped}"
    overlapping = page.evaluate(OVERLAPPING_TEXT)
    assert not overlapping, f"text drawn over text on {name} at 200 %: {overlapping}"


# The colour and background of every visible link in a given state (:visited or
# :hover). getComputedStyle never reports :visited colours (browsers hide browsing
# history), so each rule of the site's CSS that mentions the state is copied right
# after itself with the pseudo-class replaced by a class of the same specificity;
# the links get that class and the browser's own cascade gives the colour.
LINK_STATE_COLOURS = """(pseudo) => {
    const marker = 'a11y-state-probe';
    const parse = (color) => {
        const m = color.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return {r, g, b, a};
    };
    const backgroundOf = (node) => {
        for (let n = node; n; n = n.parentElement) {
            const c = parse(getComputedStyle(n).backgroundColor);
            if (c && c.a === 1) return c;
        }
        return {r: 255, g: 255, b: 255, a: 1};
    };
    let copied = 0;
    const copyRules = (owner) => {
        for (let i = owner.cssRules.length - 1; i >= 0; i--) {
            const rule = owner.cssRules[i];
            if (rule.cssRules && !rule.selectorText) {
                copyRules(rule);
            } else if (rule.selectorText && rule.selectorText.includes(pseudo)) {
                owner.insertRule(rule.cssText.split(pseudo).join('.' + marker), i + 1);
                copied += 1;
            }
        }
    };
    [...document.styleSheets]
        .filter((sheet) => sheet.href && sheet.href.includes('/static/css/'))
        .forEach(copyRules);
    const links = [...document.querySelectorAll('a[href]')].filter(
        (link) => link.getClientRects().length && link.textContent.trim()
            && getComputedStyle(link).visibility !== 'hidden'
            && !link.closest('.visually-hidden')
    );
    links.forEach((link) => link.classList.add(marker));
    const out = links.map((link) => ({
        color: parse(getComputedStyle(link).color),
        background: backgroundOf(link),
        link: link.outerHTML.replace(' ' + marker, '').replace(` class="${marker}"`, '')
            .slice(0, 100),
    }));
    links.forEach((link) => link.classList.remove(marker));
    return {copied, links: out};
}"""


def contrast(first, second):
    def luminance(colour):
        def channel(value):
            value /= 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour["r"])
            + 0.7152 * channel(colour["g"])
            + 0.0722 * channel(colour["b"])
        )

    light, dark = sorted([luminance(first), luminance(second)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_helper_matches_known_pairs():
    black = {"r": 0, "g": 0, "b": 0}
    white = {"r": 255, "g": 255, "b": 255}
    assert round(contrast(black, white), 1) == 21.0
    assert round(contrast({"r": 0x76, "g": 0x76, "b": 0x76}, white), 1) == 4.5


@pytest.mark.parametrize("pseudo", [":visited", ":hover"])
@pytest.mark.parametrize("name", ["startsida", "amnessida", "konferens-tidigare", "sok-traffar"])
def test_visited_and_hovered_links_keep_4_5_to_1_contrast(a11y_site, open_page, name, pseudo):
    page = open_page(a11y_site(name))
    probe = page.evaluate(LINK_STATE_COLOURS, pseudo)
    assert probe["copied"], f"no {pseudo} rule found in the site's CSS: the probe is broken"
    low = [
        f"{c['link']}: {contrast(c['color'], c['background']):.2f}:1"
        for c in probe["links"]
        if contrast(c["color"], c["background"]) < 4.5
    ]
    assert not low, f"{pseudo} links below 4.5:1 on {name}:\n" + "\n".join(low)


TRANSITIONS_AND_ANIMATIONS = """() => [...document.querySelectorAll('*')].flatMap((el) =>
    [null, '::before', '::after'].map((pseudo) => {
        const s = getComputedStyle(el, pseudo);
        const moving = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0)
            || s.animationName !== 'none';
        return moving ? `${el.tagName.toLowerCase()}${pseudo || ''}.${el.className}` : null;
    })).filter(Boolean)"""


@pytest.mark.parametrize("name", ["startsida", "amnessida", "publikationer", "synpunkter"])
def test_reduced_motion_preference_turns_off_transitions_and_animations(a11y_site, open_page, name):
    page = open_page(a11y_site(name), width=PHONE, reduced_motion="reduce")
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
    # Open the mobile menu and focus a link, so their states are in the check too.
    page.get_by_role("button", name="Meny").click()
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link").first.focus()
    moving = page.evaluate(TRANSITIONS_AND_ANIMATIONS)
    assert not moving, f"still moving with reduced motion on {name}: {moving[:10]}"
