from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlternateFormatsConfig(AppConfig):
    name = "alternate_formats"
    verbose_name = _("Beställningar av tillgängliga format")
    default_auto_field = "django.db.models.BigAutoField"
