"""Running the PDF accessibility check again on documents already stored.

Documents uploaded before the check existed were never checked, and a better check
(documents/pdf_accessibility.py) should be run over the old files too. The upload
path (``AgencyDocument._set_document_file_metadata``) checks each new or replaced file
itself; this is for the rest, from ``manage.py check_document_accessibility``.

A file that cannot be read as a PDF is a result ("Kunde inte kontrolleras", as at
upload); a file missing from or unreadable in the media storage is an error that is
reported and leaves the document as it was. Results are written in batches (one
``bulk_update`` per ``BATCH`` documents); when any document's result changed, the pages
that show it and the accessibility statement, which lists failing documents, are
purged from the front cache and the render cache starts afresh (core/frontend_cache.py).
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction

from core import structure_cache
from core.frontend_cache import PurgeSet
from documents.files import read_pdf_file
from documents.pdf_accessibility import check_pdf_accessibility

logger = logging.getLogger(__name__)

BATCH = 50
RESULT_FIELDS = ["accessibility_status", "accessibility_failures", "accessibility_checked_at"]


@dataclass
class Recheck:
    """What a run found: counts by result, the documents whose result changed, and
    (document id, title, reason) for each file that could not be read at all."""

    checked: int = 0
    passed: int = 0
    failed: int = 0
    unreadable: int = 0
    changed: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def pdf_documents():
    """Every document whose file is a PDF (by its name, as at upload)."""
    from wagtail.documents import get_document_model

    return get_document_model().objects.filter(file__iendswith=".pdf")


def recheck_documents(documents):
    """Check the PDF of each of ``documents`` (a queryset) again and store the results.

    Returns a ``Recheck``. Idempotent: an unchanged file gives the same result and only
    a new "checked at" time.
    """
    outcome = Recheck()
    batch = []
    for document in documents.order_by("pk").iterator(chunk_size=BATCH):
        before = (document.accessibility_status, list(document.accessibility_failures))
        try:
            result = _check(document)
        except (OSError, ValueError) as error:
            logger.error("Could not read the file of document %s: %s", document.pk, error)
            outcome.errors.append((document.pk, document.title, str(error)))
            continue
        document.set_accessibility(result)
        outcome.checked += 1
        if not result.checked:
            outcome.unreadable += 1
        elif result.passed:
            outcome.passed += 1
        else:
            outcome.failed += 1
        if before != (document.accessibility_status, document.accessibility_failures):
            outcome.changed.append(document)
        batch.append(document)
        if len(batch) >= BATCH:
            _save(batch)
            batch = []
    if batch:
        _save(batch)
    if outcome.changed:
        accessibility_changed(outcome.changed)
    return outcome


def _check(document):
    """The PdfAccessibility of the document's file; OSError when storage cannot give it."""
    with document.file.open("rb") as handle:
        text = document.text
        if not (text or "").strip():
            # Nothing kept from the upload (older documents): read the text now.
            text = read_pdf_file(handle).text
        return check_pdf_accessibility(handle, text)


def _save(documents):
    type(documents[0]).objects.bulk_update(documents, RESULT_FIELDS)


def accessibility_changed(documents):
    """``documents``' check results changed: once the transaction commits, purge the
    pages that link them (the offer of an accessible format comes or goes) and the pages
    that list failing documents (the accessibility statement), and start a new render
    cache generation so no page is served from a render made before."""
    purge = PurgeSet()
    purge.add_document_accessibility_change(documents)
    purge.purge_on_commit()
    transaction.on_commit(structure_cache.invalidate)
