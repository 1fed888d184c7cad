"""Variation selectors (and other default-ignorable marks) on their own are nothing
visible: the visitors' forms must refuse them like an empty text.

core.control_characters.is_invisible counts categories Cc, Cf, Cs, Cn, Z* and a few
blank letters, and the combining grapheme joiner, but not the variation selectors
(category Mn, Unicode "Default_Ignorable_Code_Point": drawn as nothing, UAX #44 and
Unicode §5.21). Seen live (break1): "\\ufe0f" alone stored as a feedback submission,
as a page-feedback comment, and accepted as the phone number of an accessible-format
order (the only way to reach the visitor). Combining accents alone (U+0301) pass too.
"""

import pytest

from core.control_characters import visible_text
from page_feedback.forms import CommentForm, answer_token

LONE_MARKS = [
    "\ufe0f",  # variation selector 16 (emoji presentation)
    "\ufe00\ufe0e",  # variation selectors 1 and 15
    "\U000e0100",  # variation selector 17
    "\u180b",  # Mongolian free variation selector
    " \ufe0f\u200b ",  # mixed with spaces and a zero-width space
]


@pytest.mark.parametrize("text", LONE_MARKS)
def test_a_text_of_lone_variation_selectors_is_empty(text):
    assert visible_text(text) == ""


@pytest.mark.parametrize("text", LONE_MARKS)
def test_a_page_feedback_comment_of_lone_variation_selectors_is_refused(db, text):
    form = CommentForm({"token": answer_token(1), "comment": text})
    assert not form.is_valid()
    assert "comment" in form.errors


def test_an_emoji_with_its_variation_selector_is_kept():
    assert visible_text("\u2764\ufe0f") == "\u2764\ufe0f"
