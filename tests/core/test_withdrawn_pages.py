"""A withdrawn (inaktuell) page keeps its address and its notice, but nothing leads a
visitor to it any more: not the main menu, the section navigation, related content,
listings, the sitemaps or the feeds. Search still finds it, last (issue 13)."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from core import privacy
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from pages.models import SitemapPage, TopicPage, TopicRelatedPage

WITHDRAWN = {"withdrawn_at": datetime.date(2025, 3, 1), "withdrawn_reason": "Ersatt."}
FUTURE = datetime.datetime(2030, 5, 1, 9, 0, tzinfo=datetime.UTC)


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def link_texts(element):
    return [a.get_text(strip=True) for a in element.select("a")] if element else []


@pytest.fixture
def site(home):
    topics = TopicPageFactory(parent=home, title="Ämnen", slug="amnen", show_in_menus=True)
    TopicPageFactory(
        parent=home, title="Gammal meny", slug="gammal", show_in_menus=True, **WITHDRAWN
    )
    section = TopicPageFactory(parent=topics, title="Regional kapacitet", slug="regional")
    current = TopicPageFactory(parent=section, title="Smart specialisering", slug="smart")
    old_topic = TopicPageFactory(parent=section, title="Gammalt ämne", slug="gammalt", **WITHDRAWN)
    strategies = StrategyIndexPageFactory(parent=home)
    new_strategy = StrategyDocumentPageFactory(parent=strategies, title="Strategi 2025")
    old_strategy = StrategyDocumentPageFactory(
        parent=strategies, title="Strategi 2018", **WITHDRAWN
    )
    for strategy in (new_strategy, old_strategy):
        strategy.related_topics.add(section)
        strategy.save()
    conferences = ConferenceIndexPageFactory(parent=home)
    end = FUTURE + datetime.timedelta(hours=6)
    ConferencePageFactory(parent=conferences, title="Konferens 2030", start=FUTURE, end=end)
    ConferencePageFactory(
        parent=conferences, title="Inställd konferens", start=FUTURE, end=end, **WITHDRAWN
    )
    sitemap = home.add_child(instance=SitemapPage(title="Webbplatskarta", slug="karta"))
    return {
        "home": home,
        "section": section,
        "current": current,
        "old_topic": old_topic,
        "old_strategy": old_strategy,
        "sitemap": sitemap,
    }


def test_withdrawn_pages_leave_the_main_menu(client, site):
    html = soup(client, site["current"].url)

    menu = link_texts(html.select_one("nav.main-nav"))
    assert "Ämnen" in menu and "Gammal meny" not in menu


def test_withdrawn_pages_leave_the_section_navigation_and_subtopic_listing(client, site):
    current = soup(client, site["current"].url)
    section = soup(client, site["section"].url)

    navigation = link_texts(current.select_one("nav.section-nav"))
    assert "Smart specialisering" in navigation and "Gammalt ämne" not in navigation
    listed = section.select_one("main").get_text()
    assert "Smart specialisering" in listed and "Gammalt ämne" not in listed


def test_withdrawn_pages_leave_related_content_chosen_or_derived(client, site):
    TopicRelatedPage.objects.create(topic=site["section"], page=site["old_topic"], sort_order=0)
    TopicRelatedPage.objects.create(topic=site["section"], page=site["current"], sort_order=1)
    TopicPage.objects.get(pk=site["section"].pk).save_revision().publish()

    related = link_texts(soup(client, site["section"].url).select_one("nav.related-content"))

    assert related == ["Smart specialisering", "Strategi 2025"]


def test_withdrawn_pages_leave_both_sitemaps(client, site):
    xml = client.get("/sitemap.xml").content.decode()
    people = soup(client, site["sitemap"].url).select_one("main").get_text()

    locations = re.findall(r"<loc>(.*?)</loc>", xml)
    assert site["current"].get_full_url() in locations
    for page in (site["old_topic"], site["old_strategy"]):
        assert page.get_full_url() not in locations
        assert page.title not in people
    assert "Smart specialisering" in people


def test_withdrawn_pages_leave_feeds_and_the_conference_calendar(client, site):
    calendar = client.get(reverse("events:upcoming_ics")).content.decode()

    assert "Konferens 2030" in calendar and "Inställd konferens" not in calendar


def test_a_short_link_to_a_withdrawn_page_is_left_out_of_the_home_page(client, site):
    home = site["home"]
    home.quick_links.create(page=site["old_topic"], text="Gammalt", sort_order=0)
    home.quick_links.create(page=site["current"], text="Smart", sort_order=1)
    home.save()

    assert link_texts(soup(client, "/").select_one("nav.quick-links")) == ["Smart"]


def test_the_withdrawn_page_itself_stays_at_its_address_with_its_notice_first(client, site):
    html = soup(client, site["old_topic"].url)

    # In the page's header, right under its title: read before the text and its image.
    notice = html.select_one("header.page-intro h1 + .withdrawn-notice")
    assert "Inaktuell sedan 1 mars 2025" in notice.get_text()
    assert len(html.select(".withdrawn-notice")) == 1


def test_search_still_finds_a_withdrawn_page_after_the_current_ones(client, site):
    html = client.get("/sok/", {"q": "strategi"}).content.decode()

    titles = re.findall(r'class="search-result__title"><a href="[^"]*">([^<]*)</a>', html)
    assert "Strategi 2018" in titles
    assert titles.index("Strategi 2025") < titles.index("Strategi 2018")


def test_withdrawing_a_published_page_takes_it_out_at_once(client, site):
    current = TopicPage.objects.get(pk=site["current"].pk)
    current.withdrawn_at = datetime.date(2025, 6, 1)
    current.save_revision().publish()

    navigation = link_texts(soup(client, site["section"].url).select_one("nav.section-nav"))
    assert "Smart specialisering" not in navigation
    assert site["current"].pk in privacy.structure_cache.withdrawn_page_ids()


def test_one_place_decides_without_a_query_per_page(site, django_assert_num_queries):
    privacy.public_pages(TopicPage.objects.live())  # fills the structure cache

    with django_assert_num_queries(1):
        titles = [page.title for page in privacy.public_pages(TopicPage.objects.live())]

    assert "Gammalt ämne" not in titles and "Smart specialisering" in titles
