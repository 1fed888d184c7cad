"""What search offers beside its ranked results: the editors' promoted pages for a query,
and for a query that found nothing, the query spelt as the site's own words are."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from search.ranking import load_hits, search_site, visible_pages
from search.text import query_terms


def promoted_pages(query, site, request=None):
    """Editors' promoted results for this exact query: only pages a visitor may see.

    Read only: the query is looked up as Wagtail's search promotions normalise it.
    """
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    if not promotions:
        return []
    visible_ids = set(
        visible_pages(site, request)
        .filter(pk__in=[promotion.page_id for promotion in promotions if promotion.page_id])
        .values_list("pk", flat=True)
    )
    return [
        promotion
        for promotion in promotions
        if (promotion.page_id in visible_ids) or (not promotion.page_id and promotion.link)
    ]


MAX_SUGGESTIONS = 5


@dataclass
class Suggestion:
    """A corrected query ("konferens" for "konferans") and the first pages it finds."""

    query: str
    pages: list

    @property
    def url(self):
        """The search for the corrected query: /sok/?q=konferens."""
        return f"{reverse('search')}?{urlencode({'q': self.query})}"


def suggest(query, site, request=None, found=0):
    """The query with misspelt words replaced by the closest words of the search lexicon
    (search/lexicon.py), if that finds more than the `found` hits the query found;
    with the first pages it finds when the query found nothing.

    Bounded cost: a few index lookups in the lexicon and one more search.
    """
    from search import lexicon as search_lexicon

    terms = query_terms(query)
    corrected = search_lexicon.corrected_terms(terms) if terms else None
    if not corrected:
        return None
    corrected_query = " ".join(corrected)
    outcome = search_site(corrected_query, site, request=request)
    if len(outcome.hits) <= found:
        return None
    if found:
        return Suggestion(corrected_query, [])
    shown = load_hits(outcome.hits[:MAX_SUGGESTIONS], corrected_query)
    return Suggestion(corrected_query, [hit.page for hit in shown])
