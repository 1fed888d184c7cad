from wagtail import hooks

from documents.views import admin_urlpatterns


@hooks.register("register_admin_urls")
def register_document_views():
    """Our document views on Wagtail's document URLs: documents comes before
    wagtail.documents in INSTALLED_APPS, so these patterns are matched first."""
    return admin_urlpatterns()
