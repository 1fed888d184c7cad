"""What a visitor may be shown: no document from a collection closed to them, no link to a
page they cannot open (OWASP ASVS V8, data protection: nothing is published by accident).

Wagtail refuses to serve a document from a private collection (login, group or
password) to a visitor who does not pass the restriction, and answers 404 for a page that
is not live, but a public page that links to either would still show its title and
address. Templates ask ``may_see_document`` / ``may_see_page`` (the ``visible_to`` filter)
first, and rich text asks ``documents_anyone_may_see`` / ``pages_anyone_may_see``
(core/richtext.py), so a visitor never follows a link to something closed to them, while
members, who pass a restriction, see it where editors put it.

Lists and search ask ``public_pages`` / ``public_documents`` (and, for what a list
counts or filters by, ``public_document_filter``): the same rules as querysets, read
from the cached private sections (core/structure_cache.py). Whatever leads a visitor to
a page (menus, section navigation, related content, listings, sitemaps, feeds) also
leaves out withdrawn pages there (``public_pages``, ``may_list_page``). This module is
the one place these rules live.

A fixed number of queries per request or per rich-text render however many documents or
pages it links to: restrictions and the collections' tree paths are read once (and kept
on the request).
"""

from django.db.models import Q
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from core import structure_cache


def _closed_collection_paths(request):
    """Tree paths of collections whose restriction this request does not pass."""
    return _closed(request, CollectionViewRestriction, "collection", "_closed_collection_paths")


def _closed_page_paths(request):
    """Tree paths of pages (with their subtrees) whose restriction this request does not pass."""
    return _closed(request, PageViewRestriction, "page", "_closed_page_paths")


def _closed(request, restriction_model, target, cache_name):
    cached = getattr(request, cache_name, None)
    if cached is not None:
        return cached
    if request is not None and not _any_restriction(restriction_model, request):
        setattr(request, cache_name, ())  # asked once per request, not once per document
        return ()
    restrictions = restriction_model.objects.select_related(target)
    if request is None:
        return tuple(restrictions.values_list(f"{target}__path", flat=True))
    closed = tuple(
        getattr(restriction, target).path
        for restriction in restrictions.prefetch_related("groups")
        if not restriction.accept_request(request)
    )
    setattr(request, cache_name, closed)
    return closed


def _any_restriction(restriction_model, request):
    """False when no restriction of this kind exists: read from the structure cache
    (core/structure_cache.py; it starts afresh when a restriction changes), no query."""
    if restriction_model is PageViewRestriction:
        return bool(structure_cache.restricted_paths(request))
    return bool(structure_cache.restricted_collection_paths(request))


def _collection_paths(request):
    cached = getattr(request, "_collection_paths", None)
    if cached is not None:
        return cached
    paths = dict(Collection.objects.values_list("pk", "path"))
    if request is not None:
        request._collection_paths = paths
    return paths


def may_see_document(request, document):
    """False for a document in a collection (or below one) closed to this visitor.
    Without a request (rendering outside a visit) only unrestricted documents pass."""
    if document is None:
        return False
    closed = _closed_collection_paths(request)
    if not closed:
        return True
    path = _collection_paths(request).get(document.collection_id, "")
    return not path.startswith(closed)


def may_see_page(request, page):
    """False for a page this visitor would get a 404 or a login for: not live (draft,
    unpublished, expired), deleted (None), or under a view restriction they do not pass."""
    return page is not None and page.live and may_see_path(request, page.path)


def may_see_path(request, path):
    """Whether the page at tree ``path`` (str) lies outside every view restriction this
    request does not pass (liveness is the caller's): for lists kept in the shared cache
    with every visitor's candidates, filtered for each request."""
    closed = _closed_page_paths(request)
    return not (closed and path.startswith(closed))


def documents_anyone_may_see(ids):
    """{id: document} for those of `ids` that exist outside restricted collections.

    Two queries however many ids: the documents with their collections, the restrictions.
    """
    ids = {int(pk) for pk in ids if str(pk).isdigit()}
    if not ids:
        return {}
    documents = get_document_model().objects.select_related("collection").in_bulk(ids)
    closed = _closed_collection_paths(None)
    return {
        pk: document
        for pk, document in documents.items()
        if not (closed and document.collection.path.startswith(closed))
    }


def pages_anyone_may_see(ids):
    """{id: page} for those of `ids` that are live and outside every view restriction.

    Two queries however many ids: the live pages, the restrictions.
    """
    ids = {int(pk) for pk in ids if str(pk).isdigit()}
    if not ids:
        return {}
    # With the locale: a page's address depends on its language (/en/), no query per page.
    pages = list(Page.objects.live().filter(pk__in=ids).select_related("locale"))
    closed = _closed_page_paths(None) if pages else ()
    return {page.pk: page for page in pages if not (closed and page.path.startswith(closed))}


def _under(paths):
    """A Q for rows whose tree path lies at or below any of ``paths``."""
    within = Q()
    for path in paths:
        within |= Q(path__startswith=path)
    return within


def public_pages(queryset, request=None, *, withdrawn=False):
    """``queryset`` (of pages) as a visitor may be led to them: without those under a
    view restriction, like Wagtail's ``PageQuerySet.public()`` but from the cached
    private sections, and without withdrawn (inaktuella) pages, which keep their address
    but leave menus, section navigation, related content, listings, sitemaps and feeds
    (issue 13; GOV.UK's "withdrawn" content). ``withdrawn=True`` keeps them, for search,
    which puts them last (search/ranking.py). No query to find either kind, and nothing
    added to the query when there are none. Liveness is the caller's."""
    hidden = _under(path for _pk, path in structure_cache.restricted_paths(request))
    if not withdrawn:
        ids = structure_cache.withdrawn_page_ids(request)
        if ids:
            hidden |= Q(pk__in=ids)
    return queryset.exclude(hidden) if hidden else queryset


def may_list_page(request, page):
    """``may_see_page``, and not withdrawn: whether a link an editor chose (related
    content, the home page's short links) is shown. The withdrawn page itself stays
    reachable at its address; links in running text are left as the editor wrote them."""
    return may_see_page(request, page) and page.pk not in structure_cache.withdrawn_page_ids(
        request
    )


def public_documents(request=None):
    """Documents (a queryset) outside restricted collections and their sub-collections."""
    documents = get_document_model().objects.all()
    public = public_document_filter("", request)
    return documents.filter(public) if public else documents


def public_document_filter(field, request=None):
    """A Q for rows whose document at lookup ``field`` ("speakers__presentation"; "" for
    documents themselves) lies outside every restricted collection: what an anonymous
    visitor is shown (``may_see_document`` without a passed restriction), as a
    condition for a count or a filter in the same query, so a list never counts or
    offers a document its page leaves out (a conference's "N presentationer").
    None when no collection is restricted (no query, nothing to add); else the
    collections come in as a subquery of the one query."""
    private = _under(structure_cache.restricted_collection_paths(request))
    if not private:
        return None
    hidden = Collection.objects.filter(private).values("pk")
    lookup = f"{field}__collection__in" if field else "collection__in"
    return ~Q(**{lookup: hidden})
