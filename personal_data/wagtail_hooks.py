from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from personal_data.models import ProcessingEntry


class ProcessingEntryViewSet(SnippetViewSet):
    model = ProcessingEntry
    icon = "lock"
    menu_label = _("Personuppgiftsbehandling")
    list_display = ["name", "retention", "sort_order"]


register_snippet(ProcessingEntryViewSet)
