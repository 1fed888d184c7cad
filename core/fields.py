"""Model fields every app declares the same way, defined once.

``optional_link``: a link to another object that editors may leave empty; the link
is cleared (not the page deleted) when the target goes, and the target gets no
reverse accessor. ``chosen_link``: the page or document a row of an editor's list
(quick links, related pages, featured topics, conference summaries) stands for; the
row goes when its target goes. ``link_text_field``: the editor's own text for such a
link (core/models/links.py). ``phone_field``: a phone number as visitors will read it, checked
by core/phone.py and stored without the invisible characters a paste brings.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.phone import phone_text, validate_phone_number


def optional_link(to, verbose_name, help_text=""):
    """A nullable ``ForeignKey`` to ``to`` (a model label) with ``on_delete=SET_NULL``."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


def chosen_link(to, verbose_name):
    """A required ``ForeignKey`` to ``to`` (a model label) with ``on_delete=CASCADE`` and
    no reverse accessor."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, on_delete=models.CASCADE, related_name="+"
    )


def link_text_field(max_length, help_text):
    """An optional link text ("länktext", ``CharField``) that replaces the target's title."""
    return models.CharField(_("länktext"), max_length=max_length, blank=True, help_text=help_text)


class PhoneNumberField(models.CharField):
    """A ``CharField`` whose value is stored as ``core.phone.phone_text`` leaves it: a
    number pasted from Outlook keeps no direction mark that would turn the text after it
    around on the page. Migrations see a plain ``CharField`` (``deconstruct``): the
    column is the same."""

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = phone_text(value)
            setattr(model_instance, self.attname, value)
        return value

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


def phone_field(verbose_name, help_text=""):
    """An optional phone number (``PhoneNumberField``, at most 40 characters), validated."""
    return PhoneNumberField(
        verbose_name,
        max_length=40,
        blank=True,
        help_text=help_text,
        validators=[validate_phone_number],
    )


def introduction_field(help_text=""):
    """A page's introduction ("ingress"): optional plain text, shown under the title and
    used by ``get_summary()`` (core/summary.py) where the page is described."""
    return models.TextField(_("ingress"), blank=True, help_text=help_text)
