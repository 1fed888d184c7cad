import datetime
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_URL = "/flode/nytt.atom"


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def site_content(home):
    strategies = StrategyIndexPageFactory(parent=home)
    conferences = ConferenceIndexPageFactory(parent=home)
    return strategies, conferences


def entries(client):
    response = client.get(FEED_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_feed_lists_new_strategies_and_conferences_newest_first(client, home, site_content):
    strategies, conferences = site_content
    publish(StrategyDocumentPageFactory(parent=strategies, title="Första strategin"))
    publish(ConferencePageFactory(parent=conferences, title="Konferensen"))
    publish(StrategyDocumentPageFactory(parent=strategies, title="Andra strategin"))
    publish(TopicPageFactory(parent=home, title="Ett ämne"))

    feed = entries(client)

    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Andra strategin", "Konferensen", "Första strategin"]
    entry = next(feed.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/publikationer/")
    assert entry.find(f"{ATOM}id").text
    assert entry.find(f"{ATOM}updated").text
    assert entry.find(f"{ATOM}category").get("term") == "Strategier och rapporter"
    assert feed.find(f"{ATOM}title").text.startswith("Nytt från")
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Tillväxtverket"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/flode/nytt.atom"


def test_feed_leaves_out_drafts_and_private_pages(client, site_content):
    strategies, conferences = site_content
    StrategyDocumentPageFactory(parent=strategies, title="Utkast", live=False)
    private = publish(StrategyDocumentPageFactory(parent=strategies, title="Intern strategi"))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    publish(ConferencePageFactory(parent=conferences, title="Öppen konferens"))

    feed = entries(client)

    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Öppen konferens"]


def test_entry_summary_comes_from_the_page(client, site_content):
    strategies, _ = site_content
    publish(
        StrategyDocumentPageFactory(
            parent=strategies,
            summary="<p>Strategin <b>i korthet</b>.</p>",
            publication_date=datetime.date(2020, 1, 1),
        )
    )

    entry = next(entries(client).iter(f"{ATOM}entry"))

    assert entry.find(f"{ATOM}summary").text == "Strategin i korthet."


def test_every_page_announces_the_feed(client, home):
    html = client.get(home.url).content.decode()

    assert f'<link rel="alternate" type="application/atom+xml" href="{FEED_URL}"' in html


@pytest.mark.parametrize("path", [FEED_URL, "/en" + FEED_URL])
def test_a_feed_without_entries_is_the_same_on_every_request(client, home, site_content, path):
    # Regression: Django's generator dated an entry-less feed "now", so its ETag changed
    # every second; now it is dated by the home page's last publication.
    publish(home)
    first = client.get(path)
    assert first.status_code == 200
    feed = ET.fromstring(first.content)
    assert list(feed.iter(f"{ATOM}entry")) == []
    updated = datetime.datetime.fromisoformat(feed.find(f"{ATOM}updated").text)

    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    home.refresh_from_db()
    assert updated == home.last_published_at


def test_a_feed_with_entries_is_dated_by_its_newest_entry(client, site_content):
    strategies, _ = site_content
    page = publish(StrategyDocumentPageFactory(parent=strategies, title="Strategin"))

    feed = entries(client)

    page.refresh_from_db()
    updated = datetime.datetime.fromisoformat(feed.find(f"{ATOM}updated").text)
    assert updated == page.last_published_at
