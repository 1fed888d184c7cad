"""Wagtail's document list with what an editor must know before a document is linked:
whether visitors can open it yet (documents/publicity.py), whether the PDF passed
the accessibility check (documents/pdf_accessibility.py) and what to fix. The view takes
Wagtail's own URLs (documents/wagtail_hooks.py), so every link stays;
the values come from the document rows already listed (no query per row).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.documents.views import documents

from core.admin_reports import report_urls
from documents.pdf_accessibility import SHORT_NAMES
from documents.publicity import used_by_live_page


class AccessibilityColumn(Column):
    """The check's outcome as a status tag, with the failed checks' short names."""

    cell_template_name = "documents/accessibility_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["status"] = instance.accessibility_status
        context["status_label"] = instance.get_accessibility_status_display()
        failures = instance.accessibility_failures
        context["missing"] = [str(SHORT_NAMES[name]) for name in failures if name in SHORT_NAMES]
        return context


class PublicityColumn(Column):
    """Whether visitors can open the file: "Publik" once a live page uses it."""

    cell_template_name = "documents/publicity_cell.html"


class IndexView(documents.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(is_public=used_by_live_page())

    @property
    def columns(self):
        columns = list(super().columns)
        columns[-1:-1] = [
            PublicityColumn("is_public", label=_("Synlighet")),
            AccessibilityColumn("accessibility_status", label=_("Tillgänglighet")),
        ]
        return columns


def admin_urlpatterns():
    return report_urls("documents/", IndexView, "agency_document_index", results="results/")
