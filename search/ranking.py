"""Site search over pages and the text inside the documents those pages show.

A document is found through its extracted text (AgencyDocument.text) and shown under
the page that offers it, with a snippet around the searched word. Which page offers a
document comes from Wagtail's reference index, which records the live content of every
page: strategy documents, speakers' presentations, conference summaries and documents
in page bodies alike. Only live, public pages of the current site take part, and a
document counts only while such a page offers it and its collection is not restricted.

Pages found directly and pages found through a document are merged by reciprocal rank
fusion, which needs no comparable scores (SQLite and PostgreSQL score differently).
"""

import hashlib
import time
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from core import privacy, structure_cache
from core.models.page_history import withdrawn_last
from search.documents import (
    MAX_DOCUMENTS_PER_RESULT,
    document_limit,
    pages_offering,
    split_by_snippet,
)
from search.languages import visitors_language_first
from search.plan import prefer_search_index
from search.text import highlight, query_terms
from search.titles import exact_title_first

MAX_HITS = 500
RANK_CONSTANT = 60  # Reciprocal rank fusion's usual k: later ranks still count a little.


@dataclass(frozen=True)
class ResultType:
    slug: str
    label: str  # for the filter: "Konferenser"
    item_label: str  # on one result: "Konferens"
    models: tuple


def result_types():
    """The kinds a visitor can narrow results to, in the order they are offered."""
    # By label: search sits below the apps whose page types it offers (no import cycle).
    return [
        ResultType("amne", _("Ämnessidor"), _("Ämnessida"), (apps.get_model("pages.TopicPage"),)),
        ResultType(
            "konferens",
            _("Konferenser"),
            _("Konferens"),
            (apps.get_model("events.ConferencePage"),),
        ),
        ResultType(
            "strategi",
            _("Strategier och rapporter"),
            _("Strategi eller rapport"),
            (apps.get_model("pages.StrategyDocumentPage"),),
        ),
    ]


OTHER_TYPE = ResultType("ovrigt", _("Övriga sidor"), _("Sida"), ())
# Not a page type: hits where the words were found in a document the page offers.
IN_DOCUMENTS = ResultType("dokument", _("Träffar i dokument"), _("Dokument"), ())


@dataclass
class Hit:
    """One result: a page, why it matched, and the matching documents it offers."""

    page_id: int
    content_type_id: int
    score: float = 0.0
    document_ids: list = field(default_factory=list)
    type: ResultType = OTHER_TYPE
    page: Page | None = None
    summary: str = ""
    documents: list = field(default_factory=list)  # [DocumentHit], distinct snippets
    same_text_documents: list = field(default_factory=list)  # their snippet shown above
    document_limit: int = MAX_DOCUMENTS_PER_RESULT

    @property
    def more_documents(self):
        """Matching documents beyond those shown (pages/search_documents.py)."""
        return max(0, len(self.document_ids) - self.document_limit)


@dataclass
class SearchOutcome:
    query: str
    hits: list
    type_counts: list  # [(ResultType, count)] over all hits, before filtering by type
    total: int = 0  # all hits, before filtering by type
    more: bool = False  # more than MAX_HITS pages match (only MAX_HITS are ranked)


def visible_pages(site, request=None):
    """Pages a visitor of `site` may find: live, without view restrictions, on the site,
    in every language (the English home page is a translation of the site's root page,
    beside it in Wagtail's tree, and the English pages are below it)."""
    # Withdrawn pages stay findable, last (search_site below).
    pages = privacy.public_pages(Page.objects.live(), request, withdrawn=True)
    if site is not None:
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        within = Q()
        for path in roots.values_list("path", flat=True):
            within |= Q(path__startswith=path)
        pages = pages.filter(within)
    return pages


def visible_documents(request=None):
    """Documents a visitor may find (core/privacy.py decides)."""
    return privacy.public_documents(request)


def _type_for(content_type_id, types):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    for result_type in types:
        if model is not None and issubclass(model, result_type.models):
            return result_type
    return OTHER_TYPE


def search_site(query, site, type_slug="", request=None):
    """All hits for `query` on `site`, best first; only those of `type_slug` when given.

    A bounded amount of work whatever the query: at most MAX_TERMS words
    (search/text.py), at most MAX_HITS pages and MAX_HITS documents ranked. The
    ranking is kept in the cache for a while (``ranked_hits``), so a word many visitors
    search for is ranked once, not once per visitor.
    """
    terms = query_terms(query)
    types = result_types()
    if not terms:
        return SearchOutcome(query, [], [(result_type, 0) for result_type in types])
    ranked, more = ranked_hits(" ".join(terms), site, request)
    ordered = [
        Hit(page_id, content_type_id, score, list(document_ids))
        for page_id, content_type_id, score, document_ids in ranked
    ]
    ordered = withdrawn_last(ordered, request)  # core/models/page_history.py
    counts, type_of = {}, {}  # type_of: one lookup per content type, not per hit
    for hit in ordered:
        if hit.content_type_id not in type_of:
            type_of[hit.content_type_id] = _type_for(hit.content_type_id, types)
        hit.type = type_of[hit.content_type_id]
        counts[hit.type.slug] = counts.get(hit.type.slug, 0) + 1
    type_counts = [(result_type, counts.get(result_type.slug, 0)) for result_type in types]
    if counts.get(OTHER_TYPE.slug):
        type_counts.append((OTHER_TYPE, counts[OTHER_TYPE.slug]))
    in_documents = sum(1 for hit in ordered if hit.document_ids)
    if in_documents:
        type_counts.append((IN_DOCUMENTS, in_documents))
    total = len(ordered)
    if type_slug == IN_DOCUMENTS.slug:
        ordered = [hit for hit in ordered if hit.document_ids]
    elif type_slug:
        ordered = [hit for hit in ordered if hit.type.slug == type_slug]
    return SearchOutcome(query, ordered, type_counts, total, more)


SEARCH_GENERATION_KEY = "agency:search:generation"
RANKING_TIMEOUT = 10 * 60


def index_changed():
    """The search index changed (search/backend.py): rankings are made afresh."""
    cache.set(SEARCH_GENERATION_KEY, time.time_ns(), None)


def ranked_hits(search_string, site, request=None):
    """([(page id, content type id, score, [document ids])] for `search_string`, best
    first; whether more than MAX_HITS pages match).

    Cached under the search index's generation (a new one whenever anything is indexed
    or removed from the index) and the site structure's (publishing, unpublishing,
    moving, view restrictions), so a cached ranking never shows what a fresh one would
    not; and for at most RANKING_TIMEOUT seconds.
    """
    index_generation = cache.get(SEARCH_GENERATION_KEY, 0)
    language = translation.get_language() or settings.LANGUAGE_CODE
    digest = hashlib.sha256(search_string.encode()).hexdigest()
    key = (
        f"agency:search:ranked:{index_generation}:{structure_cache.generation(request)}:"
        f"{site.pk if site else 0}:{language}:{digest}"
    )
    ranked = cache.get(key)
    if ranked is None:
        ranked = _rank(search_string, site, request, language)
        cache.set(key, ranked, RANKING_TIMEOUT)
    return ranked


def _rank(search_string, site, request=None, language=None):
    pages = visible_pages(site, request)
    hits = {}

    def add(page_id, content_type_id, rank, weight=1.0):
        hit = hits.setdefault(page_id, [page_id, content_type_id, 0.0, []])
        hit[2] += weight / (RANK_CONSTANT + rank)
        return hit

    # Rows, not model instances: 500 Page objects take longer to build than to find. A
    # backend may add its score to each row (SQLite's does): only the first columns count.
    with prefer_search_index():
        page_rows = pages.values_list("pk", "content_type_id")
        # One page more than ranked: whether there are more (the heading says so).
        page_results = list(page_rows.search(search_string)[: MAX_HITS + 1])
        documents = visible_documents(request).values_list("pk")
        document_ids = [row[0] for row in documents.search(search_string)[:MAX_HITS]]
    more = len(page_results) > MAX_HITS  # more than MAX_HITS pages: true of the hits too
    for rank, row in enumerate(page_results[:MAX_HITS]):
        add(row[0], row[1], rank)

    document_pages = pages_offering(document_ids, pages)
    for rank, document_id in enumerate(document_ids):
        for page_id, content_type_id, weight in document_pages.get(document_id, []):
            hit = add(page_id, content_type_id, rank, weight)
            hit[3].append(document_id)
    ordered = sorted(hits.values(), key=lambda hit: (-hit[2], hit[0]))
    ordered = exact_title_first(ordered, search_string, pages)
    ordered = visitors_language_first(ordered, pages, language)
    return [tuple(hit) for hit in ordered], more


def load_hits(hits, query, expanded_page_id=None):
    """Fill in pages, summaries and document snippets for the hits shown on one page.

    A fixed number of queries however many hits: one per page type and one for documents.
    The hit of `expanded_page_id` shows all its matching documents (bounded).
    """
    terms = query_terms(query)
    ids_by_type = {}
    for hit in hits:
        hit.document_limit = document_limit(hit, expanded_page_id)
        ids_by_type.setdefault(hit.content_type_id, []).append(hit.page_id)
    pages_by_id = {}
    for content_type_id, page_ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        pages_by_id.update(model.objects.in_bulk(page_ids))
    document_ids = {pk for hit in hits for pk in hit.document_ids[: hit.document_limit]}
    documents = get_document_model().objects.in_bulk(document_ids) if document_ids else {}
    shown = []
    for hit in hits:
        hit.page = pages_by_id.get(hit.page_id)
        if hit.page is None:
            continue
        hit.summary = highlight(hit.page.get_summary(), terms)
        hit.documents, hit.same_text_documents = split_by_snippet(
            hit.document_ids[: hit.document_limit], documents, terms
        )
        shown.append(hit)
    return shown
