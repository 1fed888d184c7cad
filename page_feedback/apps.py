from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageFeedbackConfig(AppConfig):
    """ "Hittade du det du sökte?" at the foot of content pages (issue 14)."""

    name = "page_feedback"
    verbose_name = _("Sidrespons")
    default_auto_field = "django.db.models.BigAutoField"
