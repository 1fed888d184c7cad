from core.admin_reports import report_urls
from linkcheck import views

app_name = "linkcheck"

REPORTS = {
    "internal": ("interna/", views.InternalLinksReport),
    "external": ("externa/", views.ExternalLinksReport),
    "unused_documents": ("oanvanda-dokument/", views.UnusedDocumentsReport),
    "orphan_pages": ("sidor-utan-lankar/", views.OrphanPagesReport),
}

urlpatterns = [
    pattern
    for name, (prefix, view) in REPORTS.items()
    for pattern in report_urls(prefix, view, name)
]
