"""The search page in English (issue 15): /en/sok/ speaks English, finds English word
forms through English stemming (PostgreSQL) and lists pages in the reader's language
first."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from demo import english_content as en
from pages.factories import TopicPageFactory
from tests.i18n.conftest import translate

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="English stemming is PostgreSQL full-text search"
)


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".search-results h3 a, main h3 a")]


@pytest.fixture
def demo(demo_content, db):
    """The demo site, loaded once for the module (tests/conftest.py)."""


@pytest.fixture
def twin_topics(home, english):
    """A Swedish topic page and its English translation, both holding the word "Lund"."""
    swedish = TopicPageFactory(
        parent=home, title="Innovation i Lund", slug="innovation-i-lund", introduction="Lund."
    )
    swedish.save_revision().publish()
    en_home = translate(home, english, title="Home")
    english_page = translate(
        swedish, english, title="Innovation in Lund", slug="innovation-in-lund"
    )
    return en_home, swedish, english_page


def test_english_search_page_speaks_english(client, db):
    response = client.get("/en/sok/", {"q": "growth"})

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(strip=True) == "Search"
    # The search box of the English page searches in English again.
    assert soup.select_one("form.search-form")["action"] == "/en/sok/"


def test_swedish_search_page_stays_at_its_address(client, db):
    response = client.get("/sok/", {"q": "tillväxt"})

    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "sv"
    assert soup.h1.get_text(strip=True) == "Sök"
    assert soup.select_one("form.search-form")["action"] == "/sok/"


def test_results_in_the_readers_language_first(client, twin_topics):
    _en_home, swedish, english_page = twin_topics

    in_english = client.get("/en/sok/", {"q": "Lund"}).content.decode()
    in_swedish = client.get("/sok/", {"q": "Lund"}).content.decode()

    assert in_english.index(english_page.url) < in_english.index(f'"{swedish.url}"')
    assert in_swedish.index(f'"{swedish.url}"') < in_swedish.index(english_page.url)


@postgresql_only
def test_english_pages_are_indexed_with_english_stems(demo):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title::text FROM wagtailsearch_indexentry WHERE title::text LIKE %s",
            ["%'smart'%"],
        )
        titles = [row[0] for row in cursor.fetchall()]

    assert any("'specialis'" in title for title in titles)  # English: "specialisation"
    assert any("'specialisering'" in title for title in titles)  # Swedish, as before


@postgresql_only
def test_specialisations_finds_the_english_smart_specialisation_page(client, demo):
    html = client.get("/en/sok/", {"q": "specialisations"}).content.decode()

    assert f'href="/en/{en.SMART_SLUG}/"' in html or f"/{en.SMART_SLUG}/" in html
    assert en.SMART_TITLE in html
