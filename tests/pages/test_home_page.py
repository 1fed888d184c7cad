import datetime

from django.utils import timezone

from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory
from pages.models import HomePage, HomePageFeaturedTopic


def test_home_page_is_the_only_one_and_sits_at_the_root(home):
    assert HomePage.can_create_at(home.get_parent()) is False  # max_count reached
    names = {model.__name__ for model in HomePage.allowed_subpage_models()}
    assert {"TopicPage", "StrategyIndexPage", "ConferenceIndexPage"} <= names


def test_home_page_picks_upcoming_conferences_and_newest_strategies(client, home):
    conferences = ConferenceIndexPageFactory(parent=home)
    soon = timezone.now() + datetime.timedelta(days=30)
    ConferencePageFactory(
        parent=conferences,
        title="Kommande konferens",
        start=soon,
        end=soon + datetime.timedelta(hours=6),
    )
    ConferencePageFactory(parent=conferences, title="Gammal konferens")  # 2018
    publications = StrategyIndexPageFactory(parent=home)
    StrategyDocumentPageFactory(
        parent=publications, title="Ny strategi", publication_date=datetime.date(2026, 1, 1)
    )

    html = client.get("/").content.decode()

    upcoming = html[html.index("Kommande konferenser") : html.index("Senaste konferenserna")]
    latest = html[html.index("Senaste konferenserna") : html.index('id="strategies-heading"')]
    assert "Kommande konferens" in upcoming
    assert "Gammal konferens" not in upcoming
    assert "Gammal konferens" in latest
    assert "Ny strategi" in html


def test_featured_topics_are_shown_in_editor_order(client, home):
    first = TopicPageFactory(parent=home, title="Först")
    second = TopicPageFactory(parent=home, title="Sedan")
    HomePageFeaturedTopic.objects.create(home=home, page=second, sort_order=0)
    HomePageFeaturedTopic.objects.create(home=home, page=first, sort_order=1)

    html = client.get("/").content.decode()

    featured = html[html.index('id="featured-heading"') :]
    assert featured.index("Sedan") < featured.index("Först")


def test_main_navigation_lists_menu_pages_and_marks_current(client, home):
    topics = TopicPageFactory(parent=home, title="Ämnesområden", show_in_menus=True)
    TopicPageFactory(parent=home, title="Dold", show_in_menus=False)

    html = client.get(topics.url).content.decode()
    nav = html[html.index('aria-label="Huvudmeny"') : html.index("</nav>")]

    assert "Ämnesområden" in nav
    assert "Dold" not in nav
    assert 'aria-current="page"' in nav
