"""Site search as a visitor meets it: the form on every page, what is found (pages, text
inside documents, other forms of a word), what never is (drafts, private pages, restricted
documents), narrowing by type, pages of results and hostile input.

Suggestions: test_search_suggestions.py; promotions, counting and cost:
test_search_counts_and_cost.py."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from documents.pdf_writer import PdfPage, build_pdf
from events.factories import ConferencePageFactory, SpeakerFactory
from pages.factories import StrategyDocumentPageFactory, TopicPageFactory
from tests.search.searching import search

from .conftest import documents_body, make_document, publish

PDF_ONLY_PHRASE = "entreprenöriell upptäcktsprocess i norra Sveriges glesbygd"


def test_every_page_has_a_search_form_that_works_without_javascript(client, home):
    html = client.get(home.url).content.decode()

    assert '<form class="site-search" action="/sok/" method="get" role="search">' in html
    label = '<label class="site-search__label" for="site-search-query">Sök på webbplatsen</label>'
    assert label in html
    assert 'name="q"' in html


def test_search_page_without_query_asks_for_words(client, home):
    html = search(client, "")

    assert "<h1>Sök</h1>" in html
    assert "Skriv ett eller flera ord i sökrutan." in html


def test_search_finds_page_by_its_text(client, home):
    TopicPageFactory(parent=home, title="Regional kapacitet", introduction="Om Norrbottens län.")

    html = search(client, "Norrbottens")

    assert "Regional kapacitet" in html
    assert "1 träff för ”Norrbottens”" in html
    assert "<mark>Norrbottens</mark>" in html


def test_phrase_only_inside_the_strategy_pdf_finds_the_strategy_page_with_a_snippet(
    client, strategies
):
    document = make_document("Strategi för glesbygden", f"Regioner arbetar i en {PDF_ONLY_PHRASE}.")
    strategy = StrategyDocumentPageFactory(
        parent=strategies, title="Strategi för Smart specialisering", document=document
    )

    html = search(client, PDF_ONLY_PHRASE)

    assert f'href="{strategy.url}"' in html
    assert "Träff i dokumentet" in html
    assert f'href="{document.url}"' in html
    assert "<mark>entreprenöriell</mark> <mark>upptäcktsprocess</mark>" in html


def test_hit_in_a_speakers_presentation_shows_the_conference(client, conferences):
    conference = ConferencePageFactory(parent=conferences, title="Nationell konferens 2018")
    slides = make_document("Bilder", "Klusterpolitik i Baskien och Orkestra.")
    SpeakerFactory(conference=conference, name="James Wilson", presentation=slides)
    publish(conference)

    html = search(client, "Klusterpolitik")

    assert "Nationell konferens 2018" in html
    assert "<mark>Klusterpolitik</mark> i Baskien" in html
    assert 'class="search-result__type">Konferens<' in html


def test_other_forms_of_a_word_are_found(client, home):
    TopicPageFactory(parent=home, title="Möten", introduction="Vi ordnar en konferens om året.")
    TopicPageFactory(parent=home, title="Planer", introduction="Läs vår strategi för regionerna.")

    assert "Möten" in search(client, "konferenser")
    assert "Planer" in search(client, "strategin")
    assert "Planer" in search(client, "strategier")


def test_drafts_private_pages_and_their_documents_never_appear(client, home, strategies):
    draft_document = make_document("Utkastbilaga", "Hemligaordet finns i utkastets bilaga.")
    StrategyDocumentPageFactory(
        parent=strategies, title="Utkaststrategi", live=False, document=draft_document
    )
    private_document = make_document("Privat bilaga", "Hemligaordet finns i den privata bilagan.")
    private = StrategyDocumentPageFactory(
        parent=strategies, title="Privat strategi", document=private_document
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    unpublished = TopicPageFactory(parent=home, title="Avpublicerad", introduction="Hemligaordet.")
    unpublished.unpublish()
    make_document("Lös fil", "Hemligaordet finns i en fil som ingen sida visar.")

    html = search(client, "Hemligaordet")

    assert "0 träffar" in html
    for text in ["Utkast", "Privat", "Avpublicerad", "Lös fil", "<mark>"]:
        assert text not in html.split("<main")[1]


def test_documents_in_restricted_collections_never_appear(client, strategies):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Internt")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type="password", password="x"
    )
    document = make_document("Intern rapport", "Budgetunderlaget för nästa år.", internal)
    StrategyDocumentPageFactory(parent=strategies, title="Öppen strategi", document=document)

    html = search(client, "Budgetunderlaget")

    assert "0 träffar" in html
    assert "Intern rapport" not in html


def test_document_added_only_in_a_draft_is_not_shown_under_the_live_page(client, home):
    topic = publish(TopicPageFactory(parent=home, title="Ämne med bilaga"))
    attachment = make_document("Ny bilaga", "Kvartalsrapporten för hösten.")
    topic.body = documents_body(attachment)
    topic.save_revision()  # a draft: visitors still see the published page without it

    html = search(client, "Kvartalsrapporten")

    assert "Ämne med bilaga" not in html
    assert "0 träffar" in html


def test_results_can_be_narrowed_to_one_type(client, home, strategies, conferences):
    TopicPageFactory(parent=home, title="Ämnet Innovation", introduction="Innovation i regioner.")
    ConferencePageFactory(parent=conferences, title="Innovationsdagen", introduction="Innovation.")

    everything = search(client, "innovation")
    conferences_only = search(client, "innovation", typ="konferens")

    assert "Ämnet Innovation" in everything and "Innovationsdagen" in everything
    assert "Innovationsdagen" in conferences_only
    assert "Ämnet Innovation" not in conferences_only
    assert 'href="?q=innovation&amp;typ=konferens" aria-current="page"' in conferences_only
    assert 'Konferenser <span class="search-filter__count">(1)</span>' in everything


def test_unknown_type_shows_all_results(client, home):
    TopicPageFactory(parent=home, title="Ämnet Export", introduction="Export.")

    assert "Ämnet Export" in search(client, "export", typ="<script>")


def test_results_are_paginated_and_hostile_page_numbers_are_harmless(client, home):
    for number in range(12):
        TopicPageFactory(parent=home, title=f"Turism {number:02d}", introduction="Om besöksnäring.")

    first = search(client, "besöksnäring")
    second = search(client, "besöksnäring", sida="2")

    assert "12 träffar" in first
    assert first.count('class="search-result"') == 10
    assert second.count('class="search-result"') == 2
    assert 'href="?q=bes%C3%B6ksn%C3%A4ring&amp;sida=2"' in first
    assert search(client, "besöksnäring", sida="abc").count('class="search-result"') == 10
    assert search(client, "besöksnäring", sida="99999").count('class="search-result"') == 2
    assert search(client, "besöksnäring", sida="-1").count('class="search-result"') == 2


@pytest.mark.parametrize(
    "query",
    ['"', "'", "\x00", "a" * 5000, "OR AND NOT", "(", "*", "NEAR(a b)", "konf*", "<script>", "%"],
)
def test_hostile_queries_never_break_the_page(client, home, query):
    TopicPageFactory(parent=home, title="Ämnet Export", introduction="Export.")

    response = client.get("/sok/", {"q": query})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main")[1]


def test_too_long_query_is_explained(client, home):
    html = search(client, "a" * 201)

    assert "Skriv högst 200 tecken i sökrutan." in html


def test_replacing_a_documents_file_makes_search_find_the_new_text_not_the_old(
    admin_client, strategies
):
    document = make_document("Årsrapport", "Den gamla texten om Fiskodling.")
    StrategyDocumentPageFactory(
        parent=strategies, title="Strategi med årsrapport", document=document
    )
    assert "Strategi med årsrapport" in search(admin_client, "Fiskodling")
    replacement = build_pdf("Årsrapport", "Ny", [PdfPage("Avsnitt", ["Nu om Vindkraft."])])

    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": "Årsrapport",
            "file": SimpleUploadedFile("arsrapport.pdf", replacement, "application/pdf"),
            "collection": document.collection_id,
            "language": "sv",
        },
    )

    assert response.status_code == 302
    assert "Strategi med årsrapport" in search(admin_client, "Vindkraft")
    assert "Strategi med årsrapport" not in search(admin_client, "Fiskodling")


def test_hit_in_a_document_linked_from_rich_text_shows_the_linking_page(client, home):
    memo = make_document("Promemoria", "Vattenförsörjningen i skärgården.")
    body = json.dumps(
        [
            {
                "type": "text",
                "value": {"text": f'<p>Läs <a linktype="document" id="{memo.pk}">vår PM</a>.</p>'},
            }
        ]
    )
    publish(TopicPageFactory(parent=home, title="Skärgårdsfrågor", body=body))

    html = search(client, "Vattenförsörjningen")

    assert "Skärgårdsfrågor" in html
    assert "<mark>Vattenförsörjningen</mark>" in html


def test_cached_rankings_follow_every_change_to_the_index_and_the_tree(client, home):
    """Rankings are cached (search/ranking.py ranked_hits); no visitor sees a stale one."""
    assert "Sökningen gav inga träffar." in search(client, "Havsbaserad")

    page = TopicPageFactory(parent=home, title="Vindkraft", introduction="Havsbaserad vindkraft.")
    assert "1 träff för ”Havsbaserad”" in search(client, "Havsbaserad")

    page.introduction = "Landbaserad vindkraft."
    publish(page)
    assert "Sökningen gav inga träffar." in search(client, "Havsbaserad")
    assert "1 träff för ”Landbaserad”" in search(client, "Landbaserad")

    page.unpublish()
    assert "Sökningen gav inga träffar." in search(client, "Landbaserad")
