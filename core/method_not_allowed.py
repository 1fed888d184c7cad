"""Which methods an address takes: ``OPTIONS`` says so, any other method gets 405.

Every public address declares the methods it takes, so that:

- ``OPTIONS`` answers ``200`` with ``Allow`` naming exactly those methods and no body
  (RFC 9110 section 9.3.7: ``Content-Length: 0`` when there is no content). The methods
  are those of the address pattern, the same for every address it matches: no lookup,
  so an ``OPTIONS`` tells nothing about whether a document or contact exists. Responses
  to ``OPTIONS`` are not cacheable (section 9.3.7); core/http_cache.py marks them so.
- any other method gets ``405 Method Not Allowed`` with the same ``Allow`` (section
  15.5.6) and the short page ``405.html`` (the error pages' base,
  templates/error_page.html) in the address's language, never an empty body.

Views declare their methods with ``allow_methods`` (``OPTIONS`` is added by itself).
``AllowedMethodsMiddleware`` applies the declaration before Django's CSRF check, so a
PUT or DELETE to a read-only address is told 405, not "the form could not be verified"
(403). A method the view takes (a form's POST) still meets the CSRF check exactly as
before: the middleware lets it through untouched.

Wagtail's pages share one view, so their methods come from the page
(``refuse_other_methods``, a ``before_serve_page`` hook that runs before the pages' CSRF
check): GET, HEAD and OPTIONS, and POST only on a page with a form (Wagtail's
``FormMixin``, such as the feedback form). Sub-addresses of a page (the sign-language
page's video and captions) are the page's.

``MethodNotAllowedPageMiddleware`` fills an empty 405 from any other view (Django's
``HttpResponseNotAllowed``) with the same page, keeping the status and every header.
"""

from functools import wraps

from django.http import HttpResponse, HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.utils.log import log_response
from wagtail.contrib.forms.models import FormMixin

TEMPLATE = "405.html"
OPTIONS = "OPTIONS"
PAGE_METHODS = ("GET", "HEAD", OPTIONS)


def allowed(*methods):
    """The ``Allow`` list (tuple of upper-case str, sorted, with OPTIONS) for ``methods``."""
    return tuple(sorted({method.upper() for method in methods} | {OPTIONS}))


def page_methods(page):
    """The methods (tuple of str) the Wagtail ``page`` answers."""
    if isinstance(page, FormMixin):
        return allowed(*PAGE_METHODS, "POST")
    return allowed(*PAGE_METHODS)


def options_response(methods):
    """``200`` with ``Allow: methods`` (a sequence of str) and no body (RFC 9110 9.3.7)."""
    response = HttpResponse(status=200)
    response["Allow"] = ", ".join(methods)
    response["Content-Length"] = "0"
    del response["Content-Type"]  # no content, so no type of content
    return response


def method_not_allowed(request, methods):
    """A 405 response (``Allow``: ``methods``, a sequence of str) with the readable page.
    The template queries nothing but the cached site name, so the answer costs no
    database work on a warm cache."""
    response = HttpResponseNotAllowed(list(methods))
    log_response(
        "Method Not Allowed (%s): %s",
        request.method,
        request.path,
        response=response,
        request=request,
    )
    _fill(request, response)
    return response


def answer_other_methods(request, methods):
    """None when ``request``'s method is one of ``methods`` (not OPTIONS); else the
    answer: 200 with ``Allow`` for OPTIONS, 405 with ``Allow`` for anything else."""
    if request.method == OPTIONS:
        return options_response(methods)
    if request.method in methods:
        return None
    return method_not_allowed(request, methods)


def allow_methods(*methods):
    """View decorator: the view takes ``methods`` (str, such as ``"GET", "HEAD"``) and
    OPTIONS. The list is kept on the view as ``allowed_methods`` for
    ``AllowedMethodsMiddleware``; the view also checks it itself."""
    methods = allowed(*methods)

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            answer = answer_other_methods(request, methods)
            return answer if answer is not None else view(request, *args, **kwargs)

        checked.allowed_methods = methods
        return checked

    return decorator


def _fill(request, response):
    if request.method == "HEAD":
        return
    # The request goes in as a plain value (no context processors) for the language
    # switcher, which keeps the address's path and query in the other language.
    context = {"allowed": response.get("Allow", ""), "request": request}
    response.content = render_to_string(TEMPLATE, context)
    response["Content-Type"] = "text/html; charset=utf-8"
    if response.has_header("Content-Length"):  # set by CommonMiddleware below
        response["Content-Length"] = str(len(response.content))


def refuse_other_methods(page, request, args, kwargs):
    """``before_serve_page`` hook: 200 with ``Allow`` for OPTIONS, 405 for a method
    ``page`` does not take, None (serve the page) otherwise."""
    return answer_other_methods(request, page_methods(page))


class AllowedMethodsMiddleware:
    """Answers OPTIONS and refuses other methods for a view that declares its methods
    (``allow_methods``), before the view and before Django's CSRF check. Place it above
    ``CsrfViewMiddleware``: ``process_view`` runs in the list's order."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        methods = getattr(view_func, "allowed_methods", None)
        if methods is None:
            return None
        return answer_other_methods(request, methods)


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
