"""Suggestions ("Menade du"): a misspelt word is corrected to a word of the live public
pages, and the lexicon behind it is filled from the search index and can be rebuilt."""

import io

import pytest

from pages.factories import TopicPageFactory
from search.models import SearchWord
from tests.search.searching import search


@pytest.mark.parametrize(
    ("misspelt", "word"),
    [("konferans", "konferenser"), ("semnarier", "seminarier"), ("Glösbygden", "glesbygden")],
)
def test_misspelt_search_suggests_the_word_and_its_pages(client, home, misspelt, word):
    TopicPageFactory(
        parent=home,
        title="Konferenser och seminarier",
        introduction="Möten i glesbygden.",
    )

    html = search(client, misspelt)

    assert "0 träffar" in html
    assert f'Menade du <a href="/sok/?q={word}">{word}</a>?' in html
    assert "Menade du någon av de här sidorna?" in html
    assert ">Konferenser och seminarier</a></li>" in html


def test_only_misspelt_words_are_corrected(client, home):
    TopicPageFactory(parent=home, title="Export", introduction="Stöd till export i Norrbotten.")

    html = search(client, "export Nordbotten")

    assert 'Menade du <a href="/sok/?q=export+norrbotten">export norrbotten</a>?' in html


def test_suggestion_of_a_word_only_on_a_draft_or_private_page_is_not_offered(client, home):
    TopicPageFactory(parent=home, title="Hemligt", introduction="Kvantdatorer.", live=False)

    html = search(client, "kvantdatorr")

    assert "Sökningen gav inga träffar." in html
    assert "Menade du" not in html


def test_indexed_words_go_into_the_lexicon_and_can_be_rebuilt(home):
    from django.core.management import call_command

    page = TopicPageFactory(parent=home, title="Vätgas", introduction="Om vätgasens framtid.")
    assert {"vätgas", "vätgasens", "framtid"} <= set(
        SearchWord.objects.values_list("word", flat=True)
    )

    page.delete()
    call_command("rebuild_search_lexicon", stdout=io.StringIO())
    assert not SearchWord.objects.filter(word="vätgasens").exists()
    assert SearchWord.objects.filter(word="export").count() == 0


def test_search_without_hits_suggests_nothing_unrelated(client, home):
    TopicPageFactory(parent=home, title="Export", introduction="Om export.")

    html = search(client, "xyzzy")

    assert "Sökningen gav inga träffar." in html
    assert "Export</a></li>" not in html
