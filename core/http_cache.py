"""Cache-Control for every response: shared caches may keep what is the same for everybody.

The front cache (Varnish, deploy/varnish/) and any CDN in front of it keep a response
only when it says so (RFC 9111 section 5.2.2.10 ``s-maxage``, 5.2.2.9 ``public``), so
this middleware decides, once for the whole site, which answers are shareable:

- shareable: a GET or HEAD by an anonymous visitor answered 200, 203, 204, 301, 304,
  308, 404 or 410, with no cookie set and no CSRF token in it. It gets
  ``public, max-age=<browser>, s-maxage=<shared>, stale-while-revalidate=…,
  stale-if-error=…`` (RFC 5861), and ``Cookie`` is dropped from ``Vary``: the page
  reads the session (Wagtail's user bar asks who is logged in) but, with no session,
  its answer cannot depend on it. Pages are purged from the shared cache when they or
  what they show change (core/frontend_cache.py), so ``s-maxage`` is only a ceiling.
- personal: anything for an editor or a visitor with a session (login, an unlocked
  password-protected page), the admin and previews, a response with a CSRF token or a
  cookie, one that says ``private`` itself (the visitors' forms, each with a fresh form
  token: core/form_protection.py), other methods and statuses (302 to a login, 5xx). It gets
  ``private, no-store`` (RFC 9111 section 5.2.2.3, 5.2.2.7).

A view that set ``Cache-Control`` itself keeps it for anonymous visitors; for personal
answers it is replaced, so that nothing for one person is ever stored by a shared cache.
An answer that is the same for everybody but must not be stored at all (a ``416``,
which depends on the request's ``Range``: core/file_ranges.py) says ``no-store`` itself
and keeps it.

Lifetimes come from settings: ``CACHE_MAX_AGE`` (browsers), ``CACHE_S_MAXAGE`` (shared
caches), ``CACHE_STALE_WHILE_REVALIDATE``, ``CACHE_STALE_IF_ERROR``,
``CACHE_NOT_FOUND_S_MAXAGE`` (404 and 410) and ``CACHE_LIFETIMES_BY_URL_NAME`` (per view:
feeds, sitemap, robots.txt, calendars, vCards). Validators come from
``ConditionalGetMiddleware`` (Django's: a strong ``ETag`` over the body, 304 on
``If-None-Match``, RFC 9110 section 13.1.2; here for HEAD too) and, for documents,
Wagtail's file hash.
"""

import re

import brotli
from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware as DjangoConditionalGetMiddleware
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.http import parse_http_date_safe

# 206: a part of a file is as shareable as the whole (RFC 9110 section 15.3.7: cacheable,
# RFC 9111 section 3.4: a shared cache may combine parts); it gets the 200's headers.
SHAREABLE_STATUSES = {200, 203, 204, 206, 301, 304, 308, 404, 410}
PRIVATE = "private, no-store"
NO_STORE = "no-store"


def _without_vary_cookie(response):
    if not response.has_header("Vary"):
        return
    kept = [
        value.strip()
        for value in response["Vary"].split(",")
        if value.strip() and value.strip().lower() != "cookie"
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def is_personal_request(request):
    """True for a request whose answer may depend on who asks: an editor, a visitor
    with a session (an unlocked private page), the admin or a preview."""
    if request.method not in ("GET", "HEAD"):
        return True
    if request.path.startswith(settings.CACHE_PRIVATE_PATH_PREFIXES):
        return True
    if getattr(request, "is_preview", False):
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def shared_cache_control(request, response):
    """The Cache-Control value for an anonymous, shareable answer."""
    url_name = getattr(getattr(request, "resolver_match", None), "view_name", None)
    max_age, s_maxage = settings.CACHE_LIFETIMES_BY_URL_NAME.get(
        url_name, (settings.CACHE_MAX_AGE, settings.CACHE_S_MAXAGE)
    )
    if response.status_code in (404, 410):
        max_age, s_maxage = 0, settings.CACHE_NOT_FOUND_S_MAXAGE
    return (
        f"public, max-age={max_age}, s-maxage={s_maxage}, "
        f"stale-while-revalidate={settings.CACHE_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.CACHE_STALE_IF_ERROR}"
    )


class CacheControlMiddleware:
    """Sets Cache-Control (see the module docstring). Place it above the session, CSRF
    and authentication middleware, so that it sees the cookies and ``Vary`` they add."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_shareable(request, response):
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = shared_cache_control(request, response)
            _without_vary_cookie(response)
        elif response.get("Cache-Control") == NO_STORE and not is_personal_request(request):
            pass  # Kept: never stored, though nobody's own (a 416: core/file_ranges.py).
        else:
            response["Cache-Control"] = PRIVATE
            # A response that depends on cookies says so, for any cache on the way.
            if not request.path.startswith(settings.CACHE_PRIVATE_PATH_PREFIXES):
                patch_vary_headers(response, ("Cookie",))
        return response

    @staticmethod
    def is_shareable(request, response):
        if response.status_code not in SHAREABLE_STATUSES:
            return False
        if is_personal_request(request):
            return False
        if "CSRF_COOKIE_NEEDS_UPDATE" in request.META:
            # The page carries a CSRF token (a form): valid for this visitor only.
            # (Django's CSRF middleware sets the key when a token is used and resets
            # its value once the cookie is sent.)
            return False
        if response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


BROTLI_TAG_END = '-br"'


def brotli_etag(etag):
    """'"abc"' -> '"abc-br"' (the Brotli copy's own strong validator); 'W/"abc"' ->
    'W/"abc-br"'; "" stays "" (no validator)."""
    if not etag.endswith('"') or etag.endswith(BROTLI_TAG_END):
        return etag
    return etag[:-1] + BROTLI_TAG_END


ACCEPTS_BROTLI = re.compile(r"(?:^|,)\s*br\s*(?:,|$)")
COMPRESSIBLE_TYPES = re.compile(
    r"^(text/|application/(xml|atom\+xml|rss\+xml|json|javascript|ld\+json)|image/svg\+xml)"
)


class BrotliMiddleware:
    """Brotli (RFC 7932) for shareable text, for clients whose Accept-Encoding has br.

    The front cache gzips by itself but has no Brotli; it asks the app for a Brotli copy
    when the visitor takes one and caches it beside the gzip copy. Only shareable
    answers (``public``) are compressed here: they hold no secret, so compressing them
    cannot leak one (BREACH, OWASP). Place it above CacheControlMiddleware and
    ConditionalGetMiddleware. Quality ``BROTLI_QUALITY`` (0-11; 5 by default: about
    gzip's speed, smaller output).

    The Brotli copy is another representation with other bytes, so it gets a strong
    ETag of its own, ``"<tag>-br"`` (RFC 9110 section 8.8.3: a strong validator differs
    for every representation; the front cache names its gzip copy ``"<tag>-gzip"`` the
    same way). A conditional request naming ``"<tag>-br"`` is compared with the
    uncompressed answer's ``"<tag>"`` and its 304 names ``"<tag>-br"`` again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH", "")
        if BROTLI_TAG_END in if_none_match:
            request.META["HTTP_IF_NONE_MATCH"] = if_none_match.replace(BROTLI_TAG_END, '"')
        response = self.get_response(request)
        if response.status_code == 304 and BROTLI_TAG_END in if_none_match:
            response["ETag"] = brotli_etag(response.get("ETag", ""))
            patch_vary_headers(response, ("Accept-Encoding",))
            return response
        if not self.should_compress(request, response):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = brotli.compress(response.content, quality=settings.BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        response["Content-Encoding"] = "br"
        response["ETag"] = brotli_etag(response.get("ETag", ""))
        return response

    @staticmethod
    def should_compress(request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and len(response.content) >= 200
            and not response.has_header("Content-Encoding")
            and "public" in response.get("Cache-Control", "")
            and COMPRESSIBLE_TYPES.match(response.get("Content-Type", ""))
            and ACCEPTS_BROTLI.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        )


class ConditionalGetMiddleware(DjangoConditionalGetMiddleware):
    """Django's ConditionalGetMiddleware for HEAD as well as GET.

    Django's skips HEAD, assuming its body is already empty; here every view renders
    HEAD as GET and the server drops the body after the middleware (the test client,
    runserver and gunicorn alike). So a HEAD gets the GET's ``ETag`` over the same body,
    and a conditional HEAD (``If-None-Match``, ``If-Modified-Since``) answers 304 as
    the GET would (RFC 9110 section 9.3.2: HEAD's header fields are GET's; 13.1).
    """

    def process_response(self, request, response):
        if request.method != "HEAD":
            return super().process_response(request, response)
        if self.needs_etag(response) and not response.has_header("ETag"):
            set_response_etag(response)
        etag = response.get("ETag")
        last_modified = parse_http_date_safe(response.get("Last-Modified") or "")
        if etag or last_modified:
            return get_conditional_response(
                request, etag=etag, last_modified=last_modified, response=response
            )
        return response
