"""The honeypot of the visitors' forms (feedback, orders of accessible formats).

A field people never see (hidden by CSS, skipped by screen readers and the Tab key) and
scripts that fill in every field do fill in. Its label tells anyone who does see it, for
example without CSS, to leave it empty. Named as scripts expect a URL field to be; an
editor's field may not take the name.
"""

import django.forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


def honeypot_field():
    """The form field to add under the name HONEYPOT_FIELD."""
    return django.forms.CharField(
        label=_("Lämna det här fältet tomt"),
        required=False,
        widget=django.forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class HoneypotMixin:
    """For a form with the honeypot field: it never reaches cleaned_data, `is_spam` says
    whether it was filled in, and templates render `visitor_fields` and `honeypot`."""

    is_spam = False

    def clean(self):
        cleaned_data = super().clean()
        self.is_spam = bool(cleaned_data.pop(HONEYPOT_FIELD, ""))
        return cleaned_data

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def visitor_fields(self):
        """The bound fields a visitor fills in: not the honeypot, nor a form token
        (core/form_protection.FormTokenMixin.fields_for_visitor)."""
        if hasattr(self, "fields_for_visitor"):
            return self.fields_for_visitor(HONEYPOT_FIELD)
        return [field for field in self if field.name != HONEYPOT_FIELD]
