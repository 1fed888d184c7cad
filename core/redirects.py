"""Wagtail's redirects, with "no redirect here" kept in the cache.

Wagtail's ``RedirectMiddleware`` looks every 404 up in its table of redirects, one or
two queries per answer, although almost every address that finds nothing has no
redirect either. ``CachedRedirectMiddleware`` remembers, per site and address, that
Wagtail found none, in the current structure generation (core/structure_cache.py) and
for ``CACHE_NOT_FOUND_S_MAXAGE`` seconds, as long as the front cache keeps the 404
itself; so a 404 asked again costs no query, and addresses that find nothing cannot
fill the cache for long. A redirect that exists is always looked up by Wagtail.

A new generation starts whenever a redirect is saved or deleted and, as Wagtail
creates redirects in bulk (no signal) when a page moves or its slug changes, right
after it has created them (``connect_signals``): an old address asked while Wagtail
was still at work cannot keep its "no redirect".
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from wagtail.contrib.redirects.middleware import RedirectMiddleware
from wagtail.models import Site

from core import structure_cache


def _key(request):
    site = Site.find_for_request(request)
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    generation = structure_cache.generation(request)
    return f"agency:structure:{generation}:no-redirect:{site.pk if site else 0}:{digest}"


def redirects_changed(**kwargs):
    """Start a new structure generation; takes any signal arguments."""
    structure_cache.invalidate()


def connect_signals():
    """Called from CoreConfig.ready(). Wagtail's receivers that create the redirects of
    a moved or renamed page are connected here first, so that ``redirects_changed``
    runs after them (Django calls receivers in the order they were connected, and
    wagtail.contrib.redirects' own ready() connecting the same functions again changes
    nothing: a receiver is connected once)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.redirects.signal_handlers import (
        autocreate_redirects_on_page_move,
        autocreate_redirects_on_slug_change,
    )
    from wagtail.signals import page_slug_changed, post_page_move

    post_page_move.connect(autocreate_redirects_on_page_move)
    page_slug_changed.connect(autocreate_redirects_on_slug_change)
    post_page_move.connect(redirects_changed, dispatch_uid="redirects_changed_move")
    page_slug_changed.connect(redirects_changed, dispatch_uid="redirects_changed_slug")
    post_save.connect(redirects_changed, sender=Redirect, dispatch_uid="redirects_changed_s")
    post_delete.connect(redirects_changed, sender=Redirect, dispatch_uid="redirects_changed_d")


class CachedRedirectMiddleware(RedirectMiddleware):
    """Wagtail's RedirectMiddleware (same place in MIDDLEWARE), skipping the lookup for
    a 404 whose address it found no redirect for a moment ago."""

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        key = _key(request)
        if cache.get(key):
            return response
        answer = super().process_response(request, response)
        if answer is response:
            cache.set(key, True, settings.CACHE_NOT_FOUND_S_MAXAGE)
        return answer
