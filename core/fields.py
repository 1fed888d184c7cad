"""Model fields every app declares the same way, defined once.

``optional_link``: a link to another object that editors may leave empty; the link
is cleared (not the page deleted) when the target goes, and the target gets no
reverse accessor. ``chosen_link``: the page or document a row of an editor's list
(quick links, related pages, featured topics, conference summaries) stands for; the
row goes when its target goes. ``link_text_field``: the editor's own text for such a
link (core/models/links.py). ``phone_field``: a phone number as visitors will read it, checked
by core/phone.py.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.phone import validate_phone_number


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


def phone_field(verbose_name, help_text=""):
    """An optional phone number (``CharField``, at most 40 characters), validated."""
    return models.CharField(
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
