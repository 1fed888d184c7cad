"""At most MAX_HITS pages are ranked; when more match, the heading says "Fler än …"
rather than a count that is only the limit (issue 11)."""

import pytest
from bs4 import BeautifulSoup

from pages.factories import TopicPageFactory
from search import ranking, views


@pytest.fixture
def limit_of_three(monkeypatch):
    monkeypatch.setattr(ranking, "MAX_HITS", 3)
    monkeypatch.setattr(views, "MAX_HITS", 3)


def topics(home, count, word="Epsilonord"):
    for number in range(count):
        TopicPageFactory(parent=home, title=f"{word} {number}", introduction=f"Om {word}.")


def heading_and_title(client, path, query):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("#search-summary").get_text(" ", strip=True), soup.title.get_text()


@pytest.mark.parametrize("count", [4, 5, 9])
def test_more_pages_than_the_limit_say_more_than(client, home, limit_of_three, count):
    topics(home, count)

    heading, title = heading_and_title(client, "/sok/", "Epsilonord")

    assert heading == "Fler än 3 träffar för ”Epsilonord”"
    assert title.startswith("Sökresultat för ”Epsilonord” (fler än 3 träffar)")


@pytest.mark.parametrize("count", [1, 2, 3])
def test_up_to_the_limit_the_heading_counts(client, home, limit_of_three, count):
    topics(home, count)

    heading, title = heading_and_title(client, "/sok/", "Epsilonord")

    noun = "träff" if count == 1 else "träffar"
    assert heading == f"{count} {noun} för ”Epsilonord”"
    assert f"({count} {noun})" in title


def test_more_than_the_limit_in_english(client, home, limit_of_three):
    topics(home, 4)

    heading, title = heading_and_title(client, "/en/sok/", "Epsilonord")

    assert heading == "More than 3 results for “Epsilonord”"
    assert "(more than 3 results)" in title
