from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class ExternalLink(models.Model):
    """One external address linked from live pages, and what it answered when last checked."""

    url = models.URLField(_("adress"), max_length=2000, unique=True)
    pages = models.ManyToManyField(Page, related_name="+", verbose_name=_("sidor"))
    status_code = models.PositiveSmallIntegerField(_("HTTP-status"), null=True, blank=True)
    error = models.CharField(_("fel"), max_length=200, blank=True)
    redirect_to = models.URLField(_("omdirigeras till"), max_length=2000, blank=True)
    last_checked_at = models.DateTimeField(_("senast kontrollerad"), null=True, blank=True)
    first_broken_at = models.DateTimeField(_("trasig sedan"), null=True, blank=True)

    class Meta:
        verbose_name = _("extern länk")
        verbose_name_plural = _("externa länkar")
        ordering = ["url"]

    def __str__(self):
        return self.url

    @property
    def is_broken(self):
        return self.first_broken_at is not None

    @property
    def broken_for(self):
        """How long the link has been broken (a timedelta), or None."""
        if self.first_broken_at is None:
            return None
        return timezone.now() - self.first_broken_at

    def outcome(self):
        """ "404", "301 → https://…", "Tidsgräns", for the report."""
        if self.error:
            return self.error
        if self.redirect_to:
            return f"{self.status_code} → {self.redirect_to}"
        return str(self.status_code or "")
