import django.forms
from django.utils.translation import gettext_lazy as _

from core.form_protection import FormTokenMixin

from .models import AlternateFormatRequest

# A field people never see (as in the feedback form, pages/models/forms.py): scripts fill it.
HONEYPOT_FIELD = "website"


class AlternateFormatRequestForm(FormTokenMixin, django.forms.ModelForm):
    """What the visitor needs and how to reach them; at least one way to reach them.
    Carries a signed form token instead of Django's CSRF cookie (core/form_protection.py):
    pass ``token_scope``."""

    website = django.forms.CharField(
        label=_("Lämna det här fältet tomt"), required=False, max_length=200
    )

    class Meta:
        model = AlternateFormatRequest
        fields = ["format", "details", "name", "email", "phone"]
        labels = {
            "format": _("Vilket format behöver du?"),
            "details": _("Beskriv gärna vad du behöver"),
            "name": _("Ditt namn"),
            "email": _("Din e-postadress"),
            "phone": _("Ditt telefonnummer"),
        }
        help_texts = {
            "details": _("Till exempel vilka delar av dokumentet du behöver, eller annat format."),
            "email": _("Fyll i e-post eller telefon, så att vi kan nå dig."),
        }
        widgets = {
            "format": django.forms.RadioSelect,
            "details": django.forms.Textarea(attrs={"rows": 4}),
            "name": django.forms.TextInput(attrs={"autocomplete": "name"}),
            "email": django.forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": django.forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }

    is_spam = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = self.fields["format"].choices[1:]  # no blank choice
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean(self):
        cleaned_data = super().clean()
        self.is_spam = bool(cleaned_data.pop(HONEYPOT_FIELD, ""))
        reachable = cleaned_data.get("email") or cleaned_data.get("phone")
        if not reachable and "email" not in self.errors:
            self.add_error(
                "email",
                _("Fyll i din e-postadress eller ditt telefonnummer, så att vi kan nå dig."),
            )
        if cleaned_data.get("format") == "other" and not cleaned_data.get("details"):
            self.add_error("details", _("Beskriv vilket format du behöver."))
        return cleaned_data

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def visitor_fields(self):
        return self.fields_for_visitor(HONEYPOT_FIELD)
