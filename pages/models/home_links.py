"""Short links on the home page to what most visitors come for, chosen by editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

from core.fields import chosen_link, link_text_field
from core.models.links import ChosenLink


class HomePageQuickLink(ChosenLink):
    """One short link: a page on the site and, if the page's title is too long or too
    formal for a link, a shorter text."""

    home = ParentalKey("pages.HomePage", on_delete=models.CASCADE, related_name="quick_links")
    page = chosen_link("wagtailcore.Page", _("sida"))
    text = link_text_field(80, _("Lämna tomt för att använda sidans rubrik."))

    panels = [FieldPanel("page"), FieldPanel("text")]

    class Meta(ChosenLink.Meta):
        verbose_name = _("genväg")
        verbose_name_plural = _("genvägar")
