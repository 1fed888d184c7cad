import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from documents.pdf_writer import PdfPage, build_pdf
from events.factories import ConferencePageFactory, SpeakerFactory
from pages.factories import StrategyDocumentPageFactory, TopicPageFactory
from search import hits as search_hits
from search.models import SearchWord

from .conftest import documents_body, make_document, publish

PDF_ONLY_PHRASE = "entreprenöriell upptäcktsprocess i norra Sveriges glesbygd"


def search(client, query, **params):
    response = client.get("/sok/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


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


def test_search_without_hits_suggests_nothing_unrelated(client, home):
    TopicPageFactory(parent=home, title="Export", introduction="Om export.")

    html = search(client, "xyzzy")

    assert "Sökningen gav inga träffar." in html
    assert "Export</a></li>" not in html


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
