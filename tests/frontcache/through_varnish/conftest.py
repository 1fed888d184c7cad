"""A small site whose pages show each other's content, for the tests through Varnish."""

import datetime

import pytest

from contacts.factories import ContactPersonFactory
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from pages.models import HomePageFeaturedTopic
from tests.frontcache.through_varnish.seen import FUTURE


@pytest.fixture
def site(home):
    contact = ContactPersonFactory(name="Cecilia Johansson", phone="08-681 91 32")
    topics = TopicPageFactory(parent=home, title="Ämnesområden", slug="amnen", show_in_menus=True)
    topic = TopicPageFactory(parent=topics, title="Regional kapacitet", slug="regional")
    subtopic = TopicPageFactory(parent=topic, title="Smart specialisering", slug="smart")
    strategies = StrategyIndexPageFactory(parent=home, show_in_menus=True)
    document = DocumentFactory(title="Strategidokumentet")
    strategy = StrategyDocumentPageFactory(
        parent=strategies, title="Strategi för smart specialisering", document=document
    )
    conferences = ConferenceIndexPageFactory(parent=home, show_in_menus=True)
    conference = ConferencePageFactory(
        parent=conferences,
        title="Nationell konferens i Luleå",
        slug="lulea",
        start=FUTURE,
        end=FUTURE + datetime.timedelta(hours=7),
        contact=contact,
    )
    block_page = TopicPageFactory(
        parent=topics,
        title="Konferenssida",
        slug="konferenssida",
        body=[("conference", {"conference": conference, "show_speakers": True})],
    )
    HomePageFeaturedTopic.objects.create(home=home, page=topic, sort_order=0)
    # Published as an editor would, so they carry publication dates (the Atom feed).
    for page in (strategy, conference):
        page.save_revision().publish()
    return {
        "home": home,
        "topics": topics,
        "topic": topic,
        "subtopic": subtopic,
        "strategies": strategies,
        "strategy": strategy,
        "document": document,
        "conferences": conferences,
        "conference": conference,
        "block_page": block_page,
        "contact": contact,
    }
