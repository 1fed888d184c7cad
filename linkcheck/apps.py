from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkcheckConfig(AppConfig):
    """Links that work: internal links to closed targets, external links' status (issue 14)."""

    name = "linkcheck"
    verbose_name = _("Länkkontroll")
    default_auto_field = "django.db.models.BigAutoField"
