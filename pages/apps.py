from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Sidor")

    def ready(self):
        from pages.exports import neutralise_spreadsheet_exports

        neutralise_spreadsheet_exports()

        from pages import structure_cache

        from . import frontend_cache

        structure_cache.connect_signals()
        frontend_cache.connect()
