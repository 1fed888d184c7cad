"""Times, ranges and measures never break across lines (pages/typography.py)."""

import datetime

import pytest
from django.template import Context, Template

from core.typography import keep_together_html, keep_together_text, no_break, time_range

NBSP, WJ = "\u00a0", "\u2060"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kl. 09.30–16.00", f"kl.{NBSP}09.30{WJ}–{WJ}16.00"),
        ("ökade med 400 %", f"ökade med 400{NBSP}%"),
        ("PDF, 12 sidor", f"PDF, 12{NBSP}sidor"),
        ("31 januari 2018", f"31{NBSP}januari 2018"),
        ("åren 2014-2020", f"åren 2014{WJ}-{WJ}2020"),
        ("9 – 16", f"9{WJ}–{WJ}16"),
        ("1 200 000 kr", f"1{NBSP}200{NBSP}000{NBSP}kr"),
        ("972 31 Luleå", f"972{NBSP}31 Luleå"),
        ("utan siffror – inget ändras", "utan siffror – inget ändras"),
    ],
)
def test_numbers_stay_with_their_units_and_ranges_with_their_ends(text, expected):
    assert keep_together_text(text) == expected


def test_rich_text_keeps_measures_together_but_leaves_tags_and_attributes_alone():
    html = '<p>Stödet ökade med 400 %.</p><a href="/a?b=1-2&amp;c=3 4">9–16</a>'

    assert keep_together_html(html) == (
        f'<p>Stödet ökade med 400{NBSP}%.</p><a href="/a?b=1-2&amp;c=3 4">9{WJ}–{WJ}16</a>'
    )


def test_time_range_uses_the_swedish_point_and_never_breaks():
    assert time_range(datetime.time(9, 30), datetime.time(16, 0)) == f"09.30{WJ}–{WJ}16.00"
    assert time_range(datetime.time(9, 30)) == "09.30"
    assert time_range(None) == ""


def test_no_break_escapes_and_joins_the_whole_value():
    assert no_break("<b> A–B") == f"&lt;b&gt;{NBSP}A{WJ}–{WJ}B"


def test_rich_text_on_pages_is_rendered_through_the_filter(db):
    from wagtail.rich_text import RichText

    html = Template("{% load wagtailcore_tags %}{{ text|richtext }}").render(
        Context({"text": RichText("<p>Konferensen pågår 09.30–16.00.</p>")})
    )

    assert f"09.30{WJ}–{WJ}16.00" in html
