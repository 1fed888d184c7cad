from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Webbarkiv")

    def ready(self):
        from . import restrictions, signals  # noqa: F401 - connect the capture to Wagtail's audit log
