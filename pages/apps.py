from django.apps import AppConfig
from django.db.models.signals import pre_save
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

        from pages import document_publicity

        document_publicity.connect()

        from wagtail.signals import page_published

        from pages.models.page_history import record_change_note

        page_published.connect(record_change_note, dispatch_uid="pages.record_change_note")

        from pages.control_characters import normalise_model_text

        # Every model, ours and Wagtail's: no control character reaches the database.
        pre_save.connect(normalise_model_text, dispatch_uid="pages.normalise_model_text")
