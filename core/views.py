import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotFound
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt, requires_csrf_token
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.views import serve as wagtail_serve

from core import i18n, privacy, render_cache, structure_cache
from core.control_characters import clean_text
from core.i18n import language_from_path
from core.method_not_allowed import allow_methods
from core.seo import absolute_url
from core.site_cache import route_from_cache
from core.sitemap import TranslatedSitemap


@allow_methods("GET", "HEAD")
def robots_txt(request):
    """Crawlers may read every public page; the sitemap says which ones there are.
    Its address must be absolute: the site's public base URL (Wagtail's Site), the same
    host the sitemap's own <loc> entries name, whatever Host the crawler sent."""
    content = render_to_string(
        "robots.txt", {"sitemap_url": absolute_url(reverse("sitemap"), request)}
    )
    return HttpResponse(clean_text(content), content_type="text/plain; charset=utf-8")


class PublicSitemap(TranslatedSitemap):
    """The sitemap of every language (core/sitemap.py), as core/privacy.py's
    ``public_pages`` leads visitors to them: no page under a view restriction, no
    withdrawn page (it says ``noindex``, and a sitemap lists only pages for search
    engines to index)."""

    def items(self):
        return privacy.public_pages(super().items(), self.request)


@allow_methods("GET", "HEAD")
def sitemap(request):
    """Wagtail's sitemap (sitemaps.org protocol) of live, public pages in every language
    with their hreflang alternates (PublicSitemap), kept well-formed XML 1.0 even if a
    stored address holds a control character (core/control_characters.py)."""
    response = wagtail_sitemap(request, sitemaps={"wagtail": PublicSitemap})
    if hasattr(response, "render"):
        response.render()
    response.content = clean_text(response.content.decode(response.charset)).encode(
        response.charset
    )
    return response


@allow_methods("GET", "HEAD")
def serve_rendition(request, path):
    """An image rendition from the media storage (the private bucket): ``path`` is the
    name below Wagtail's ``images/`` folder. 404 for anything else or a missing file:
    no part may be empty, ``.`` or ``..`` (after URL decoding, so ``%2e%2e`` and ``%2f``
    forms too), so no path leaves ``images/`` (OWASP ASVS 12.3.1, path traversal).
    Renditions are derived from public images, so shared caches may keep them
    (Cache-Control: public, RFC 9111 section 5.2.2.9); originals and documents never
    come through here."""
    from wagtail.images.models import get_rendition_storage

    if not (settings.AWS_STORAGE_BUCKET_NAME or settings.SERVE_IMAGES or settings.DEBUG):
        raise Http404  # a web server in front serves the media folder
    parts = path.split("/")
    if not path or "\x00" in path or any(part in {"", ".", ".."} for part in parts):
        raise Http404
    name = "images/" + path
    try:
        file = get_rendition_storage().open(name)
    except (OSError, ValueError, SuspiciousFileOperation) as error:  # NUL bytes: ValueError
        raise Http404 from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = "public, max-age=3600"
    return response


@csrf_exempt
def serve(request, path):
    """Wagtail's page view, routed from the shared cache (core/site_cache.py), so a page
    already rendered is served without the database. Exempt from CsrfViewMiddleware so
    that the visitors' forms can go without a cookie; every other page still gets
    Django's own check from the before_serve_page hook core.form_protection.enforce_django_csrf."""
    route_from_cache(request, path)
    # Wagtail asks the page for its view restrictions without the request: it gets
    # the request's, read once (core/structure_cache.py serving).
    with structure_cache.serving(request):
        return wagtail_serve(request, path)


def in_path_language(view):
    """Django's error view `view` in the language its address names (``/en/…``: English),
    whatever was active when the error happened: an error raised above
    core.i18n.LanguageFromPathMiddleware, or before it ran, still gets its page in the
    reader's language. Used for handler400, handler403, handler404 and handler500
    (agency/urls.py)."""

    def handler(request, *args, **kwargs):
        with translation.override(language_from_path(request.path_info)):
            return view(request, *args, **kwargs)

    handler.__name__ = handler.__qualname__ = view.__name__
    return handler


bad_request = in_path_language(defaults.bad_request)
permission_denied = in_path_language(defaults.permission_denied)


@requires_csrf_token
def not_found(request, exception):
    """Django's ``page_not_found`` (404.html with ``request_path`` and ``exception``),
    with the page's fragments kept in the render cache for every address that finds
    nothing (core/render_cache.py ``SCOPE``): the page is the same for all of them but
    for what its language switcher links to (core/i18n.py ``address_in``), so that is
    the scope. Out: an HttpResponseNotFound."""
    message = exception.args[0] if getattr(exception, "args", None) else None
    languages = settings.WAGTAIL_CONTENT_LANGUAGES
    switcher = [i18n.address_in(code, request) for code, _name in languages]
    context = {
        "request_path": quote(request.path),
        "exception": message if isinstance(message, str) else type(exception).__name__,
        render_cache.SCOPE: "not-found\n" + "\n".join(switcher),
    }
    return HttpResponseNotFound(render_to_string("404.html", context, request))


page_not_found = in_path_language(not_found)
server_error = in_path_language(defaults.server_error)
