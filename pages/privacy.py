"""Which documents a visitor may be shown: none from a collection closed to them.

Wagtail refuses to serve a document from a private collection (login, group or
password) to a visitor who does not pass the restriction, but a public page that
lists such a document would still show its title and link. Templates ask
``may_see_document`` first, so a visitor never learns that the document exists,
while members, who pass the restriction, see it where editors put it.

A fixed number of queries per request however many documents a page lists: the
restrictions and the collections' tree paths are read once and kept on the request.
"""

from wagtail.models import Collection, CollectionViewRestriction


def _closed_collection_paths(request):
    """Tree paths of collections whose restriction this request does not pass."""
    cached = getattr(request, "_closed_collection_paths", None)
    if cached is not None:
        return cached
    restrictions = CollectionViewRestriction.objects.select_related("collection")
    closed = tuple(
        restriction.collection.path
        for restriction in restrictions.prefetch_related("groups")
        if request is None or not restriction.accept_request(request)
    )
    if request is not None:
        request._closed_collection_paths = closed
    return closed


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
