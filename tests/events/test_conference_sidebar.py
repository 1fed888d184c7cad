"""Issue 12: a conference page reads like a topic page, with its section (the conference
list and its conferences) and related pages beside the text, after it on phones."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from events.factories import STOCKHOLM, ConferenceIndexPageFactory, ConferencePageFactory
from events.sidebar import SECTION_SIZE
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory


@pytest.fixture
def conferences(home):
    return ConferenceIndexPageFactory(parent=home)


def in_year(year, **kwargs):
    start = datetime.datetime(year, 3, 1, 9, 30, tzinfo=STOCKHOLM)
    return {"start": start, "end": start + datetime.timedelta(hours=6), **kwargs}


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_section_navigation_lists_the_conferences_newest_first_with_this_one_marked(
    client, conferences
):
    old = ConferencePageFactory(parent=conferences, **in_year(2016, title="Konferens 2016"))
    ConferencePageFactory(parent=conferences, **in_year(2020, title="Konferens 2020"))
    ConferencePageFactory(parent=conferences, **in_year(2018, title="Konferens 2018"))
    draft = ConferencePageFactory(parent=conferences, **in_year(2019, title="Utkast 2019"))
    draft.unpublish()

    nav = soup(client, old.url).select_one(".layout__aside nav.section-nav")

    assert nav.select_one(".section-nav__heading a")["href"] == conferences.url
    titles = [a.get_text() for a in nav.select(".section-nav__list a")]
    assert titles == ["Konferens 2020", "Konferens 2018", "Konferens 2016"]
    assert [a.get_text() for a in nav.select('[aria-current="page"]')] == ["Konferens 2016"]


def test_section_navigation_keeps_the_current_conference_in_a_long_list(client, conferences):
    oldest = ConferencePageFactory(parent=conferences, **in_year(2000, title="Den första"))
    for year in range(2001, 2001 + SECTION_SIZE + 2):
        ConferencePageFactory(parent=conferences, **in_year(year))

    nav = soup(client, oldest.url).select_one("nav.section-nav")

    links = nav.select(".section-nav__list a")
    assert len(links) == SECTION_SIZE
    assert links[-1].get_text() == "Den första"
    assert links[-1]["aria-current"] == "page"


def test_a_conference_alone_in_its_list_has_no_section_navigation(client, conferences):
    alone = ConferencePageFactory(parent=conferences)

    assert soup(client, alone.url).select_one("nav.section-nav") is None


def test_related_content_lists_the_pages_that_point_at_the_conference(client, home, conferences):
    conference = ConferencePageFactory(parent=conferences, title="Konferensen")
    topic = TopicPageFactory(parent=home, title="Smart specialisering")
    topic.related_pages.create(page=conference, sort_order=0)
    topic.save()
    index = StrategyIndexPageFactory(parent=home)
    strategy = StrategyDocumentPageFactory(parent=index, title="Strategin")
    linked = f'<p>Se <a linktype="page" id="{conference.pk}">konferensen</a>.</p>'
    strategy.summary = linked
    strategy.save()
    hidden = TopicPageFactory(parent=home, title="Slutet ämne")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    hidden.related_pages.create(page=conference, sort_order=0)
    hidden.save()

    nav = soup(client, conference.url).select_one(".layout__aside nav.related-content")

    assert sorted(a.get_text() for a in nav.select("a")) == ["Smart specialisering", "Strategin"]
    assert "Ämnessida" in nav.get_text()


def test_sidebar_comes_after_the_conference_text_in_reading_order(client, conferences):
    first = ConferencePageFactory(parent=conferences, **in_year(2017))
    ConferencePageFactory(parent=conferences, **in_year(2018))

    page = soup(client, first.url)

    layout = page.select_one("main .layout")
    parts = [child for child in layout.children if getattr(child, "name", None)]
    assert [part.get("class") for part in parts] == [
        ["article", "layout__main"],
        ["layout__aside"],
    ]
    assert page.select_one(".layout__main h1").get_text() == first.title
    assert len(page.select("h1")) == 1
