"""The documents shown under one search hit, each snippet once.

A page often offers several documents with the same passage (a conference's
presentations all repeat its theme): the first shows the snippet, the others are listed
as having the same text, so the visitor reads it once. A visitor who follows "Ordet
finns också i N dokument till" sees every matching document of that page, up to
MAX_EXPANDED_DOCUMENTS, with the same rule.
"""

from dataclasses import dataclass

from django.utils.html import escape

from search.text import snippet

MAX_DOCUMENTS_PER_RESULT = 3
MAX_EXPANDED_DOCUMENTS = 50


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
