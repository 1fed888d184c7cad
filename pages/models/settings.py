from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from pages.phone import validate_phone_number


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What every page shows around the content: name, tagline and the footer."""

    organisation_name = models.CharField(
        _("organisationens namn"), max_length=120, default="Tillväxtverket"
    )
    tagline = models.CharField(
        _("slogan"),
        max_length=200,
        blank=True,
        help_text=_("Visas under namnet i sidhuvudet."),
    )
    footer_address = models.TextField(_("postadress"), blank=True)
    footer_phone = models.CharField(
        _("telefon"),
        max_length=40,
        blank=True,
        validators=[validate_phone_number],
        help_text=_("Skriv som besökare ska läsa det, till exempel 08-681 91 00."),
    )
    footer_email = models.EmailField(_("e-post"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("tillgänglighetsredogörelse"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Länkas från sidfoten på varje sida."),
    )
    feedback_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sida för synpunkter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Länkas från sidfoten på varje sida som ”Har du synpunkter?”."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name"), FieldPanel("tagline")], _("Sidhuvud")),
        MultiFieldPanel(
            [
                FieldPanel("footer_address"),
                FieldPanel("footer_phone"),
                FieldPanel("footer_email"),
                FieldPanel("accessibility_page"),
                FieldPanel("feedback_page"),
            ],
            _("Sidfot"),
        ),
    ]

    class Meta:
        verbose_name = _("webbplatsinställningar")
