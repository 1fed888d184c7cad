import datetime

from django import forms
from django.utils.translation import gettext_lazy as _


class VersionOnDateForm(forms.Form):
    """The day whose published version of a page an archivist asks for."""

    datum = forms.DateField(
        label=_("Visa sidan som den var publicerad den"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class ExportForm(forms.Form):
    """The date range of a WARC export (both days included)."""

    since = forms.DateField(label=_("Från och med"), widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Till och med"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            raise forms.ValidationError(_("Slutdatumet ligger före startdatumet."))
        if since and until and (until - since) > datetime.timedelta(days=366 * 10):
            raise forms.ValidationError(_("Välj högst tio år åt gången."))
        return cleaned
