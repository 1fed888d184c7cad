"""Every public URL that answers GET also answers HEAD (RFC 9110 §9.3.2: general-purpose
servers must support GET and HEAD), with the same status and headers and no body.

The walk covers every URL pattern outside the admin: a new pattern without a sample URL
here fails the first test, so the rule cannot be forgotten for a new view."""

import pytest
from django.urls import URLResolver, get_resolver, reverse
from wagtail.models import Locale, Page, PageViewRestriction

from contacts.factories import ContactPersonFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from feedback.factories import FeedbackFormPageFactory
from pages.factories import (
    AccessibilityStatementPageFactory,
    StrategyDocumentPageFactory,
    StrategyIndexPageFactory,
    TopicPageFactory,
)

# Not public: the admin (its own tests cover its access rules).
PRIVATE_PREFIXES = ("admin/",)


def public_patterns(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from public_patterns(pattern.url_patterns, route)
        elif not route.startswith(PRIVATE_PREFIXES):
            yield pattern.name


@pytest.fixture
def site_content(home):
    topic = TopicPageFactory(parent=home, slug="amne")
    conferences = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(parent=conferences, slug="konferens")
    strategies = StrategyIndexPageFactory(parent=home)
    strategy = StrategyDocumentPageFactory(parent=strategies)
    AccessibilityStatementPageFactory(parent=home)
    FeedbackFormPageFactory(parent=home)
    private = TopicPageFactory(parent=home, slug="intern")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="hemligt"
    )
    return {
        "topic": topic,
        "conference": conference,
        "strategy": strategy,
        # A document is public only while a live page uses it (pages/document_publicity.py).
        "document": strategy.document,
        "contact": ContactPersonFactory(),
        "restriction": restriction,
        "private": private,
    }


def sample_urls(content):
    """One URL per public URL pattern name; the page-serving pattern gets every live page."""
    document = content["document"]
    return {
        "wagtaildocs_serve": [document.url],
        "wagtaildocs_authenticate_with_password": None,  # see the test below
        "sitemap": [reverse("sitemap")],
        "robots_txt": [reverse("robots_txt")],
        "search": [reverse("search"), reverse("search") + "?q=konferens"],
        "new_publications_feed": [reverse("new_publications_feed")],
        "vcard": [reverse("contacts:vcard", args=[content["contact"].pk])],
        "order": [reverse("alternate_formats:order", args=[document.pk])],
        # POST only: where the "Hittade du det du sökte?" form of every page sends answers.
        "answer": None,
        "comment": None,
        "upcoming_ics": [reverse("events:upcoming_ics")],
        "conference_ics": [reverse("events:conference_ics", args=[content["conference"].pk])],
        "wagtailcore_authenticate_with_password": [
            reverse(
                "wagtailcore_authenticate_with_password",
                args=[content["restriction"].pk, content["private"].pk],
            )
        ],
        "wagtailcore_login": None,  # only in use when WAGTAIL_FRONTEND_LOGIN_URL is unset
        "serve_rendition": None,  # see test_head_on_an_image_rendition_answers_like_get
        # The web archive: off by default (404) or behind the archivists' login;
        # tests/archive/test_admin.py covers both.
        "review": None,
        "review_file": None,
        "public_versions": None,
        "public": None,
        "public_file": None,
        "wagtail_serve": [page.url for page in Page.objects.live().public().filter(depth__gt=1)],
    }


# RFC 9110 section 9.3.2: HEAD's header fields are those GET would send.
GET_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Content-Type", "Content-Length")


def assert_head_like_get(client, url):
    """HEAD answers ``url`` with GET's status and headers and no body. Returns True when
    the GET's body is the same on each request (its ETag then must be HEAD's too);
    a body with a fresh token or clock in it only needs the same headers present."""
    get = client.get(url)
    head = client.head(url)
    again = client.get(url)
    assert head.status_code == get.status_code, url
    assert get.status_code in (200, 302), (url, get.status_code)
    assert head["Content-Type"] == get["Content-Type"], url
    body = b"".join(head.streaming_content) if head.streaming else head.content
    assert body == b"", url
    for header in GET_HEADERS:
        assert head.has_header(header) == get.has_header(header), (url, header)
    stable = get.get("ETag") == again.get("ETag") and get.status_code == 200
    if stable:
        for header in GET_HEADERS:
            assert head.get(header) == get.get(header), (url, header)
    return stable


def test_every_public_url_pattern_has_a_sample(site_content):
    assert set(public_patterns()) == set(sample_urls(site_content))


def test_every_public_url_answers_head_as_get(client, site_content):
    urls = [url for group in sample_urls(site_content).values() if group for url in group]
    assert len(urls) >= 15
    stable = [url for url in urls if assert_head_like_get(client, url)]
    assert len(stable) >= 12  # pages, documents, search, sitemap, robots.txt, calendars...


def test_a_conditional_head_answers_304_like_get(client, site_content):
    """RFC 9110 section 13.1.1 and 13.1.3: If-None-Match with the current ETag, or
    If-Modified-Since with the current Last-Modified, gives 304 to HEAD as to GET."""
    urls = [url for group in sample_urls(site_content).values() if group for url in group]
    checked = 0
    for url in urls:
        get = client.get(url)
        if get.status_code != 200:
            continue
        if get.has_header("ETag") and get["ETag"] == client.get(url).get("ETag"):
            for method in (client.get, client.head):
                response = method(url, HTTP_IF_NONE_MATCH=get["ETag"])
                assert response.status_code == 304, (url, method)
                assert response["ETag"] == get["ETag"], url
            assert client.head(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200, url
            checked += 1
        if get.has_header("Last-Modified"):
            since = get["Last-Modified"]
            assert client.head(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304, url
    assert checked >= 12


def test_head_of_an_english_page_carries_its_etag(client, home):
    from tests.i18n.conftest import translate

    english = translate(home, Locale.objects.get_or_create(language_code="en")[0])
    get = client.get(english.url)
    head = client.head(english.url, HTTP_IF_NONE_MATCH=get["ETag"])

    assert english.url == "/en/"
    assert client.head(english.url)["ETag"] == get["ETag"]
    assert head.status_code == 304


@pytest.mark.parametrize(
    "url_name", ["robots_txt", "search", "upcoming_ics", "conference_ics", "vcard"]
)
def test_head_is_not_405_where_it_was(client, site_content, url_name):
    """The URLs the issue named: each answered 405 Method Not Allowed to HEAD."""
    (url,) = sample_urls(site_content)[url_name][-1:]
    response = client.head(url)
    assert response.status_code == 200
    assert "Allow" not in response


def test_head_on_a_missing_object_is_404_not_405(client, site_content):
    assert client.head(reverse("contacts:vcard", args=[999999])).status_code == 404
    assert client.head(reverse("events:conference_ics", args=[999999])).status_code == 404
    assert client.head("/finns-inte/").status_code == 404


def test_head_on_search_counts_no_search(client, site_content):
    from wagtail.contrib.search_promotions.models import Query

    from search import hits as search_hits

    search_hits.flush()  # searches are counted in batches (search/hits.py)
    client.head(reverse("search") + "?q=regional")
    search_hits.flush()
    assert not Query.objects.filter(query_string="regional", daily_hits__isnull=False).exists()
    client.get(reverse("search") + "?q=regional")
    search_hits.flush()
    assert Query.objects.filter(query_string="regional", daily_hits__isnull=False).exists()


def test_head_on_an_image_rendition_answers_like_get(client, settings, home):
    from wagtail_factories import ImageFactory

    settings.SERVE_IMAGES = True
    rendition = ImageFactory().get_rendition("fill-20x20")

    assert_head_like_get(client, rendition.url)


def test_post_is_still_refused_on_read_only_views(client, site_content):
    for name in ("robots_txt", "search", "events:upcoming_ics"):
        assert client.post(reverse(name)).status_code == 405
