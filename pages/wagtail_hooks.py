from wagtail import hooks

from pages.richtext import AgencyDocumentLinkHandler


@hooks.register("register_rich_text_features", order=100)
def register_document_link_with_file_details(features):
    """Replace Wagtail's document link so rich text links carry file type and size."""
    features.register_link_type(AgencyDocumentLinkHandler)


@hooks.register("register_admin_urls")
def register_document_views():
    """Our document views on Wagtail's document URLs: pages comes before
    wagtail.documents in INSTALLED_APPS, so these patterns are matched first."""
    from pages.document_views import admin_urlpatterns

    return admin_urlpatterns()
