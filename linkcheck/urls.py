from django.urls import path

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
    for pattern in (
        path(prefix, view.as_view(), name=name),
        path(prefix + "resultat/", view.as_view(results_only=True), name=f"{name}_results"),
    )
]
