from wagtail import hooks

from core.form_protection import enforce_django_csrf
from core.method_not_allowed import refuse_other_methods
from core.richtext import AgencyDocumentLinkHandler, ExternalLinkHandler, VisiblePageLinkHandler


@hooks.register("register_rich_text_features", order=100)
def register_link_handlers(features):
    """Replace Wagtail's page and document links and add one for links to other websites
    (core/richtext.py): what visitors may open, what they are told before opening it."""
    features.register_link_type(VisiblePageLinkHandler)
    features.register_link_type(AgencyDocumentLinkHandler)
    features.register_link_type(ExternalLinkHandler)


# Before Wagtail's own (order 0): Django's CSRF check for posts to every page type that
# does not protect its forms itself (core/form_protection.py).
hooks.register("before_serve_page", enforce_django_csrf, order=-10)
# First of all: OPTIONS answered with the page's methods, and 405 for a method the page
# does not take (core/method_not_allowed.py), so a PUT or DELETE is not told that a form
# could not be verified.
hooks.register("before_serve_page", refuse_other_methods, order=-20)
