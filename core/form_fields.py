"""Fields the visitors type into: what a visitor cannot see, the site does not take.

One rule for every public form (the page feedback's comment, the feedback form's fields,
the accessible-format order), written once in ``core.control_characters.visible_text``
and applied by these fields:

- A text (also a number or date as typed) of nothing but spaces, control characters and
  invisible characters (zero-width space U+200B, ZWNJ, ZWJ, word joiner U+2060, byte
  order mark U+FEFF, soft hyphen U+00AD, direction marks, Hangul filler …:
  ``core.control_characters.is_invisible``) is empty: a required field refuses it
  beside the field with its ordinary "required" message, an optional one stores nothing.
- Around visible text, invisible characters at either end are dropped; inside it they
  stay (a ZWJ joins an emoji family, a soft hyphen marks where a word may break).
- Word's soft line break and page break become line breaks (a space in a one-line field)
  and other control characters are removed (``core.control_characters.clean_text``).
- Line breaks count as a browser counts them for ``maxlength``: one character each (HTML
  Living Standard, the textarea's "API value"). Form submission sends each as CRLF; it is
  turned back into LF, so a text the browser let through is never refused as too long.
- A text over the field's ``max_length`` (which the browser also gets as ``maxlength``)
  is refused with our own message, "Texten får vara högst 5 000 tecken. Nu är den 5 001
  tecken.", in the page's language with its plural forms and digit grouping (Django's
  stock Swedish message says "den har" of "värde", which is wrong Swedish).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.formats import number_format
from django.utils.translation import ngettext

from core.control_characters import visible_text
from core.phone import phone_text, validate_phone_number

# The longest free text a visitor may send (the feedback form's multi-line fields, the
# order form's description): room for a long letter, not for a pasted book.
LONG_TEXT_MAX_LENGTH = 5000


def too_long_message(limit, length):
    """The visitor's message (str, in the active language) for a text of ``length``
    characters in a field that takes at most ``limit`` (ints)."""
    most = ngettext(
        "Texten får vara högst %(limit)s tecken.",
        "Texten får vara högst %(limit)s tecken.",
        limit,
    ) % {"limit": number_format(limit, force_grouping=True)}
    now = ngettext(
        "Nu är den %(length)s tecken.",
        "Nu är den %(length)s tecken.",
        length,
    ) % {"length": number_format(length, force_grouping=True)}
    return f"{most} {now}"


class TextLengthValidator(MaxLengthValidator):
    """Django's ``MaxLengthValidator`` with ``too_long_message`` (same code, max_length)."""

    def __call__(self, value):
        length = self.clean(value)
        if self.compare(length, self.limit_value):
            raise ValidationError(
                too_long_message(self.limit_value, length),
                code=self.code,
                params={"limit_value": self.limit_value, "show_value": length, "value": value},
            )


class VisibleTextMixin:
    """For a Django form field whose value is text: ``to_python`` applies
    ``visible_text`` before the field's own conversion, so validation (``required``,
    ``max_length``, e-mail and URL syntax) sees what will be stored; "" then gives the
    field's ``empty_value``. ``line_break``: what Word's soft line break becomes ("\\n"
    in multi-line text, " " in a one-line field)."""

    line_break = "\n"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.validators = [
            TextLengthValidator(validator.limit_value)
            if type(validator) is MaxLengthValidator
            else validator
            for validator in self.validators
        ]

    def to_python(self, value):
        if isinstance(value, str):
            value = visible_text(value, self.line_break)
        return super().to_python(value)


class VisibleTextField(VisibleTextMixin, forms.CharField):
    """A ``CharField`` (multi-line or one-line) under the rule above."""


class VisibleLineField(VisibleTextMixin, forms.CharField):
    """A one-line ``CharField`` under the rule above: Word's line breaks become spaces."""

    line_break = " "


class VisibleEmailField(VisibleTextMixin, forms.EmailField):
    """An ``EmailField`` under the rule above: an address of nothing visible is empty
    (refused as ``required``, not as a malformed address), and a zero-width space pasted
    after an address does not make it invalid."""

    line_break = " "


class VisibleURLField(VisibleTextMixin, forms.URLField):
    """A ``URLField`` under the rule above; an address without scheme gets https (as
    Wagtail's form builder field does)."""

    line_break = " "

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(*args, **kwargs)


class VisibleDecimalField(VisibleTextMixin, forms.DecimalField):
    """A number typed by the visitor, under the rule above: nothing visible is empty."""


class VisibleDateField(VisibleTextMixin, forms.DateField):
    """A date typed by the visitor, under the rule above: nothing visible is empty."""


class VisibleDateTimeField(VisibleTextMixin, forms.DateTimeField):
    """A date and time typed by the visitor, under the rule above."""


class VisiblePhoneField(VisibleLineField):
    """A phone number the visitor types, under the rule above, that must be one that can
    be called (``core.phone.validate_phone_number``: libphonenumber, Swedish without a
    country code). Only the first problem is shown: a text too long is not also told it
    is no phone number."""

    default_validators = [validate_phone_number]

    def to_python(self, value):
        """The number as the visitor wrote it, less what nobody sees: direction marks and
        other format characters pasted from Outlook or Word dropped, breaks as one space
        (``core.phone.phone_text``), as contact persons' numbers are stored."""
        value = super().to_python(value)
        return phone_text(value) if value else value

    def run_validators(self, value):
        if value in self.empty_values:
            return
        lengths = [v for v in self.validators if isinstance(v, TextLengthValidator)]
        others = [v for v in self.validators if not isinstance(v, TextLengthValidator)]
        for validator in [*lengths, *others]:
            validator(value)
