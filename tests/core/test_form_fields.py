"""The visitors' text rule in each field class (core/form_fields.py): nothing visible is
empty (refused as required, the field's empty value when optional), invisible ends are
dropped before e-mail and URL syntax is checked, line breaks count as the browser counts."""

import datetime
from decimal import Decimal

import pytest
from django import forms

from core.form_fields import (
    VisibleDateField,
    VisibleDateTimeField,
    VisibleDecimalField,
    VisibleEmailField,
    VisibleLineField,
    VisibleTextField,
    VisibleURLField,
)

TEXT_FIELDS = [VisibleTextField, VisibleLineField, VisibleEmailField, VisibleURLField]
FIELDS = [*TEXT_FIELDS, VisibleDecimalField, VisibleDateField, VisibleDateTimeField]
INVISIBLE = ["\u200b", "\u200c\u200d\u2060", "\ufeff\u00ad", " \u3164\r\n\u2800\t", "\x0b\x00"]


@pytest.mark.parametrize("text", INVISIBLE)
@pytest.mark.parametrize("field_class", FIELDS)
def test_nothing_visible_is_refused_as_required(field_class, text):
    field = field_class(required=True)

    with pytest.raises(forms.ValidationError) as refused:
        field.clean(text)

    assert refused.value.code == "required"


@pytest.mark.parametrize("text", INVISIBLE)
@pytest.mark.parametrize("field_class", FIELDS)
def test_nothing_visible_in_an_optional_field_is_its_empty_value(field_class, text):
    empty = "" if field_class in TEXT_FIELDS else None
    assert field_class(required=False).clean(text) == empty
    assert VisibleTextField(required=False, empty_value=None).clean(text) is None


@pytest.mark.parametrize(
    ("field", "sent", "cleaned"),
    [
        (VisibleEmailField(), "\u200banna@example.se\ufeff", "anna@example.se"),
        (VisibleURLField(), "\u2060example.se/sida\u200b", "https://example.se/sida"),
        (VisibleLineField(), "\u00adRad ett\x0bRad två\u200d", "Rad ett Rad två"),
        (
            VisibleTextField(),
            "\u00adRad ett\x0bRad två\r\nRad tre\u200d",
            "Rad ett\nRad två\nRad tre",
        ),
        (VisibleTextField(), "infor\u00admation", "infor\u00admation"),
        (VisibleDecimalField(), "\u200b12.5\ufeff", Decimal("12.5")),
        (VisibleDateField(), "\u20602026-12-01\u200b", datetime.date(2026, 12, 1)),
    ],
)
def test_invisible_ends_are_dropped_and_inner_characters_kept(field, sent, cleaned):
    assert field.clean(sent) == cleaned


def test_a_line_break_counts_as_one_character_as_in_the_browser():
    field = VisibleTextField(max_length=10)

    assert field.clean("abcd\r\nefgh\r\n") == "abcd\nefgh"
    assert field.clean("ab\r\ncd\r\nef\r\ng") == "ab\ncd\nef\ng"  # 10, sent as 13
    with pytest.raises(forms.ValidationError):
        field.clean("ab\r\ncd\r\nef\r\ngh")
