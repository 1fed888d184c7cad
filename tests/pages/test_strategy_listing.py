import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.factories import DocumentFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory


@pytest.fixture
def listing(home):
    index = StrategyIndexPageFactory(parent=home)
    export = TopicPageFactory(parent=home, title="Export")
    tourism = TopicPageFactory(parent=home, title="Turism")

    def strategy(title, date, topic, language="sv"):
        page = StrategyDocumentPageFactory(
            parent=index,
            title=title,
            publication_date=date,
            document=DocumentFactory(title=f"{title} (fil)", language=language),
        )
        page.related_topics.add(topic)
        page.save()
        return page

    strategy("Exportstrategi 2017", datetime.date(2017, 3, 1), export)
    strategy("Turismstrategi 2019", datetime.date(2019, 5, 1), tourism)
    strategy("Export strategy 2019", datetime.date(2019, 9, 1), export, language="en")
    return {"index": index, "export": export, "tourism": tourism}


def titles(html):
    return [
        title
        for title in ["Export strategy 2019", "Turismstrategi 2019", "Exportstrategi 2017"]
        if f">{title}</a></h2>" in html
    ]


def get(client, listing, **params):
    response = client.get(listing["index"].url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_strategies_are_listed_newest_first(client, listing):
    html = get(client, listing)

    positions = [html.index(title) for title in titles(html)]
    assert titles(html) == ["Export strategy 2019", "Turismstrategi 2019", "Exportstrategi 2017"]
    assert positions == sorted(positions)


def test_filter_form_works_without_javascript(client, listing):
    html = get(client, listing)

    assert '<form class="listing-filter" method="get"' in html
    for name, label in [("amne", "Ämne"), ("ar", "År"), ("sprak", "Språk")]:
        assert f'<label for="id_{name}">{label}</label>' in html
        assert f'<select name="{name}" id="id_{name}"' in html
    assert '<button class="button" type="submit">Visa</button>' in html


def test_filter_by_topic(client, listing):
    html = get(client, listing, amne=listing["export"].pk)

    assert titles(html) == ["Export strategy 2019", "Exportstrategi 2017"]
    assert f'<option value="{listing["export"].pk}" selected>Export</option>' in html


def test_filter_by_year(client, listing):
    assert titles(get(client, listing, ar="2019")) == [
        "Export strategy 2019",
        "Turismstrategi 2019",
    ]


def test_filter_by_document_language(client, listing):
    html = get(client, listing, sprak="en")

    assert titles(html) == ["Export strategy 2019"]
    assert '<option value="en" selected>Engelska</option>' in html


def test_filters_combine(client, listing):
    assert titles(get(client, listing, amne=listing["export"].pk, ar="2017")) == [
        "Exportstrategi 2017"
    ]


def test_filter_with_no_match_says_so(client, listing):
    html = get(client, listing, amne=listing["tourism"].pk, sprak="en")

    assert titles(html) == []
    assert "Inga publikationer matchar de valda filtren." in html


@pytest.mark.parametrize(
    "params",
    [
        {"amne": "abc"},
        {"amne": "999999"},
        {"ar": "1800"},
        {"ar": "2019-01"},
        {"sprak": "<script>"},
        {"sida": "abc"},
        {"sida": "99999"},
        {"sida": "-3"},
        {"amne": ["1", "2"], "ar": "\x00"},
    ],
)
def test_hostile_query_strings_show_the_listing_with_an_explanation(client, listing, params):
    html = get(client, listing, **params)

    assert len(titles(html)) == 3
    assert "<script>" not in html.split("<main")[1]
    if set(params) - {"sida"}:
        assert "Det valet finns inte längre, så alla visas." in html


def test_listing_is_paginated_and_pages_keep_the_filters(client, home):
    index = StrategyIndexPageFactory(parent=home)
    for number in range(12):
        StrategyDocumentPageFactory(
            parent=index,
            title=f"Rapport nummer {number:02d}",
            publication_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
        )

    first = client.get(index.url, {"ar": "2020"}).content.decode()
    second = client.get(index.url, {"ar": "2020", "sida": "2"}).content.decode()

    assert first.count('class="listing__item"') == 10
    assert second.count('class="listing__item"') == 2
    assert "Rapport nummer 11" in first and "Rapport nummer 00" in second
    assert 'href="?ar=2020&amp;sida=2"' in first
    assert "12 publikationer, sida 1 av 2" in " ".join(first.split())


def test_only_choices_that_show_something_are_offered(client, listing):
    html = get(client, listing)

    assert '<option value="2017">2017</option>' in html
    assert '<option value="2018">' not in html
    assert '<option value="fi">' not in html


def test_listing_queries_do_not_grow_with_the_number_of_strategies(client, home):
    index = StrategyIndexPageFactory(parent=home)
    StrategyDocumentPageFactory(parent=index)
    client.get(index.url)

    with CaptureQueriesContext(connection) as one:
        client.get(index.url)
    for _ in range(9):
        StrategyDocumentPageFactory(parent=index)
    client.get(index.url)  # new pages start a new cached site structure: warm it again
    with CaptureQueriesContext(connection) as ten:
        client.get(index.url)

    assert len(ten) == len(one)
