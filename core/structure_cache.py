"""The site's structure in the cache: routes, menu, breadcrumbs, settings and privacy.

Every page shows the same few things around its content (the main menu, the
breadcrumb trail, the footer's site settings) and Wagtail finds it by walking the
tree one level per query. Read from the database on each request, that costs queries
that grow with the depth of the page and, for the menu, with the size of the site.
Here they are read once and kept in Django's cache (Redis in production, shared by
every node; local memory in tests), so a warm page costs the same few queries
whatever the size of the site.

Everything is kept under one *generation*: any change that can move, rename, hide or
show a page (a page saved, published, unpublished, moved or deleted, a view
restriction on a page or a collection, the site settings or a Site changed) starts a
new generation, and the
old entries are simply never read again (they expire by themselves). The generation
itself lives in the cache, so every node sees a change at once, whatever its release; the
entries are each release's own (the cache's key function, agency/release.py), so a deploy
that changes their shape cannot make a node read another release's.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.utils import translation

GENERATION_KEY = "agency:structure:generation"
TIMEOUT = 24 * 60 * 60  # A day: entries of a dead generation go by themselves.

# The request a page view is serving (``serving``), for reads not handed one.
_serving = ContextVar("agency_structure_serving", default=None)


@contextmanager
def serving(request):
    """Within it, reads of the generation and the private sections that are not handed
    a request (Wagtail asking the page served for its view restrictions) use
    `request`'s, read once for the request (core/views.py serve)."""
    token = _serving.set(request)
    try:
        yield
    finally:
        _serving.reset(token)


def _read_generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY, 0)
    return value


def generation(request=None):
    """The current generation's number; read once per request."""
    request = request if request is not None else _serving.get()
    if request is not None and hasattr(request, "_structure_generation"):
        return request._structure_generation
    value = _read_generation()
    if request is not None:
        request._structure_generation = value
    return value


def invalidate(**kwargs):
    """Start a new generation: every cached route, menu and trail is read afresh.

    Connected to the signals listed in ``connect_signals``; takes any signal arguments.
    Again at the commit: a request while the admin's transaction is open reads old rows.
    """
    _start_generation()
    transaction.on_commit(_start_generation)


def _start_generation():
    cache.set(GENERATION_KEY, time.time_ns(), None)


def cached(name, build, request=None):
    """`build()`'s value under `name` in the current generation; built on a miss.

    `build` must return something that pickles and is never None.
    """
    key = f"agency:structure:{generation(request)}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def first_read(name, build, request):
    """`build()`'s value for `request`, the first thing it reads: fetched in one round
    trip with the generation and the private sections (``restricted_paths``), all three
    kept under `name` with the generation they were built in and built afresh when it
    has moved on. Sets the request's generation and private sections."""
    key = f"agency:structure:{name}"
    if hasattr(request, "_structure_generation"):
        found = {GENERATION_KEY: request._structure_generation, key: cache.get(key)}
    else:
        found = cache.get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is None:
        current = _read_generation()
    request._structure_generation = current
    entry = found.get(key)
    if entry is None or entry[0] != current:
        entry = (current, build(), _restricted_paths())
        cache.set(key, entry, TIMEOUT)
    request._restricted_paths = entry[2]
    return entry[1]


# --- View restrictions -----------------------------------------------------------------


def _restricted_paths():
    from wagtail.models import PageViewRestriction

    return list(PageViewRestriction.objects.values_list("pk", "page__path"))


def restricted_paths(request=None):
    """[(PageViewRestriction id, tree path of its page)]: the private sections."""
    request = request if request is not None else _serving.get()
    if request is not None and hasattr(request, "_restricted_paths"):
        return request._restricted_paths
    value = cached("restrictions", _restricted_paths, request)
    if request is not None:
        request._restricted_paths = value
    return value


def view_restriction_ids(page, request=None):
    """Ids of the restrictions on `page` and its ancestors (Page.get_view_restrictions)."""
    return [pk for pk, path in restricted_paths(request) if page.path.startswith(path)]


def restricted_collection_paths(request=None):
    """Tree paths of collections with a view restriction (their documents are private)."""

    def build():
        from wagtail.models import CollectionViewRestriction

        return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))

    return cached("collection-restrictions", build, request)


def withdrawn_page_ids(request=None):
    """Ids (a frozenset) of the withdrawn (inaktuella) pages: one query per page type
    with the withdrawn fields (core/models/page_history.py) when the site changed, then
    none. A page is withdrawn when it is published with "inaktuell sedan" filled in, a
    page save: a new generation."""
    if request is not None and hasattr(request, "_withdrawn_page_ids"):
        return request._withdrawn_page_ids

    def build():
        from django.apps import apps

        from core.models.page_history import PageHistoryMixin

        ids = set()
        for model in apps.get_models():
            if issubclass(model, PageHistoryMixin):
                ids.update(model.objects.exclude(withdrawn_at=None).values_list("pk", flat=True))
        return frozenset(ids)

    value = cached("withdrawn", build, request)
    if request is not None:
        request._withdrawn_page_ids = value
    return value


# --- Menu, breadcrumbs, settings -------------------------------------------------------


def menu_items(site, request=None):
    """[{"title", "url", "path"}]: the live, public, in-menu children of the site's root
    in the active language (its translation: the English home's children under /en/)."""
    language = translation.get_language() or ""

    def build():
        from core.privacy import public_pages

        root = site.root_page.localized
        children = public_pages(
            root.get_children().live().in_menu().only("title", "url_path", "path"),
            request,
        )
        return [
            {"title": page.title, "url": page.relative_url(site, request), "path": page.path}
            for page in children
        ]

    return cached(f"menu:{site.pk}:{language}", build, request)


def breadcrumb_items(page, site, request=None):
    """[{"title", "url", "depth"}]: the page's ancestors from the site's root down;
    "url" is empty for an ancestor that is not live."""

    def build():
        ancestors = page.get_ancestors().filter(depth__gte=2)
        ancestors = ancestors.only("title", "url_path", "path", "depth", "live")
        # An ancestor visitors cannot open (not live) is named, not linked.
        return [
            {
                "title": item.title,
                "url": item.relative_url(site, request) if item.live else "",
                "depth": item.depth,
            }
            for item in ancestors
        ]

    return cached(f"breadcrumbs:{site.pk if site else 0}:{page.pk}", build, request)


def site_settings(model, site, request=None):
    """The site's settings (`model`, a BaseSiteSetting) with the pages they link to."""

    def build():
        related = [
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is not None and field.name != "site"
        ]
        instance = model.base_queryset().select_related(*related).filter(site=site).first()
        return instance or model.for_site(site)

    return cached(f"settings:{model._meta.label_lower}:{site.pk}", build, request)


def page_changed(sender, instance=None, **kwargs):
    """post_save/post_delete of any model: a new generation when it is a page."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate()


def settings_changed(sender, created=False, **kwargs):
    """post_save of SiteSettings. A site's settings are created on its first visit, as
    defaults: that changes nothing shown, and would throw away a generation per site."""
    if not created:
        invalidate()


def connect_signals():
    """Start a new generation whenever the site's structure may have changed.

    The receivers are module-level functions: signals hold them by weak reference.
    """
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        PageViewRestriction,
        Site,
    )
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from core.models import SiteSettings

    post_save.connect(page_changed, dispatch_uid="structure_cache_page_saved")
    post_delete.connect(page_changed, dispatch_uid="structure_cache_page_deleted")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"structure_cache_{id(signal)}")
    post_save.connect(
        settings_changed, sender=SiteSettings, dispatch_uid="structure_cache_settings"
    )
    post_delete.connect(invalidate, sender=SiteSettings, dispatch_uid="structure_cache_settings_d")
    for model in (PageViewRestriction, CollectionViewRestriction, Collection, Site):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"structure_cache_{model}_s")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"structure_cache_{model}_d")
