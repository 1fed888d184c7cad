from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Grund")

    def ready(self):
        from core.exports import neutralise_spreadsheet_exports

        neutralise_spreadsheet_exports()

        from core import purge_signals, redirects, render_cache, structure_cache

        structure_cache.connect_signals()
        render_cache.connect_signals()
        purge_signals.connect()
        redirects.connect_signals()

        from wagtail.signals import page_published

        from core.models.page_history import record_change_note

        page_published.connect(record_change_note, dispatch_uid="core.record_change_note")

        from core.control_characters import normalise_model_text

        # Every model, ours and Wagtail's: no control character reaches the database.
        pre_save.connect(normalise_model_text, dispatch_uid="core.normalise_model_text")
