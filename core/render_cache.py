"""Rendered page content kept in the shared cache: a page's ``<main>`` is rendered once.

A page's content (StreamField blocks, rich text with its document and page links, the
conference block, speaker lists, listings) is the same for every anonymous visitor and
costs most of a page's render time and queries. ``{% render_cache %}``
(core/templatetags/render_cache_tags.py) keeps what it encloses in Django's cache
(Redis in production: one copy for every worker and every app node) under a key made
of:

- the site's structure generation (core/structure_cache.py), which starts afresh
  whenever a page is saved, published, unpublished, moved or deleted, a view restriction
  or the site settings change and, connected here, when a document, an image or a
  contact person is saved or deleted: whatever a page shows by reference or by query;
- the static files' release (the hash of their manifest in production); the code's
  release is in every key the cache makes (agency/release.py);
- the page (id and latest revision), the request's host, scheme, path and language;
  for a view that has no page but says what its fragments depend on (``SCOPE``: the
  404 page, the same for every address but for its language switcher's links), that
  scope, the host, scheme and language, so one render serves every such address;
- a time window of ``RENDER_CACHE_SECONDS`` (60 by default): what depends on the clock
  ("Konferensen har redan ägt rum", upcoming conferences) is at most that old, less than
  the front cache's own ``s-maxage``.

Nothing is cached for a personal request (an editor, a visitor with a session, a
preview; core/http_cache.is_personal_request), a request with a query string (listing
filters, pagination: rendered every time, kept by the front cache), or when the
enclosed template used a CSRF token (a form: the token is this visitor's own).
"""

import hashlib
import time

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page

from core import structure_cache
from core.http_cache import is_personal_request


def window_seconds():
    """RENDER_CACHE_SECONDS (int, seconds; 0 turns the render cache off)."""
    return int(getattr(settings, "RENDER_CACHE_SECONDS", 60))


# The context variable a page-less view (the 404 page: core/views.py) sets to have its
# fragments kept: a string naming everything they show that depends on the request
# beyond what every key holds (host, scheme, language, the site's structure).
SCOPE = "render_cache_scope"


def fragment_key(name, context):
    """The cache key (str) for fragment `name` in a template `context`, or None when
    this render must not be cached (see the module docstring)."""
    return fragment_keys([name], context).get(name)


def fragment_keys(names, context):
    """{name: cache key (str)} for each of `names` (fragment names) in a template
    `context`; {} when this render must not be cached (see the module docstring).

    A page's fragments are kept per page (id and latest revision), host, scheme, path
    and language; a page-less view's (no ``page``, ``SCOPE`` set) per scope, host,
    scheme and language, whatever its path: the 404 page is one render for every
    address that finds nothing."""
    seconds = window_seconds()
    request = context.get("request")
    if seconds <= 0 or request is None:
        return {}
    page = context.get("page")
    if isinstance(page, Page):
        if page.pk is None:
            return {}
        owner, where = page.pk, [request.path, str(page.latest_revision_id)]
    else:
        scope = context.get(SCOPE)
        if page is not None or not isinstance(scope, str):
            return {}
        owner, where = SCOPE, [scope]
    if request.method not in ("GET", "HEAD") or request.GET or is_personal_request(request):
        return {}
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return {}
    # The static files' release (their manifest's hash, "" without one): a fragment names
    # static files by their hashed names, which change with a new release.
    release = getattr(staticfiles_storage, "manifest_hash", "") or ""
    where = [release, request.scheme, request.get_host(), translation.get_language() or "", *where]
    digest = hashlib.sha256("\n".join(where).encode()).hexdigest()[:32]
    window = int(time.time() // seconds)
    generation = structure_cache.generation(request)
    prefix = f"agency:render:{generation}:{window}"
    return {name: f"{prefix}:{name}:{owner}:{digest}" for name in names}


def get(key):
    return cache.get(key)


def get_many(keys):
    """{key: html} of those of `keys` that are in the cache: one round trip for all."""
    return cache.get_many(keys)


def store(key, html, request):
    """Keep `html` under `key` unless rendering it used this visitor's CSRF token."""
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return
    cache.set(key, html, 2 * window_seconds())


def content_changed(**kwargs):
    """A document, image or contact person changed: a new structure generation, so
    every cached render that may show it is rendered afresh. Takes signal arguments."""
    structure_cache.invalidate()


def connect_signals():
    """Called from PagesConfig.ready(): pages and settings are already connected in
    structure_cache.connect_signals(); these are the other things pages show."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for model in (
        get_document_model(),
        get_image_model(),
        apps.get_model("contacts", "ContactPerson"),
    ):
        label = model._meta.label_lower
        post_save.connect(content_changed, sender=model, dispatch_uid=f"render_cache_s_{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"render_cache_d_{label}")
