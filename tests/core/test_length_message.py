"""A text too long for a visitors' field is told so in clear Swedish (English on /en/),
with the numbers grouped as the language groups them."""

import pytest
from django.utils import translation

from core.form_fields import VisibleEmailField, VisibleLineField, VisibleTextField

CASES = [
    ("sv", 5000, 5001, "Texten får vara högst 5\xa0000 tecken. Nu är den 5\xa0001 tecken."),
    ("sv", 1, 2, "Texten får vara högst 1 tecken. Nu är den 2 tecken."),
    ("en", 5000, 5001, "The text can be at most 5,000 characters. It is now 5,001 characters."),
    ("en", 1, 2, "The text can be at most 1 character. It is now 2 characters."),
]


@pytest.mark.parametrize(("language", "limit", "length", "message"), CASES)
@pytest.mark.parametrize("field_class", [VisibleTextField, VisibleLineField])
def test_the_message_says_the_limit_and_the_length(field_class, language, limit, length, message):
    field = field_class(max_length=limit)
    with translation.override(language), pytest.raises(Exception) as refused:
        field.clean("x" * length)
    assert refused.value.messages == [message]


def test_an_email_address_too_long_gets_the_same_message():
    field = VisibleEmailField(max_length=30)
    with pytest.raises(Exception) as refused:
        field.clean("a" * 30 + "@example.se")
    assert "Texten får vara högst 30 tecken. Nu är den 41 tecken." in refused.value.messages


def test_the_browser_gets_the_limit_as_maxlength():
    assert VisibleTextField(max_length=5000).widget_attrs(VisibleTextField().widget) == {
        "maxlength": "5000"
    }
