from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Sidor")

    def ready(self):
        from . import frontend_cache

        frontend_cache.connect()
