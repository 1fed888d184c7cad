"""Search promotions and counting (no write per search, a bounded counter), and what a search
costs: queries that do not grow with the results, a bounded cost for hostile queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from pages.factories import StrategyDocumentPageFactory, TopicPageFactory
from search import hits as search_hits
from tests.search.searching import search

from .conftest import make_document


def test_promoted_result_is_shown_first_and_only_when_public(client, home):
    found = TopicPageFactory(parent=home, title="Ämnet Bredband", introduction="Om bredband.")
    promoted = TopicPageFactory(parent=home, title="Stöd till bredband på landsbygden")
    draft = TopicPageFactory(parent=home, title="Utkast om bredband", live=False)
    query = Query.get("bredband")
    SearchPromotion.objects.create(query=query, page=promoted, sort_order=0, description="Stöd.")
    SearchPromotion.objects.create(query=query, page=draft, sort_order=1)

    html = search(client, "bredband")

    assert "Rekommenderat" in html
    assert html.index("Stöd till bredband på landsbygden") < html.index(found.title)
    assert "Stöd." in html
    assert "Utkast om bredband" not in html


def test_searches_are_counted_for_search_promotions_without_a_write_per_search(client, home):
    search_hits.flush()
    client.get("/")  # the site's first visit creates its default settings, once
    with CaptureQueriesContext(connection) as queries:
        search(client, "Tillväxt")
        search(client, "tillväxt ")
        search(client, "tillväxt", sida="2")  # the next page of results is not a new search

    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert not Query.objects.filter(query_string="tillväxt").exists()

    search_hits.flush()  # what each worker does at most once a minute
    assert Query.get("tillväxt").hits == 2
    search_hits.flush()
    assert Query.get("tillväxt").hits == 2


def test_a_flood_of_distinct_queries_fills_a_bounded_counter(client, home, monkeypatch):
    search_hits.flush()
    monkeypatch.setattr(search_hits, "MAX_PENDING", 3)
    for number in range(6):
        search(client, f"ord{number}")
    search(client, "ord0")

    assert len(search_hits.pending()) == 3
    assert search_hits.pending()[(timezone.localdate(), "ord0")] == 2
    search_hits.flush()


def _strategies_with_documents(strategies, count, word):
    for number in range(count):
        document = make_document(f"{word} rapport {number}", f"Om {word} i regionerna.")
        StrategyDocumentPageFactory(
            parent=strategies,
            title=f"{word} strategi {number}",
            summary=f"<p>{word}</p>",
            publication_date=datetime.date(2020, 1, 1),
            document=document,
        )


def test_search_page_queries_do_not_grow_with_the_number_of_results(client, strategies):
    _strategies_with_documents(strategies, 3, "Alfaord")
    _strategies_with_documents(strategies, 10, "Betaord")
    search(client, "regionerna")  # caches site root paths and content types, as in use

    with CaptureQueriesContext(connection) as three:
        html = search(client, "Alfaord")
    assert html.count('class="search-result"') == 3
    with CaptureQueriesContext(connection) as ten:
        html = search(client, "Betaord")
    assert html.count('class="search-result"') == 10

    assert len(ten) == len(three)


@pytest.mark.parametrize(
    "params",
    [
        {"q": " ".join(f"ord{number}" for number in range(2000))},  # thousands of terms
        {"q": "a" * 5000},  # one very long word
        {"q": "x" * 199},
        {"q": " ".join(["konferens"] * 60)},
        {"q": "konferens", "sida": "999999"},
        {"q": "konferens", "sida": "-1"},
        {"q": "konferans", "sida": "abc"},
    ],
)
def test_hostile_queries_cost_a_bounded_amount(client, home, params):
    TopicPageFactory(parent=home, title="Konferenser", introduction="Om konferenser.")
    search(client, "konferens")  # warm the caches

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", params)

    assert response.status_code == 200
    assert len(queries) <= 25
