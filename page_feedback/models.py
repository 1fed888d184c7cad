from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.control_characters import visible_text

COMMENT_MAX_LENGTH = 500
# Between two comments on one answer: a blank line (two characters, counted in the limit).
COMMENT_SEPARATOR = "\n\n"


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
        """Store the visitor's comment ``text`` (str) on this answer; True when it is
        stored, or already was.

        A second comment on the same answer is added after the first (COMMENT_SEPARATOR
        between), never dropped and never overwriting it. A comment equal to one already
        stored (``is_stored_comment``) is not stored twice. False when the comments
        together would exceed COMMENT_MAX_LENGTH: the caller tells the visitor
        (``room_for_comment``, from the comments as stored at that moment) and keeps what
        they wrote."""
        # update() skips the pre_save that cleans every model's text, so clean it here,
        # as the form does (core/form_fields.py).
        text = visible_text(text)
        with transaction.atomic():
            current = PageFeedback.objects.select_for_update().get(pk=self.pk).comment
            self.comment = current
            if not text or is_stored_comment(text, current):
                return True
            combined = f"{current}{COMMENT_SEPARATOR}{text}" if current else text
            if len(combined) > COMMENT_MAX_LENGTH:
                return False
            PageFeedback.objects.filter(pk=self.pk).update(comment=combined)
        self.comment = combined
        return True

    def room_for_comment(self):
        """How many characters (int) a further comment may have: COMMENT_MAX_LENGTH when
        none is stored, else what the stored comments and COMMENT_SEPARATOR leave; 0 when
        the answer holds as much comment as it can take."""
        if not self.comment:
            return COMMENT_MAX_LENGTH
        return max(COMMENT_MAX_LENGTH - len(self.comment) - len(COMMENT_SEPARATOR), 0)


def is_stored_comment(text, stored):
    """True when the comment ``text`` (str, cleaned as stored) is one of the comments in
    ``stored`` (the answer's comment field: comments joined by COMMENT_SEPARATOR) as a
    whole, never when it is only part of one ("saknar PDF" in "Bra sida, men saknar
    PDF"). The stored text keeps no other mark of where one comment ends, so a comment
    equal to a whole paragraph of an earlier one also counts as stored: its words are
    there, standing alone, as the editor reads them."""
    sep = COMMENT_SEPARATOR
    return (
        stored == text
        or stored.startswith(text + sep)
        or stored.endswith(sep + text)
        or f"{sep}{text}{sep}" in stored
    )
