"""The purge tests' fixtures: the recording front cache and a small site."""

import datetime

import pytest

from core.models import SiteSettings
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from tests.frontcache.purge.changes import FUTURE
from tests.frontcache.recording import RecordingBackend


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    """Runs a change as the admin would (committed) and returns the purged addresses."""
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.frontcache.recording.RecordingBackend"}
    }

    def run(change):
        RecordingBackend.purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        return set(RecordingBackend.purged)

    return run


@pytest.fixture
def site(home):
    topics = TopicPageFactory(parent=home, title="Ämnesområden", slug="amnen")
    topic = TopicPageFactory(parent=topics, title="Regional kapacitet", slug="regional")
    subtopic = TopicPageFactory(parent=topic, title="Smart specialisering", slug="smart")
    other_topic = TopicPageFactory(parent=topics, title="Landsbygd", slug="landsbygd")
    strategies = StrategyIndexPageFactory(parent=home)
    strategy = StrategyDocumentPageFactory(parent=strategies, slug="strategin")
    conferences = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(
        parent=conferences, slug="lulea", start=FUTURE, end=FUTURE + datetime.timedelta(hours=6)
    )
    # A site in use has its settings row (the first page view creates it, and with it a
    # purge of everything); publishing also renders the page for the web archive.
    SiteSettings.for_site(home.get_site())
    return {
        "home": home,
        "topics": topics,
        "topic": topic,
        "subtopic": subtopic,
        "other_topic": other_topic,
        "strategies": strategies,
        "strategy": strategy,
        "conferences": conferences,
        "conference": conference,
    }
