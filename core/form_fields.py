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
"""

from django import forms

from core.control_characters import visible_text


class VisibleTextMixin:
    """For a Django form field whose value is text: ``to_python`` applies
    ``visible_text`` before the field's own conversion, so validation (``required``,
    ``max_length``, e-mail and URL syntax) sees what will be stored; "" then gives the
    field's ``empty_value``. ``line_break``: what Word's soft line break becomes ("\\n"
    in multi-line text, " " in a one-line field)."""

    line_break = "\n"

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
