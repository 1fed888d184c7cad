"""The request's Wagtail Site from the shared cache instead of a query per request.

Wagtail finds the Site for every request with a query (``Site.find_for_request``, which
keeps the answer on ``request._wagtail_site``) and then loads the site's root page and
its specific type. ``CachedSiteMiddleware`` fills ``request._wagtail_site`` from the
structure cache (core/structure_cache.py) instead: the Site with its root page, kept
per host name and port under the current generation, which starts afresh whenever a
Site, a page or the site settings change, so every node sees a change at once.

``route_from_cache`` does the same for Wagtail's page routing (``Page.route_for_request``),
which starts from ``site.root_page.localized``: with WAGTAIL_I18N_ENABLED that reads the
active Locale from the database on every request, before any cache is consulted, so a
page already rendered could not be served while the database was unreachable.
"""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from core import structure_cache


def site_for_request(request):
    """The Site answering `request` (an HttpRequest), as Site.find_for_request would
    find it, or None when no site matches. Raises DisallowedHost for a Host that
    ALLOWED_HOSTS refuses (as request.get_host() does)."""
    hostname = split_domain_port(request.get_host())[0]
    port = request.get_port()

    def build():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return [None]
        # Loaded now, so that they are pickled with the site: routing starts from them.
        site.root_page.specific  # noqa: B018
        return [site]

    return structure_cache.cached(f"site:{hostname}:{port}", build, request)[0]


class CachedSiteMiddleware:
    """Sets ``request._wagtail_site`` (read by ``Site.find_for_request``) from the cache.
    Place it after CommonMiddleware, which validates the Host header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)


def localized_root(site, request):
    """`site`'s root page in the active language, specific (Wagtail's
    ``site.root_page.localized.specific``), from the structure cache."""
    language = translation.get_language() or ""

    def build():
        return [site.root_page.localized.specific]

    return structure_cache.cached(f"root:{site.pk}:{language}", build, request)[0]


def route_from_cache(request, path):
    """Fill Wagtail's per-request route (``request._wagtail_route_for_request``, read by
    ``Page.route_for_request``) as Wagtail would, starting from the cached localized
    root page; routing below it is cached too (core/structure_cache.route)."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site = Site.find_for_request(request)
    if site is None:
        return
    components = [component for component in path.split("/") if component]
    try:
        route = localized_root(site, request).route(request, components)
    except Http404:
        route = None
    request._wagtail_route_for_request = route
