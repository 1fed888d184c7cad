from wagtail import hooks

from core.richtext import AgencyDocumentLinkHandler, ExternalLinkHandler, VisiblePageLinkHandler


@hooks.register("register_rich_text_features", order=100)
def register_link_handlers(features):
    """Replace Wagtail's page and document links and add one for links to other websites
    (core/richtext.py): what visitors may open, what they are told before opening it."""
    features.register_link_type(VisiblePageLinkHandler)
    features.register_link_type(AgencyDocumentLinkHandler)
    features.register_link_type(ExternalLinkHandler)
