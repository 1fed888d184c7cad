"""A conference programme on a phone: the talks get the room, and no word of a talk's
title breaks at a letter when the column could hold it whole.

The demo conference's first talk is "Smart specialisering i EU:s
sammanhållningspolitik". On a 375 px phone its 22-letter compound needs about 230 px;
with the time range on one line the talk column had 218 px and the word broke before
its last letter. The range may break after its dash on a phone only
(static/css/events-search.css, .programme__range); on a wide screen it stays on one line.
"""

import pytest

from .conftest import DESKTOP, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

IPHONE = 375

# Each word of each talk title, with the number of line boxes it is drawn in.
WORD_LINES = """() => [...document.querySelectorAll('.programme__talk')].flatMap((talk) => {
    const node = talk.firstChild;
    const words = [];
    for (const match of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        words.push([match[0], tops.size]);
    }
    return words;
})"""

# Each time range: its text, the number of lines its times stand on, and the most line
# boxes any one time is drawn in (2 would be a time broken between its digits).
RANGE_LINES = """() => [...document.querySelectorAll('.programme__range')].map((range) => {
    const times = [...range.querySelectorAll('time')];
    const tops = new Set(times.map((t) => Math.round(t.getBoundingClientRect().top)));
    const mostBoxes = Math.max(...times.map((t) => t.getClientRects().length));
    return [range.textContent, tops.size, mostBoxes];
})"""


def test_talk_titles_keep_their_words_whole_on_a_375_px_phone(a11y_site, open_page):
    page = open_page(a11y_site("konferens-tidigare"), width=IPHONE)
    words = page.evaluate(WORD_LINES)
    save_screenshot(page, "programme-375")

    assert ["sammanhållningspolitik", 1] in words
    assert [word for word, lines in words if lines > 1] == []


@pytest.mark.parametrize(("width", "lines"), [(IPHONE, 2), (DESKTOP, 1)])
def test_a_time_range_breaks_after_its_dash_on_a_phone_only(a11y_site, open_page, width, lines):
    page = open_page(a11y_site("konferens-tidigare"), width=width)
    ranges = page.evaluate(RANGE_LINES)

    with_end = [(text, count, boxes) for text, count, boxes in ranges if "–" in text]
    assert with_end, ranges
    assert {count for _, count, _ in with_end} == {lines}
    assert {boxes for _, _, boxes in ranges} == {1}
