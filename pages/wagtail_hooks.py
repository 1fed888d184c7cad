from wagtail import hooks

from pages.richtext import AgencyDocumentLinkHandler, ExternalLinkHandler, VisiblePageLinkHandler


@hooks.register("register_rich_text_features", order=100)
def register_link_handlers(features):
    """Replace Wagtail's page and document links and add one for links to other websites
    (pages/richtext.py): what visitors may open, what they are told before opening it."""
    features.register_link_type(VisiblePageLinkHandler)
    features.register_link_type(AgencyDocumentLinkHandler)
    features.register_link_type(ExternalLinkHandler)


@hooks.register("register_admin_urls")
def register_document_views():
    """Our document views on Wagtail's document URLs: pages comes before
    wagtail.documents in INSTALLED_APPS, so these patterns are matched first."""
    from pages import document_index
    from pages.document_views import admin_urlpatterns

    return [*document_index.admin_urlpatterns(), *admin_urlpatterns()]


@hooks.register("before_serve_document", order=100)
def refuse_unpublished_document(document, request):
    """404 for a document no live page uses yet (pages/document_publicity.py)."""
    from pages.document_publicity import refuse_unpublished_document

    return refuse_unpublished_document(document, request)
