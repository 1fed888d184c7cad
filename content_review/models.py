"""Ownership and review dates, kept beside the page rather than in it.

A page's owner and review date are not content: they must change without a new
revision, without passing the workflow and without being rolled back when an older
revision is published. So they live in their own row keyed by the page (one per page),
and no page model gets new columns.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.fields import optional_link


class PageReview(models.Model):
    """The content owner of one page (a person, a group or both) and its review dates."""

    page = models.OneToOneField(
        Page,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="content_review",
        verbose_name=_("sida"),
    )
    owner = optional_link(
        settings.AUTH_USER_MODEL,
        _("innehållsansvarig"),
        _("Personen som ansvarar för att sidan är korrekt och aktuell."),
    )
    owner_group = optional_link(
        Group,
        _("ansvarig grupp"),
        _("Alla i gruppen får påminnelser och ser sidan på sin startsida."),
    )
    review_date = models.DateField(
        _("granskas senast"),
        help_text=_("Datum då sidan senast ska läsas igenom och markeras som granskad."),
    )
    last_reviewed_at = models.DateTimeField(_("senast granskad"), null=True, blank=True)
    last_reviewed_by = optional_link(settings.AUTH_USER_MODEL, _("granskad av"))
    reminder_sent_for = models.DateField(
        _("påminnelse skickad för"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Granskningsdatumet som senaste påminnelsen gällde."),
    )

    class Meta:
        verbose_name = _("granskning av sida")
        verbose_name_plural = _("granskningar av sidor")

    def __str__(self):
        return str(self.page)

    @property
    def is_overdue(self):
        return self.review_date < datetime.date.today()

    def owner_display(self):
        """ "Anna Andersson, Redaktörer": the person and the group, whichever are set."""
        names = []
        if self.owner_id:
            names.append(self.owner.get_full_name() or self.owner.get_username())
        if self.owner_group_id:
            names.append(self.owner_group.name)
        return ", ".join(names) or "–"

    owner_display.short_description = _("ansvarig")
