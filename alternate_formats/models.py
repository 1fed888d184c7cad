"""A visitor's request for a document in an accessible format.

The accessibility law (lag (2018:1937) om tillgänglighet till digital offentlig service,
5 §, and DIGG's regulations) lets a public body keep a document that is not accessible
only if it offers it in an accessible form on request. Each request is stored (and
listed for editors) before it is e-mailed, so none is lost when mail fails.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.typography import joined

FORMATS = [
    ("accessible_pdf", _("Tillgänglig PDF (taggad, fungerar med skärmläsare)")),
    ("word", _("Word-dokument")),
    ("plain_text", _("Ren text eller webbsida")),
    ("easy_to_read", _("Lättläst version")),
    ("audio", _("Uppläst (ljudfil)")),
    ("braille", _("Punktskrift")),
    ("other", _("Annat (beskriv nedan)")),
]


class AlternateFormatRequest(models.Model):
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("dokument"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept when the document is later deleted, so the request still says what was asked for.
    document_title = models.CharField(_("dokumentets titel"), max_length=255)
    format = models.CharField(_("önskat format"), max_length=32, choices=FORMATS)
    details = models.TextField(_("vad som behövs"), blank=True)
    name = models.CharField(_("namn"), max_length=200, blank=True)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("inkommen"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(
        _("hanterad"), default=False, help_text=_("Markera när beställaren har fått dokumentet.")
    )

    class Meta:
        verbose_name = _("beställning av tillgängligt format")
        verbose_name_plural = _("beställningar av tillgängliga format")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.document_title} ({self.get_format_display()})"

    @property
    def contact(self):
        """How to reach the visitor: the e-mail address and/or the phone number given."""
        return joined(", ", self.email, self.phone)
