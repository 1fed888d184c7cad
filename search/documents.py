"""The documents shown under one search hit, each snippet once.

A page often offers several documents with the same passage (a conference's
presentations all repeat its theme): the first shows the snippet, the others are listed
as having the same text, so the visitor reads it once. A visitor who follows "Ordet
finns också i N dokument till" sees every matching document of that page, up to
MAX_EXPANDED_DOCUMENTS, with the same rule. Which pages offer a found document, and how
strongly, comes from Wagtail's reference index (``pages_offering``).
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from search.text import snippet

MAX_DOCUMENTS_PER_RESULT = 3
MAX_EXPANDED_DOCUMENTS = 50
BODY_REFERENCE_WEIGHT = 0.5


@dataclass
class DocumentHit:
    document: object  # AgencyDocument
    snippet: str


def document_limit(hit, expanded_page_id=None):
    """How many of a hit's matching documents are shown: all (bounded) when expanded."""
    if expanded_page_id is not None and hit.page_id == expanded_page_id:
        return MAX_EXPANDED_DOCUMENTS
    return MAX_DOCUMENTS_PER_RESULT


PASSAGE_KEY_LENGTH = 120


def passage_key(text, title=""):
    """What makes two snippets the same passage: the text from the first marked word on,
    without the document's own title (a PDF repeats it in headers and footers).
    "" for an empty snippet."""
    text = " ".join(str(text).split())
    title = " ".join(str(escape(title)).split())
    if title:
        text = text.replace(title, "")
    marked = text.find("<mark>")
    return text[max(marked, 0) : max(marked, 0) + PASSAGE_KEY_LENGTH]


def split_by_snippet(document_ids, documents, terms):
    """([DocumentHit] with distinct snippets, [documents whose snippet was shown already]).

    In: the document ids to show, in rank order; {id: AgencyDocument} (ids missing there
    are skipped); the query's terms. No queries.
    """
    distinct, repeated, seen = [], [], set()
    for pk in document_ids:
        document = documents.get(pk)
        if document is None:
            continue
        text = snippet(document.text, terms)
        key = passage_key(text, document.title)
        if key and key in seen:
            repeated.append(document)
            continue
        seen.add(key)
        distinct.append(DocumentHit(document, text))
    return distinct, repeated


def pages_offering(document_ids, pages):
    """{document id: [(page id, content type id, weight)]}, only for the given visible pages.

    A page whose own field holds the document (a strategy's file, a speaker's slides)
    owns it; a page that merely lists it in its body counts half.
    """
    if not document_ids:
        return {}
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        to_object_id__in=[str(pk) for pk in document_ids],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("to_object_id", "object_id", "model_path")
    weights = {}
    for document_id, page_id, model_path in references:
        key = (int(document_id), int(page_id))
        weight = BODY_REFERENCE_WEIGHT if model_path.startswith("body.") else 1.0
        weights[key] = max(weight, weights.get(key, 0.0))
    page_types = dict(
        pages.filter(pk__in={page_id for _, page_id in weights}).values_list(
            "pk", "content_type_id"
        )
    )
    offering = {}
    for (document_id, page_id), weight in sorted(weights.items()):
        if page_id in page_types:
            offering.setdefault(document_id, []).append((page_id, page_types[page_id], weight))
    return offering
