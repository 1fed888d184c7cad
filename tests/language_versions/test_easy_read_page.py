"""Lättläst: the page type, its editor guidance, its link from the topic page, the index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import nested_form_data, rich_text

from language_versions.factories import EasyReadIndexPageFactory, EasyReadPageFactory
from language_versions.models import EasyReadIndexPage, EasyReadPage
from pages.factories import TopicPageFactory
from pages.models import HomePage, TopicPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return EasyReadIndexPageFactory(parent=home)


@pytest.fixture
def topic(home):
    return TopicPageFactory(parent=home, title="Smart specialisering", slug="smart")


def test_easy_read_pages_live_under_their_index_under_home():
    assert EasyReadIndexPage.can_create_at(HomePage()) is True
    assert EasyReadPage.can_create_at(EasyReadIndexPage()) is True
    assert EasyReadPage.can_create_at(HomePage()) is False
    assert EasyReadPage.can_create_at(TopicPage()) is False


def test_text_allows_paragraphs_h2_lists_and_links_but_no_tables_or_bold():
    features = EasyReadPage._meta.get_field("body").features
    assert set(features) == {"h2", "ol", "ul", "link"}


def test_editor_sees_the_easy_to_read_rules_and_their_source(admin_client, index):
    html = admin_client.get(
        f"/admin/pages/add/language_versions/easyreadpage/{index.pk}/"
    ).content.decode()
    for rule in (
        "korta meningar",
        "en tanke i varje mening",
        "inga förkortningar",
        "Förklara svåra ord",
        "Myndigheten för tillgänglig media",
        "DIGG:s webbriktlinjer",
    ):
        assert rule in html, rule


def test_editor_publishes_an_easy_read_page_for_a_topic(admin_client, client, index, topic):
    data = nested_form_data(
        {
            "title": "Om smart specialisering",
            "slug": "smart-specialisering",
            "topic": topic.pk,
            "body": rich_text("<p>Smart specialisering betyder att en region satsar.</p>"),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(
        f"/admin/pages/add/language_versions/easyreadpage/{index.pk}/", data
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    page = EasyReadPage.objects.get(slug="smart-specialisering")
    assert page.live and page.topic_id == topic.pk
    assert 'href="/lattlast/smart-specialisering/"' in client.get(topic.url).content.decode()


def test_a_second_easy_read_page_for_the_same_topic_is_refused(admin_client, index, topic):
    EasyReadPageFactory(parent=index, topic=topic)
    data = nested_form_data(
        {
            "title": "En till",
            "slug": "en-till",
            "topic": topic.pk,
            "body": rich_text("<p>Text.</p>"),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(
        f"/admin/pages/add/language_versions/easyreadpage/{index.pk}/", data
    )

    assert response.status_code == 200
    assert "Ämnessidan har redan en lättläst sida" in response.content.decode()
    assert EasyReadPage.objects.count() == 1


def test_page_is_swedish_marked_with_the_symbol_and_links_back_to_its_topic(client, index, topic):
    page = EasyReadPageFactory(parent=index, topic=topic, title="Om smart specialisering")

    html = client.get(page.url).content.decode()

    assert '<article class="article language-version" lang="sv">' in html
    assert html.count("<h1") == 1
    assert 'src="/static/language_versions/lattlast.svg" alt="Symbol för lättläst"' in html
    assert "Det här är en kort text." in html
    assert f'<a href="{topic.url}">Mer om Smart specialisering (inte lättläst)</a>' in html


def test_topic_page_links_to_its_live_easy_read_page_only(client, index, topic):
    page = EasyReadPageFactory(parent=index, topic=topic)
    other = TopicPageFactory(parent=topic.get_parent(), title="Annat ämne")

    html = client.get(topic.url).content.decode()
    assert f'href="{page.url}"' in html
    assert "Smart specialisering på lättläst svenska" in html
    assert "lättläst svenska" not in client.get(other.url).content.decode()

    page.unpublish()
    assert "lättläst svenska" not in client.get(topic.url).content.decode()


def test_index_lists_every_live_page_with_the_same_queries_however_many(client, index):
    EasyReadPageFactory(parent=index, title="Om arbete")
    client.get(index.url)
    with CaptureQueriesContext(connection) as one:
        html = client.get(index.url).content.decode()
    assert "Om arbete" in html and 'alt="Symbol för lättläst"' in html
    for title in ("Om företag", "Om regioner", "Om pengar"):
        EasyReadPageFactory(parent=index, title=title)
    client.get(index.url)
    with CaptureQueriesContext(connection) as four:
        html = client.get(index.url).content.decode()
    assert html.index("Om arbete") < html.index("Om företag") < html.index("Om pengar")
    assert len(four) == len(one)
