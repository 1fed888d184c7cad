"""An exact title match ranks first: a visitor who types a page's name wants that page.

Reciprocal rank fusion (search/ranking.py) lets a page whose documents repeat the word
outrank the page named by it ("konferenser" found the conference index third of four).
Here the best-ranked hits are checked, in one query, for a title made of exactly the
searched words (same normal form and word order, punctuation ignored), and those move
to the top in their fused order. The same on every database: nothing here depends on
the search backend's scores.
"""

from search.text import query_terms

# Only the best hits are checked: a page named by the query is found by its title, so it
# is always among them; the check stays one query of bounded size.
TITLE_CHECK_LIMIT = 50


def exact_title_first(hits, search_string, pages):
    """`hits` ([page id, ...] rows, best first) with exact title matches moved to the front.

    In: the ranked rows, the searched string and the queryset of visible pages.
    Out: a new list of the same rows. One query; none when there are no hits.
    """
    terms = query_terms(search_string)
    if not hits or not terms:
        return list(hits)
    candidates = [hit[0] for hit in hits[:TITLE_CHECK_LIMIT]]
    titles = pages.filter(pk__in=candidates).values_list("pk", "title")
    exact = {pk for pk, title in titles if query_terms(title) == terms}
    if not exact:
        return list(hits)
    return [hit for hit in hits if hit[0] in exact] + [hit for hit in hits if hit[0] not in exact]
