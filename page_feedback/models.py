from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.control_characters import clean_text

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

    def add_comment(self, text):
        """Store the visitor's comment ``text`` (str) on this answer; True when it is stored.

        A second comment on the same answer is added after the first (a blank line
        between), never dropped and never overwriting it; the same text sent again is
        already stored. False when the two together would exceed COMMENT_MAX_LENGTH:
        the caller tells the visitor and keeps what they wrote."""
        # update() skips the pre_save that cleans every model's text, so clean it here.
        text = clean_text(text).strip()
        with transaction.atomic():
            current = PageFeedback.objects.select_for_update().get(pk=self.pk).comment
            if not text or text in current:
                return True
            combined = f"{current}\n\n{text}" if current else text
            if len(combined) > COMMENT_MAX_LENGTH:
                return False
            PageFeedback.objects.filter(pk=self.pk).update(comment=combined)
        self.comment = combined
        return True

    def room_for_comment(self):
        """How many characters a further comment may have (int, may be 0)."""
        return (
            max(COMMENT_MAX_LENGTH - len(self.comment) - 2, 0)
            if self.comment
            else COMMENT_MAX_LENGTH
        )
