"""Short links on the home page to what most visitors come for, chosen by editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class HomePageQuickLink(Orderable):
    """One short link: a page on the site and, if the page's title is too long or too
    formal for a link, a shorter text."""

    home = ParentalKey("pages.HomePage", on_delete=models.CASCADE, related_name="quick_links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    text = models.CharField(
        _("länktext"),
        max_length=80,
        blank=True,
        help_text=_("Lämna tomt för att använda sidans rubrik."),
    )

    panels = [FieldPanel("page"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("genväg")
        verbose_name_plural = _("genvägar")

    @property
    def link_text(self):
        return self.text or self.page.title
