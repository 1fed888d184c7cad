import datetime

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from contacts.factories import ContactPersonFactory
from documents.factories import DocumentFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from pages.models import HomePage, StrategyDocumentPage, StrategyIndexPage, TopicPage


def test_strategy_pages_only_live_in_the_strategy_index(db):
    assert StrategyIndexPage.can_create_at(HomePage()) is True
    assert StrategyDocumentPage.can_create_at(StrategyIndexPage()) is True
    assert StrategyDocumentPage.can_create_at(TopicPage()) is False
    assert StrategyDocumentPage.can_create_at(HomePage()) is False
    assert StrategyDocumentPage.allowed_subpage_models() == []


def test_strategy_page_shows_summary_document_topics_and_contact(client, home):
    index = StrategyIndexPageFactory(parent=home)
    topic = TopicPageFactory(parent=home, title="Smart specialisering")
    strategy = StrategyDocumentPageFactory(
        parent=index,
        title="Tillväxtverkets strategi",
        summary="<p>Så stödjer vi regionerna.</p>",
        publication_date=datetime.date(2017, 12, 1),
        document=DocumentFactory(title="Strategin som PDF", pages=4),
        contact=ContactPersonFactory(name="Cecilia Johansson"),
    )
    strategy.related_topics.set([topic])
    strategy.save()

    html = client.get(strategy.url).content.decode()

    assert "Så stödjer vi regionerna." in html
    assert '<time datetime="2017-12-01">1 december 2017</time>' in html
    assert 'Strategin som PDF</span> <span class="link-meta">(PDF, ' in html
    assert "4\xa0sidor)" in html
    assert "Smart specialisering" in html
    assert "Cecilia Johansson" in html


def test_strategy_index_lists_newest_first(client, home):
    index = StrategyIndexPageFactory(parent=home)
    StrategyDocumentPageFactory(
        parent=index, title="Äldre strategi", publication_date=datetime.date(2015, 1, 1)
    )
    StrategyDocumentPageFactory(
        parent=index, title="Nyare strategi", publication_date=datetime.date(2020, 1, 1)
    )

    html = client.get(index.url).content.decode()

    assert html.index("Nyare strategi") < html.index("Äldre strategi")


@pytest.mark.django_db
def test_editor_creates_strategy_page_through_admin(admin_client, home):
    index = StrategyIndexPageFactory(parent=home)
    document = DocumentFactory()
    data = nested_form_data(
        {
            "title": "Ny strategi",
            "slug": "ny-strategi",
            "summary": rich_text("<p>Sammanfattning.</p>"),
            "publication_date": "2024-03-01",
            "document": document.pk,
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/add/pages/strategydocumentpage/{index.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    page = StrategyDocumentPage.objects.get(slug="ny-strategi")
    assert page.live
    assert page.document == document
