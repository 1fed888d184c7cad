from wagtail import hooks

from documents import index
from documents.views import admin_urlpatterns


@hooks.register("register_admin_urls")
def register_document_views():
    """Our document views on Wagtail's document URLs: documents comes before
    wagtail.documents in INSTALLED_APPS, so these patterns are matched first."""
    return [*index.admin_urlpatterns(), *admin_urlpatterns()]


@hooks.register("before_serve_document", order=100)
def refuse_unpublished_document(document, request):
    """404 for a document no live page uses yet (documents/publicity.py)."""
    from documents.publicity import refuse_unpublished_document

    return refuse_unpublished_document(document, request)
