from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonalDataConfig(AppConfig):
    """How long personal data is kept, and what visitors are told about it (GDPR art. 5, 13)."""

    name = "personal_data"
    verbose_name = _("Personuppgifter")
    default_auto_field = "django.db.models.BigAutoField"
