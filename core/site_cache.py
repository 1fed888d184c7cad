"""The request's Wagtail Site from the shared cache instead of a query per request.

Wagtail finds the Site for every request with a query (``Site.find_for_request``, which
keeps the answer on ``request._wagtail_site``) and then loads the site's root page and
its specific type. ``CachedSiteMiddleware`` fills ``request._wagtail_site`` from the
structure cache (core/structure_cache.py) instead: the Site with its root page, kept
per host name and port under the current generation, which starts afresh whenever a
Site, a page or the site settings change, so every node sees a change at once.
"""

from django.http.request import split_domain_port
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
