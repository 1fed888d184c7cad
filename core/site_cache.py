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
page already rendered could not be served while the database was unreachable. Below
the root, ``route`` finds the page by its address in one query, kept in the cache too.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from core import structure_cache

# Deeper addresses than this are routed by Wagtail itself (and are 404s on this site).
MAX_ROUTE_DEPTH = 16


def site_for_request(request):
    """The Site answering `request` (an HttpRequest), as Site.find_for_request would
    find it, or None when no site matches. Raises DisallowedHost for a Host that
    ALLOWED_HOSTS refuses (as request.get_host() does). Read with the generation, the
    private sections and the site's root page in the active language, in one round
    trip (core/structure_cache.py first_read): what every page view starts from."""
    hostname = split_domain_port(request.get_host())[0]
    port = request.get_port()
    language = translation.get_language() or ""

    def build():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None, None
        # Loaded now, so that they are pickled with the site: routing starts from them.
        site.root_page.specific  # noqa: B018
        return site, site.root_page.localized.specific

    site, root = structure_cache.first_read(f"site:{hostname}:{port}:{language}", build, request)
    if site is not None:
        request._localized_roots = {(site.pk, language): root}
    return site


class CachedSiteMiddleware:
    """Sets ``request._wagtail_site`` (read by ``Site.find_for_request``) from the cache.
    Place it after CommonMiddleware, which validates the Host header, and after
    core.i18n.LanguageFromPathMiddleware, which activates the address's language."""

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
    kept = getattr(request, "_localized_roots", {}).get((site.pk, language))
    if kept is not None:
        return kept

    def build():
        return [site.root_page.localized.specific]

    return structure_cache.cached(f"root:{site.pk}:{language}", build, request)[0]


def route_from_cache(request, path):
    """Fill Wagtail's per-request route (``request._wagtail_route_for_request``, read by
    ``Page.route_for_request``) as Wagtail would, starting from the cached localized
    root page; routing below it is cached too (``route``)."""
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


def _routes_itself(model):
    from wagtail.models import Page

    return model.route is not Page.route


def _page_or_false(queryset, pk):
    return queryset.filter(pk=pk).first() or False


def route(root, request, path_components):
    """Wagtail's ``Page.route`` from `root`, from one cache read on a warm address.

    What the address leads to is kept in the current structure generation
    (core/structure_cache.py): the pages along the path, found by their ``url_path``
    in one query, with the page served (loaded with its ``serve_select_related``) once
    it has been. Kept for a day when every component is a page, for
    ``CACHE_NOT_FOUND_S_MAXAGE`` seconds (as long as the front cache keeps a 404) when
    one is not, so that a 404 asked again costs no query while addresses that find
    nothing cannot fill the cache for long. Any change to a page, or to a document,
    image or contact person it shows, starts a new generation. A page on the way whose
    type routes by itself (a RoutablePage) gets the rest of the path, as in Wagtail;
    the last page is served only when live.
    """
    from wagtail.models import Page

    if len(path_components) > MAX_ROUTE_DEPTH:
        return Page.route(root, request, path_components)
    url_paths = [
        root.url_path + "".join(f"{component}/" for component in path_components[: index + 1])
        for index in range(len(path_components))
    ]
    digest = hashlib.sha256(url_paths[-1].encode()).hexdigest()
    key = f"agency:structure:{structure_cache.generation(request)}:address:{root.pk}:{digest}"
    # (pages along the path: {url_path: (pk, content type id)}, (pk, page served) or None)
    found, served = cache.get(key) or (None, None)
    fresh = found is None
    if fresh:
        found = {
            url_path: (pk, content_type_id)
            for url_path, pk, content_type_id in Page.objects.filter(
                url_path__in=url_paths, path__startswith=root.path, depth__gt=root.depth
            ).values_list("url_path", "pk", "content_type_id")
        }
    complete = len(found) == len(url_paths)
    timeout = structure_cache.TIMEOUT if complete else settings.CACHE_NOT_FOUND_S_MAXAGE
    for index, url_path in enumerate(url_paths):
        if url_path not in found:
            break
        pk, content_type_id = found[url_path]
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            break
        remaining = path_components[index + 1 :]
        if remaining and not _routes_itself(model):
            continue
        if served is None or served[0] != pk:
            related = getattr(model, "serve_select_related", ())
            served = (pk, _page_or_false(model.objects.select_related(*related), pk))
            cache.set(key, (found, served), timeout)
        if served[1] is False:
            raise Http404
        return served[1].route(request, remaining)
    if fresh:
        cache.set(key, (found, None), timeout)
    raise Http404
