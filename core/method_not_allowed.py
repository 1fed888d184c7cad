"""405 Method Not Allowed with a page a person can read, and the ``Allow`` header.

Django's views answer a method they do not take (``require_POST``, ``require_safe``,
``View.http_method_not_allowed``) with ``HttpResponseNotAllowed``: status 405, the
``Allow`` header RFC 9110 section 15.5.6 requires, and an empty body, which a browser
shows as a blank page. ``MethodNotAllowedPageMiddleware`` fills such an empty body with
the short Swedish page ``405.html`` (the error pages' base, templates/error_page.html),
keeping the status and every header.

Wagtail's pages took any method: a PUT or DELETE met Django's CSRF check (403, "the form
could not be verified", which misleads) or, with a valid token, the page itself (200).
``refuse_other_methods`` (a ``before_serve_page`` hook, before the CSRF check) answers
405 to every method a page does not take: GET, HEAD and OPTIONS, and POST only on a page
with a form (Wagtail's ``FormMixin``, such as the feedback form).
"""

from django.http import HttpResponseNotAllowed
from django.template.loader import render_to_string
from wagtail.contrib.forms.models import FormMixin

TEMPLATE = "405.html"
PAGE_METHODS = ("GET", "HEAD", "OPTIONS")


def page_methods(page):
    """The methods (tuple of str) the Wagtail ``page`` answers."""
    if isinstance(page, FormMixin):
        return (*PAGE_METHODS, "POST")
    return PAGE_METHODS


def method_not_allowed(request, allowed):
    """A 405 response (``Allow``: ``allowed``, a list of str) with the readable page.
    The template queries nothing, so the answer costs no database work."""
    response = HttpResponseNotAllowed(allowed)
    _fill(request, response)
    return response


def _fill(request, response):
    if request.method == "HEAD":
        return
    # The request goes in as a plain value (no context processors, no queries) for the
    # language switcher, which keeps the address's path and query in the other language.
    context = {"allowed": response.get("Allow", ""), "request": request}
    response.content = render_to_string(TEMPLATE, context)
    response["Content-Type"] = "text/html; charset=utf-8"
    if response.has_header("Content-Length"):  # set by CommonMiddleware below
        response["Content-Length"] = str(len(response.content))


def refuse_other_methods(page, request, args, kwargs):
    """``before_serve_page`` hook: 405 for a method ``page`` does not take."""
    allowed = page_methods(page)
    if request.method in allowed:
        return None
    return method_not_allowed(request, list(allowed))


class MethodNotAllowedPageMiddleware:
    """Gives an empty 405 response (any view's) the readable page; status, ``Allow``
    and other headers stay. Sits below the language middleware, so the page is in the
    visitor's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.streaming and not response.content:
            _fill(request, response)
        return response
