"""Every mark that draws nothing without a base (General_Category Mn and Me, variation
selectors, tag characters) is nothing visible on its own, in every visitors' form; on a
visible base it stays (UAX #44 §5.7.1, Unicode TR #51)."""

import pytest
from bs4 import BeautifulSoup

from alternate_formats.models import AlternateFormatRequest
from core.control_characters import visible_text
from tests.alternate_formats.test_invisible_text import document  # noqa: F401 (fixture)
from tests.alternate_formats.test_order_form import post as post_order
from tests.feedback.test_invisible_text import (
    feedback,  # noqa: F401 (fixture)
    field_error,
)
from tests.feedback.test_invisible_text import post as post_feedback

LONE = [
    "\u0301",  # combining acute accent
    "\u0300\u0308\u036f",  # several combining accents
    "\u093c",  # Devanagari nukta
    "\u20dd",  # combining enclosing circle (Me)
    "\u20e3",  # combining enclosing keycap (Me)
    "\u180f",  # Mongolian free variation selector four
    "\U000e01ef",  # last variation selector
    "\u200b\u0301 \ufe0f\n\u093c",  # marks after invisible characters and line breaks
    "\U000e0067\U000e007f",  # tag characters without a flag
]

KEPT = [
    ("\u2764\ufe0f", "\u2764\ufe0f"),  # red heart with emoji presentation
    ("e\u0301", "e\u0301"),  # é written as e + combining acute
    ("\u0915\u093c\u093f\u0924\u093e\u092c",) * 2,  # Hindi with a nukta
    ("1\ufe0f\u20e3", "1\ufe0f\u20e3"),  # keycap one
    ("\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",) * 2,  # England
    ("\u0301Hej \ufe0f", "Hej"),  # lone marks at either end dropped
    (" n\u0303o\u0301 \u200b", "n\u0303o\u0301"),
]


@pytest.mark.parametrize("text", LONE)
def test_a_text_of_lone_marks_is_empty(text):
    assert visible_text(text) == ""


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_marks_on_a_visible_base_are_kept(text, kept):
    assert visible_text(text) == kept


@pytest.mark.parametrize("text", LONE)
def test_the_feedback_form_refuses_required_fields_of_lone_marks(client, feedback, text):  # noqa: F811
    response = post_feedback(client, feedback, synpunkter=text, arende=text)
    html = BeautifulSoup(response.content, "html.parser")
    assert "Det här fältet är obligatoriskt" in field_error(html, "synpunkter")
    assert "Det här fältet är obligatoriskt" in field_error(html, "arende")


@pytest.mark.parametrize("text", LONE)
def test_lone_marks_are_no_way_to_reach_the_visitor(client, document, text):  # noqa: F811
    response = post_order(client, document, email=text, phone=text)
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".error-summary") is not None
    assert not AlternateFormatRequest.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "Hej\ufe0f",  # an emoji selector on a letter does not apply (TR #51 §1.4.3)
        "Hej\ufe0e",
        "Hej\U000e0067\U000e007f",  # tag characters follow an emoji, not a letter
        "Hej\u200b\ufe0f",
    ],
)
def test_emoji_marks_on_a_letter_are_dropped_at_the_end(text):
    assert visible_text(text) == "Hej"


def test_information_source_keeps_its_emoji_selector():
    assert visible_text("\u2139\ufe0f") == "\u2139\ufe0f"
