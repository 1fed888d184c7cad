"""A search results page costs the same queries however many pages match (issue 11)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.factories import TopicPageFactory


def search(client, query, **params):
    response = client.get("/sok/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_search_page_queries_stay_the_same_from_one_results_page_to_five(client, home):
    for number in range(5):
        TopicPageFactory(
            parent=home, title=f"Gammaord {number}", introduction="Gammaord i regionerna."
        )
    for number in range(50):
        TopicPageFactory(
            parent=home, title=f"Deltaord {number}", introduction="Deltaord i regionerna."
        )
    search(client, "regionerna")  # caches site root paths and content types, as in use

    with CaptureQueriesContext(connection) as five:
        html = search(client, "Gammaord")
    assert "5 träffar för ”Gammaord”" in html
    with CaptureQueriesContext(connection) as fifty:
        html = search(client, "Deltaord")
    assert "50 träffar för ”Deltaord”" in html
    assert html.count('class="search-result"') == 10

    assert len(fifty) == len(five)
