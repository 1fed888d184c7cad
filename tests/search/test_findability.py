"""Search that finds: exact titles first, each snippet once, the documents behind a hit,
corrections, and a page that says what it found. On SQLite and PostgreSQL alike (CI runs
this file on PostgreSQL through DATABASE_URL)."""

import re

import pytest
from django.core.management import call_command

from events.factories import ConferencePageFactory, SpeakerFactory
from pages.factories import TopicPageFactory
from search.documents import MAX_DOCUMENTS_PER_RESULT

from .conftest import make_document, publish

THEME = "Klusterpolitik och attraktiva platser i norra Sverige, en nationell konferens."


def search(client, query, **params):
    response = client.get("/sok/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html):
    return re.findall(r'class="search-result__title"><a href="[^"]*">([^<]*)</a>', html)


def conference_with_slides(conferences, count):
    """A conference whose `count` presentations all repeat the same passage."""
    conference = ConferencePageFactory(parent=conferences, title="Nationell konferens")
    for number in range(count):
        slides = make_document(f"Presentation {number}", THEME)
        SpeakerFactory(conference=conference, name=f"Talare {number}", presentation=slides)
    return publish(conference)


def test_demo_konferenser_puts_the_page_called_konferenser_first(client, db):
    call_command("load_demo_content", verbosity=0)

    titles = result_titles(search(client, "konferenser"))

    assert titles[0] == "Konferenser"
    assert len(titles) >= 3


@pytest.mark.parametrize(
    "query", ["Regional kapacitet", "regional KAPACITET", "regional, kapacitet"]
)
def test_exact_title_ranks_first_over_pages_that_repeat_the_words(client, home, query):
    for number in range(3):
        TopicPageFactory(
            parent=home,
            title=f"Stöd {number}",
            introduction="Regional kapacitet, regional kapacitet och mer regional kapacitet.",
        )
    TopicPageFactory(parent=home, title="Regional kapacitet", introduction="Om regioner.")

    assert result_titles(search(client, query))[0] == "Regional kapacitet"


def test_a_title_only_containing_the_words_is_not_promoted(client, home):
    TopicPageFactory(parent=home, title="Export", introduction="Export, export och export.")
    TopicPageFactory(parent=home, title="Export och import", introduction="Om handel.")

    assert result_titles(search(client, "export"))[0] == "Export"


def test_documents_repeating_one_passage_show_its_snippet_once(client, conferences):
    conference_with_slides(conferences, MAX_DOCUMENTS_PER_RESULT)

    html = search(client, "klusterpolitik")

    assert html.count('class="search-result__snippet"') == 1
    assert "Samma textavsnitt finns också i dokumenten" in html
    assert html.count('class="search-result__also"') == 1
    assert html.count("Presentation ") >= MAX_DOCUMENTS_PER_RESULT


def test_more_documents_is_a_link_that_shows_them_all(client, conferences):
    conference = conference_with_slides(conferences, MAX_DOCUMENTS_PER_RESULT + 5)

    html = search(client, "klusterpolitik")
    link = re.search(r'<p class="search-result__more"><a href="([^"]+)">([^<]+)</a>', html)

    assert link, "no link to the other documents"
    assert link.group(2) == "Ordet finns också i 5 dokument till på sidan"
    url = link.group(1).replace("&amp;", "&")
    assert url == f"?q=klusterpolitik&dokument={conference.pk}#traff-{conference.pk}"
    assert f'id="traff-{conference.pk}"' in html

    expanded = search(client, "klusterpolitik", dokument=str(conference.pk))
    assert "search-result__more" not in expanded
    for number in range(MAX_DOCUMENTS_PER_RESULT + 5):
        assert f"Presentation {number}</span>" in expanded
    assert expanded.count('class="search-result__snippet"') == 1


@pytest.mark.parametrize("value", ["x", "-1", "99999999999999999999", "<script>", ""])
def test_a_bad_documents_parameter_changes_nothing(client, conferences, value):
    conference_with_slides(conferences, MAX_DOCUMENTS_PER_RESULT + 1)

    html = search(client, "klusterpolitik", dokument=value)

    assert "Ordet finns också i 1 dokument till på sidan" in html


def test_misspelt_word_gets_a_suggestion_on_every_database(client, db):
    call_command("load_demo_content", verbosity=0)

    html = search(client, "konferans")

    assert 'Menade du <a href="/sok/?q=konferens">konferens</a>?' in html


def test_a_correctly_spelt_query_gets_no_suggestion(client, home):
    TopicPageFactory(parent=home, title="Turism", introduction="Turism i Norrbotten.")

    assert "Menade du" not in search(client, "norrbotten")


def test_page_says_how_many_hits_for_what_in_a_heading_screen_readers_hear(client, home):
    for number in range(3):
        TopicPageFactory(parent=home, title=f"Innovation {number}", introduction="Innovation.")

    html = search(client, "innovation")

    status = re.search(r'<div role="status">\s*<h2 class="search-summary"[^>]*>([^<]*)</h2>', html)
    assert status, "no hit count in a live region"
    assert status.group(1) == "3 träffar för ”innovation”"
    assert "<title>Sökresultat för ”innovation” (3 träffar)" in html
    assert '<ol class="search-results" aria-labelledby="search-summary"' in html
    assert html.count("<h1") == 1


def test_filters_fold_into_a_disclosure_that_works_without_javascript(
    client, home, strategies, conferences
):
    TopicPageFactory(parent=home, title="Ämnet Innovation", introduction="Innovation.")
    ConferencePageFactory(parent=conferences, title="Innovationsdagen", introduction="Innovation.")

    everything = search(client, "innovation")
    narrowed = search(client, "innovation", typ="konferens")

    assert '<details class="search-filters" data-search-filters>' in everything
    assert "<summary>Filtrera träffarna" in everything
    # A chosen filter is shown open, and the count says what it counts.
    assert '<details class="search-filters" data-search-filters open>' in narrowed
    assert "1 träff för ”innovation” bland Konferenser" in narrowed


def test_hits_found_in_documents_can_be_filtered(client, home, conferences):
    conference_with_slides(conferences, 1)
    TopicPageFactory(parent=home, title="Klusterpolitik i dag", introduction="Klusterpolitik.")

    everything = search(client, "klusterpolitik")
    in_documents = search(client, "klusterpolitik", typ="dokument")

    assert 'Träffar i dokument <span class="search-filter__count">(1)</span>' in everything
    assert result_titles(in_documents) == ["Nationell konferens"]
    assert set(result_titles(everything)) == {"Nationell konferens", "Klusterpolitik i dag"}
