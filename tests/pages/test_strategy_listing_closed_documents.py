"""The strategy list's language filter offers and matches only the languages of the
documents the list shows: a strategy whose document lies in a restricted collection is
listed without its document link (core/privacy.py), so its document's language is
neither a choice nor a match (pages/listing.py ``with_public_document``)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from documents.factories import DocumentFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory


def closed_collection(kind):
    collection = Collection.get_first_root_node().add_child(name=f"Intern {kind}")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=kind,
        password="hemligt" if kind == "password" else "",
    )
    if kind == "groups":
        restriction.groups.add(Group.objects.get_or_create(name="Intern personal")[0])
    return collection


@pytest.mark.parametrize("kind", ["login", "password", "groups"])
def test_a_closed_documents_language_is_not_offered_nor_matched(client, home, kind):
    index = StrategyIndexPageFactory(parent=home)
    StrategyDocumentPageFactory(
        parent=index, title="Svensk strategi", document=DocumentFactory(language="sv")
    )
    hidden = DocumentFactory(title="Intern engelsk fil", language="en")
    hidden.collection = closed_collection(kind)
    hidden.save()
    StrategyDocumentPageFactory(
        parent=index,
        title="Strategi med intern fil",
        publication_date=datetime.date(2019, 1, 1),
        document=hidden,
    )

    plain = client.get(index.url).text
    filtered = client.get(index.url, {"sprak": "en"}).text

    assert "Strategi med intern fil" in plain  # the page itself is public
    assert "Intern engelsk fil" not in plain
    assert '<option value="en"' not in plain
    # An old address with that language: not a choice, so said and left out (all shown).
    assert "Det valet finns inte längre, så alla visas." in filtered
    assert '<option value="sv"' in plain


def test_an_open_documents_language_is_still_offered_and_matched(client, home):
    index = StrategyIndexPageFactory(parent=home)
    closed_collection("login")
    StrategyDocumentPageFactory(
        parent=index, title="English strategy", document=DocumentFactory(language="en")
    )

    filtered = client.get(index.url, {"sprak": "en"}).text

    assert '<option value="en" selected>' in filtered
    assert ">English strategy</a></h2>" in filtered


def test_a_strategy_whose_document_is_closed_does_not_match_its_language(client, home):
    index = StrategyIndexPageFactory(parent=home)
    StrategyDocumentPageFactory(
        parent=index, title="Öppen strategi", document=DocumentFactory(language="sv")
    )
    hidden = DocumentFactory(title="Intern svensk fil", language="sv")
    hidden.collection = closed_collection("login")
    hidden.save()
    StrategyDocumentPageFactory(parent=index, title="Strategi med intern fil", document=hidden)

    filtered = client.get(index.url, {"sprak": "sv"}).text

    assert '<option value="sv" selected>' in filtered
    assert ">Öppen strategi</a></h2>" in filtered
    assert "Strategi med intern fil" not in filtered
