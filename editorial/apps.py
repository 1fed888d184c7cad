from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The web team's way of working: roles, the review workflow and the admin dashboard."""

    name = "editorial"
    verbose_name = _("Redaktionen")
