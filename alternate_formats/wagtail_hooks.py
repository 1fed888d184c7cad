"""Editors see the requests under Snippets › "Beställningar av tillgängliga format",
newest first, and mark each one handled; visitors' text is not edited."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AlternateFormatRequest


class AlternateFormatRequestViewSet(SnippetViewSet):
    model = AlternateFormatRequest
    icon = "doc-full"
    menu_label = _("Beställda format")
    add_to_admin_menu = True
    menu_order = 310
    list_display = [
        "document_title",
        Column("format", label=_("önskat format"), accessor="get_format_display"),
        Column("contact", label=_("kontakt")),
        DateColumn("created_at", label=_("inkommen")),
        BooleanColumn("handled", label=_("hanterad")),
    ]
    list_filter = ["handled", "format"]
    ordering = ["handled", "-created_at"]
    inspect_view_enabled = True
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("document_title", read_only=True),
                FieldPanel("format", read_only=True),
                FieldPanel("details", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
            ],
            heading=_("Beställningen"),
        ),
        FieldPanel("handled"),
    ]


register_snippet(AlternateFormatRequestViewSet)
