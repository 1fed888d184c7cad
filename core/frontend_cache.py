"""Purge on publish: when content changes, every cached page that shows it is purged.

Wagtail's ``wagtail.contrib.frontend_cache`` sends the purges (to Varnish here, to
Cloudflare or CloudFront in production: settings ``WAGTAILFRONTENDCACHE``); this module
decides *which* addresses. Nothing is listed per page type here. What shows what comes
from two sources:

- **Wagtail's reference index**: every page whose fields, inline panels, StreamField
  blocks or rich text point at the changed object (the home page's featured topics, a
  conference block on a topic page, a contact card, a document list, a link in text),
  followed through snippets (a photo → the contact person → the pages showing them).
- **declared on the page models**, for what a page shows by query rather than by
  reference:

  ``frontend_cache_lists_children = True``
      the page lists its live children (conference and strategy listings, the
      lättläst and teckenspråk lists, a topic page's subtopics);
  ``frontend_cache_lists_descendants = ("app_label.Model", ...)``
      the page lists descendants of these types wherever they are (the home page's
      upcoming conferences and newest strategies);
  ``frontend_cache_shown_in = ("url name", ...)``
      site-wide views that list the page (the Atom feed, the calendar feed);
  ``get_frontend_cache_paths()``
      further addresses of the page's own (a conference's .ics file);
  ``frontend_cache_lists_document_accessibility = True``
      the page lists documents by their accessibility check's result (the
      accessibility statement), so a changed result purges it;
  ``frontend_cache_in_section_navigation = True``
      the page is named in the section navigation of every page below its parent
      (pages/section_navigation.py), so a structural change purges those.

  Every page is also in the sitemap and in search results; a child of a site's root is
  in the main menu, which is on every page; a page's title is in its descendants'
  breadcrumbs. ``SiteSettings`` (header and footer) is on every page.

What triggers a purge: publishing, unpublishing, moving, deleting a page or changing who
may see it; publishing, unpublishing or deleting a contact person; saving or deleting a
document (its file replaced: its old and new address; its accessibility check's result
changed: the pages listing failing documents) or an image; saving site settings.
Addresses are worked out at once, while the tree is as it was (a move or a delete), and
sent when the transaction commits, so the front cache can never fetch the old version
again after the purge.

"Everything" (main menu, site settings) is one ban on backends that can do it
(``VarnishBackend.purge_everything``); other backends get every page's address.
"""

import logging
from types import SimpleNamespace
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import iri_to_uri
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.models import (
    Page,
    ReferenceIndex,
    Site,
)

logger = logging.getLogger(__name__)

# Shown on every page, so their change purges everything.
SITE_WIDE_PATHS = ("sitemap", "search")


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend (PURGE per address) that can also clear the whole site
    with one request: ``BAN /``, which deploy/varnish/agency.vcl turns into a ban of every
    path. Addresses are sent percent-encoded, as browsers send them (a slug may hold
    å, ä, ö), and a front cache that does not answer within TIMEOUT seconds is logged,
    not waited for: publishing never hangs on the cache."""

    TIMEOUT = 5

    def purge(self, url):
        parts = urlsplit(iri_to_uri(url))
        self._send(
            "PURGE",
            urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            {"Host": parts.netloc},
        )

    def purge_everything(self):
        self._send("BAN", urlunsplit([self.cache_scheme, self.cache_netloc, "/", "", ""]), {})

    def _send(self, method, url, headers):
        request = Request(
            url, method=method, headers={"User-Agent": "agency-frontendcache", **headers}
        )
        try:
            with urlopen(request, timeout=self.TIMEOUT):  # noqa: S310 - FRONTEND_CACHE_URL
                pass
        except (HTTPError, URLError, OSError) as error:
            logger.error("Front cache: %s %s failed: %s", method, url, error)


def _site_roots():
    return [site.root_url for site in Site.objects.all()]


class PurgeSet:
    """The addresses one change makes stale. Collects pages, paths and "everything",
    then hands them to Wagtail's frontend cache once the transaction has committed."""

    def __init__(self):
        self.pages = {}
        self.urls = set()
        self.everything = False
        self._seen_objects = set()

    # What a page change affects ------------------------------------------------------

    def add_page_change(self, page, structural=False):
        """`page` changed. `structural`: its title, address, place or visibility changed
        (so breadcrumbs below it and, for a menu page, the menu on every page too; for a
        page in the section navigation, every page below its parent, where it is shown)."""
        page = page.specific_deferred
        self.add_page(page)
        self.add_pages_showing(page)
        self.add_referencing_pages(page)
        if structural:
            for descendant in page.get_descendants().specific(defer=True):
                self.add_page(descendant)
            parent = page.get_parent()
            # A child of a site's root or of its translation (the English home): a menu page.
            if (
                parent is not None
                and Site.objects.filter(root_page__translation_key=parent.translation_key).exists()
            ):
                self.everything = True
            elif parent is not None and getattr(
                page, "frontend_cache_in_section_navigation", False
            ):
                for relative in parent.get_descendants().specific(defer=True):
                    self.add_page(relative)

    def add_page(self, page):
        self.pages[page.pk] = page

    def add_pages_showing(self, page):
        """Pages and views that list `page` by query (declared on the models)."""
        parent = page.get_parent()
        if parent is not None and getattr(
            parent.specific_class, "frontend_cache_lists_children", False
        ):
            self.add_page(parent.specific_deferred)
        for ancestor in page.get_ancestors().specific(defer=True):
            listed = getattr(ancestor, "frontend_cache_lists_descendants", ())
            if any(isinstance(page, apps.get_model(label)) for label in listed):
                self.add_page(ancestor)
        # Feeds, calendars and search have an address per language (/en/… in English):
        # each is purged in every language, no query needed to know the page's.
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for url_name in getattr(page, "frontend_cache_shown_in", ()):
                    self.add_path(reverse(url_name))
                self.add_path(reverse("search"))
        if hasattr(page, "get_frontend_cache_paths"):
            for path in page.get_frontend_cache_paths():
                self.add_path(path)
        self.add_path(reverse("sitemap"))

    def add_referencing_pages(self, obj, depth=0):
        """Pages whose content points at `obj` (Wagtail's reference index), through
        snippets and other models up to three steps away."""
        key = (obj._meta.label, obj.pk)
        if key in self._seen_objects or depth > 3:
            return
        self._seen_objects.add(key)
        page_type = ReferenceIndex._get_base_content_type(Page)
        references = ReferenceIndex.get_references_to(obj).select_related("base_content_type")
        page_ids, others = set(), set()
        for reference in references:
            if reference.base_content_type_id == page_type.pk:
                page_ids.add(int(reference.object_id))
            else:
                others.add((reference.base_content_type, reference.object_id))
        for referencing in Page.objects.filter(pk__in=page_ids).specific(defer=True):
            self.add_page(referencing)
            self.add_pages_showing(referencing)
        for content_type, object_id in others:
            model = content_type.model_class()
            if model is None:
                continue
            if model._meta.label == "core.SiteSettings":
                self.everything = True
                continue
            source = model._default_manager.filter(pk=object_id).first()
            if source is not None:
                self.add_referencing_pages(source, depth + 1)

    # Other addresses ------------------------------------------------------------------

    def add_path(self, path):
        """A site-relative address outside the page tree (feeds, files), on every site."""
        for root in _site_roots():
            self.urls.add(root.rstrip("/") + path)

    def add_document(self, document, old_filename=None):
        self.add_path(document.url)
        if old_filename and old_filename != document.filename:
            self.add_path(reverse("wagtaildocs_serve", args=[document.pk, old_filename]))
        self.add_referencing_pages(document)

    def add_document_accessibility_change(self, documents):
        """The accessibility check's result of ``documents`` changed: the pages that link
        them (one query for all) and the live pages of every type that declares
        ``frontend_cache_lists_document_accessibility`` (the accessibility statement)."""
        documents = list(documents)
        if not documents:
            return
        page_type = ReferenceIndex._get_base_content_type(Page)
        page_ids = (
            ReferenceIndex.get_references_to_in_bulk(documents)
            .filter(base_content_type=page_type)
            .values_list("object_id", flat=True)
        )
        linking = Page.objects.filter(pk__in=[int(pk) for pk in page_ids])
        for page in linking.specific(defer=True):
            self.add_page(page)
        listing = [
            model
            for model in apps.get_models()
            if issubclass(model, Page)
            and getattr(model, "frontend_cache_lists_document_accessibility", False)
        ]
        if listing:
            for page in Page.objects.live().type(*listing).specific(defer=True):
                self.add_page(page)

    # Sending --------------------------------------------------------------------------

    def all_urls(self, everything=False):
        """Full addresses of the collected pages and paths; with `everything`, of every
        live page and site-wide view as well."""
        urls = set(self.urls)
        pages = list(self.pages.values())
        if everything:
            pages += list(Page.objects.live().specific(defer=True))
            for url_name in SITE_WIDE_PATHS:
                self.add_path(reverse(url_name))
            urls |= self.urls
        cache_object = SimpleNamespace()
        for page in pages:
            url = page.get_full_url(cache_object)
            if url is None:
                continue
            urls.update(url + path.lstrip("/") for path in page.get_cached_paths())
        return urls

    def purge_on_commit(self):
        """Works out the addresses now, while the tree is as it was before a move or a
        delete, and sends them once the change is committed and visible to the app."""
        backends = get_backends()
        if not backends:
            return
        urls = self.all_urls()
        everything = self.everything

        def send():
            if not everything:
                purge_urls_from_cache(sorted(urls))
                return
            rest = []
            for name, backend in backends.items():
                if hasattr(backend, "purge_everything"):
                    backend.purge_everything()
                else:
                    rest.append(name)
            if rest:
                purge_urls_from_cache(sorted(urls | self.all_urls(everything=True)), backends=rest)

        transaction.on_commit(send)
