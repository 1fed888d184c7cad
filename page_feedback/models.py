from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

COMMENT_MAX_LENGTH = 500


class PageFeedback(models.Model):
    """One visitor's answer to "Hittade du det du sökte?" on one page, with an optional
    comment. Nothing identifies the visitor: no address, no cookie, no account. A comment
    may still hold personal data a visitor wrote despite the warning, so rows are deleted
    after PERSONAL_DATA_RETENTION_MONTHS (personal_data)."""

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="visitor_feedback", verbose_name=_("sida")
    )
    found = models.BooleanField(_("hittade det den sökte"))
    comment = models.TextField(_("kommentar"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("skickad"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("sidrespons")
        verbose_name_plural = _("sidrespons")
        indexes = [models.Index(fields=["page", "created_at"])]

    def __str__(self):
        return f"{self.page_id}: {'ja' if self.found else 'nej'}"
