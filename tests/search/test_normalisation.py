"""Indexed text and queries share one normal form (NFKC, casefold, no invisible characters),
so a word is found however a PDF, a word processor or a keyboard wrote it.

Runs on SQLite here and on PostgreSQL in CI (DATABASE_URL), through the same views."""

import pytest

from pages.factories import StrategyDocumentPageFactory, TopicPageFactory
from search.text import normalise, query_terms, search_form, search_root, snippet, stem

from .conftest import make_document

LIGATURE_TEXT = "Regeringen beslutade om \ufb01nansiering av \ufb02ygplatser i norr."


def search(client, query):
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def _strategy_with_text(strategies, text):
    document = make_document("Beslut om flyg", "Inledning.")
    # What pypdf extracts from a PDF typeset with ligatures.
    document.text = text
    document.save()
    return StrategyDocumentPageFactory(
        parent=strategies, title="Strategi för tillgänglighet", document=document
    )


def test_pdf_text_with_ligatures_is_found_by_the_plain_word_with_a_snippet(client, strategies):
    strategy = _strategy_with_text(strategies, LIGATURE_TEXT)

    html = search(client, "finansiering")

    assert f'href="{strategy.url}"' in html
    assert "<mark>finansiering</mark> av flygplatser" in html
    assert "flygplatser" in search(client, "flygplatser")


@pytest.mark.parametrize(
    "query",
    [
        "\ufb01nansiering",  # a ligature pasted from a PDF
        "FINANSIERING",
        "finan\u00adsiering",  # soft hyphen
        "finansie\u200bring",  # zero-width space
        "\uff46\uff49\uff4e\uff41\uff4e\uff53\uff49\uff45\uff52\uff49\uff4e\uff47",  # full-width
    ],
)
def test_queries_in_other_unicode_forms_find_plain_text(client, home, query):
    TopicPageFactory(parent=home, title="Stöd", introduction="Om finansiering av flygplatser.")

    assert "1 träff" in search(client, query)


@pytest.mark.parametrize(
    "title",
    [
        "Regional\u00adutveckling i norr",  # soft hyphen an editor typed for line breaks
        "Regional\u200butveckling i norr",
        "Regionalutveckling\u00a0i\u00a0norr",  # non-breaking spaces
        "REGIONALUTVECKLING I NORR",
    ],
)
def test_page_fields_in_other_unicode_forms_are_found_by_the_plain_word(client, home, title):
    TopicPageFactory(parent=home, title=title, introduction="Om \ufb01skodling.")

    assert "1 träff" in search(client, "regionalutveckling")
    assert "1 träff" in search(client, "fiskodling")


def test_normal_form_composes_compatibility_characters_and_drops_invisible_ones():
    assert normalise("\ufb01nan\u00adsie\u200bring\u00a0av\u202f\ufb02yg") == "finansiering av flyg"
    assert normalise("Åre") == "Åre"  # Swedish letters stay (NFKC composes, never strips)
    assert search_form("STRAẞE Över") == "strasse över"
    assert query_terms("\ufb01nansiering, av \ufb02yg!") == ["finansiering", "av", "flyg"]


def test_snippet_marks_words_written_with_ligatures():
    html = snippet(LIGATURE_TEXT, query_terms("finansiering"))

    assert "<mark>finansiering</mark> av flygplatser" in html


def test_swedish_stems_and_roots_come_from_snowball():
    assert stem("konferenser") == "konferens"
    assert stem("Konferens") == "konfer"
    assert stem("strategier") == "strategi"
    assert search_root("konferenser") == search_root("konferens") == "konfer"
    assert search_root("strategin") == search_root("strategier") == "strategi"
    assert search_root("av") == ""
