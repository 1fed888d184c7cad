from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguageVersionsConfig(AppConfig):
    """Lättläst and teckenspråk: the site for readers who need easy Swedish or Swedish
    sign language (språklagen 2009:600 § 15; DIGG:s webbriktlinjer)."""

    name = "language_versions"
    verbose_name = _("Lättläst och teckenspråk")
