"""Rapporter: internal links to closed targets, broken and redirected external links,
documents no page uses, pages nobody links to. All exportable as CSV/XLSX."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from core.admin_reports import StaffReport, page_column
from linkcheck.internal import broken_internal_links, pages_without_inbound_links, unused_documents
from linkcheck.models import ExternalLink


class LinkReport(StaffReport):
    header_icon = "link"


class InternalLinksReport(LinkReport):
    page_title = _("Interna länkar som inte fungerar")
    index_url_name = "linkcheck:internal"
    columns = [
        page_column("page", id_accessor="page_id"),
        Column("field", label=_("Fält")),
        Column("target", label=_("Länkar till")),
        Column("problem", label=_("Problem")),
    ]
    list_export = ["page", "field", "target", "problem"]

    def get_queryset(self):
        return broken_internal_links()


class ExternalLinkRow:
    """One page and one of its broken or redirected external links."""

    def __init__(self, page, link):
        self.page = page
        self.page_id = page.pk
        self.url = link.url
        self.outcome = link.outcome()
        self.first_broken_at = link.first_broken_at
        self.broken_days = link.broken_for.days if link.broken_for is not None else ""
        self.last_checked_at = link.last_checked_at


class ExternalLinksReport(LinkReport):
    page_title = _("Externa länkar som är trasiga eller omdirigeras")
    index_url_name = "linkcheck:external"
    columns = [
        page_column("page", id_accessor="page_id"),
        Column("url", label=_("Länk")),
        Column("outcome", label=pgettext_lazy("HTTP-svar på en länk", "Svar")),
        DateColumn("first_broken_at", label=_("Trasig sedan")),
        Column("broken_days", label=_("Dagar trasig")),
        DateColumn("last_checked_at", label=_("Senast kontrollerad")),
    ]
    list_export = ["page", "url", "outcome", "first_broken_at", "broken_days", "last_checked_at"]

    def get_queryset(self):
        links = (
            ExternalLink.objects.filter(Q(first_broken_at__isnull=False) | ~Q(redirect_to=""))
            .prefetch_related("pages")
            .order_by("first_broken_at", "url")
        )
        rows = [ExternalLinkRow(page, link) for link in links for page in link.pages.all()]
        return sorted(rows, key=lambda row: (row.first_broken_at is None, row.page.title))


class UnusedDocumentsReport(LinkReport):
    page_title = _("Dokument som ingen publicerad sida använder")
    header_icon = "doc-full"
    index_url_name = "linkcheck:unused_documents"
    columns = [
        TitleColumn("title", label=_("Dokument"), url_name="wagtaildocs:edit"),
        Column("collection", label=_("Samling")),
        DateColumn("created_at", label=_("Uppladdat")),
    ]
    list_export = ["title", "collection", "created_at"]

    def get_queryset(self):
        return unused_documents().select_related("collection")


class OrphanPagesReport(LinkReport):
    page_title = _("Sidor som ingen annan sida länkar till")
    header_icon = "doc-empty"
    index_url_name = "linkcheck:orphan_pages"
    columns = [
        page_column(),
        DateColumn("last_published_at", label=_("Senast publicerad")),
    ]
    list_export = ["title", "url_path", "last_published_at"]
    extra_export_headings = {"url_path": _("Adress")}

    def get_queryset(self):
        return pages_without_inbound_links()
