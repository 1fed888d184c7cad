"""The document address (/dokument/<id>/<file name>) answering HTTP range requests.

Wagtail's view (``wagtail.documents.views.serve.serve``) checks who may have the file
(the ``before_serve_document`` hooks: documents/publicity.py), answers ``If-None-Match``
against the file's hash and ``If-Modified-Since``, and streams the whole file; it does
not answer ``Range`` (neither does Django's ``FileResponse`` nor
``django.views.static.serve`` in Django 5.2). A PDF viewer asks for parts of a large
file, and a download that broke off resumes with ``Range``. This view lets Wagtail's
decide everything else and turns its whole-file answer into the part asked for with
core/file_ranges.py: ``206`` with ``Content-Range``, ``416`` for a range past the end,
the whole file for a range that may be ignored (bad syntax, several ranges, an
``If-Range`` that names neither the current ETag nor the current ``Last-Modified``).
Wagtail's headers (``ETag``, ``Last-Modified``, ``Content-Disposition``, the CSP,
``nosniff``) are kept. The address takes GET and HEAD (and OPTIONS), nothing else
(core/method_not_allowed.py).

A document whose file is gone from the storage (restored database, emptied bucket, a
file deleted by hand) answers the site's 404 and is logged as an error for the people who
run the site, instead of a 500 for the visitor.
"""

import logging

from django.http import FileResponse, Http404
from wagtail.documents.views.serve import serve as wagtail_serve

from core.file_ranges import ranged_file_response
from core.method_not_allowed import allow_methods

logger = logging.getLogger(__name__)

# Headers ranged_file_response sets itself.
OWN_HEADERS = {
    "content-length",
    "content-type",
    "content-range",
    "accept-ranges",
    "etag",
    "last-modified",
}
# The 416's short text is no copy of the file, and says itself how to cache it.
NOT_FOR_416 = {"content-disposition", "cache-control"}


@allow_methods("GET", "HEAD")
def serve(request, document_id, document_filename):
    """Wagtail's document view, with ``Accept-Ranges: bytes`` and answers to ``Range``.
    Raises Http404 when the document's file is missing from the storage."""
    try:
        response = wagtail_serve(request, document_id, document_filename)
    except FileNotFoundError:
        logger.error("Document %s: its file is missing from the media storage", document_id)
        raise Http404("The document's file is missing.") from None
    if response.status_code != 200 or not isinstance(response, FileResponse):
        return response
    opened = response.file_to_stream
    size = response.get("Content-Length")
    if opened is None or not size or not size.isdigit() or not opened.seekable():
        return response
    ranged = ranged_file_response(
        request,
        opened,
        int(size),
        response["Content-Type"],
        etag=response.get("ETag", ""),
        last_modified=response.get("Last-Modified", ""),
    )
    for header, value in response.items():
        if header.lower() in OWN_HEADERS:
            continue
        if ranged.status_code == 416 and header.lower() in NOT_FOR_416:
            continue
        ranged[header] = value
    return ranged
