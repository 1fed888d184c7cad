from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class ProcessingEntry(index.Indexed, models.Model):
    """One "Personuppgiftsbehandling" the privacy page describes: what the site collects,
    why, how long it is kept and whom to ask (GDPR article 13). Editors keep these
    texts current under Snippets; the privacy page includes them
    (templates/personal_data/privacy_processing.html)."""

    name = models.CharField(_("behandling"), max_length=200, help_text=_("T.ex. Sidrespons."))
    collected = models.TextField(_("vilka uppgifter"), help_text=_("Vad vi samlar in."))
    purpose = models.TextField(_("varför"), help_text=_("Ändamålet och den rättsliga grunden."))
    retention = models.CharField(
        _("hur länge"), max_length=300, help_text=_("Hur länge uppgifterna sparas.")
    )
    contact = models.CharField(
        _("kontakt"), max_length=300, help_text=_("Vem besökaren kontaktar med frågor.")
    )
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("collected"),
        FieldPanel("purpose"),
        FieldPanel("retention"),
        FieldPanel("contact"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("personuppgiftsbehandling")
        verbose_name_plural = _("personuppgiftsbehandlingar")

    def __str__(self):
        return self.name
