import django.forms
from django.utils.translation import gettext_lazy as _

from core.form_fields import (
    LONG_TEXT_MAX_LENGTH,
    VisibleEmailField,
    VisibleLineField,
    VisiblePhoneField,
    VisibleTextField,
)
from core.form_protection import FormTokenMixin
from core.honeypot import HoneypotMixin, honeypot_field

from .models import AlternateFormatRequest


class AlternateFormatRequestForm(HoneypotMixin, FormTokenMixin, django.forms.ModelForm):
    """What the visitor needs and how to reach them; at least one way to reach them.
    Every text field follows the visitors' text rule (core/form_fields.py): a text of
    nothing visible is no text. Carries a signed form token instead of Django's CSRF
    cookie (core/form_protection.py): pass ``token_scope``."""

    website = honeypot_field()  # core/honeypot.py
    # The model's TextField has no limit; the form has one (also the browser's maxlength).
    details = VisibleTextField(
        label=_("Beskriv gärna vad du behöver"),
        help_text=_("Till exempel vilka delar av dokumentet du behöver, eller annat format."),
        required=False,
        max_length=LONG_TEXT_MAX_LENGTH,
        widget=django.forms.Textarea(attrs={"rows": 4}),
    )

    class Meta:
        model = AlternateFormatRequest
        fields = ["format", "details", "name", "email", "phone"]
        labels = {
            "format": _("Vilket format behöver du?"),
            "name": _("Ditt namn"),
            "email": _("Din e-postadress"),
            "phone": _("Ditt telefonnummer"),
        }
        help_texts = {
            "email": _("Fyll i e-post eller telefon, så att vi kan nå dig."),
        }
        field_classes = {
            "name": VisibleLineField,
            "email": VisibleEmailField,
            "phone": VisiblePhoneField,
        }
        widgets = {
            "format": django.forms.RadioSelect,
            "name": django.forms.TextInput(attrs={"autocomplete": "name"}),
            "email": django.forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": django.forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = self.fields["format"].choices[1:]  # no blank choice

    def clean(self):
        cleaned_data = super().clean()
        reachable = cleaned_data.get("email") or cleaned_data.get("phone")
        # A malformed address or number has its own error beside its own field.
        if not reachable and "email" not in self.errors and "phone" not in self.errors:
            self.add_error(
                "email",
                _("Fyll i din e-postadress eller ditt telefonnummer, så att vi kan nå dig."),
            )
        if cleaned_data.get("format") == "other" and not cleaned_data.get("details"):
            self.add_error("details", _("Beskriv vilket format du behöver."))
        return cleaned_data
