"""Every public URL that answers GET also answers HEAD (RFC 9110 §9.3.2: general-purpose
servers must support GET and HEAD), with the same status and headers and no body.

The walk covers every URL pattern outside the admin: a new pattern without a sample URL
here fails the first test, so the rule cannot be forgotten for a new view."""

import pytest
from django.urls import URLResolver, get_resolver, reverse
from wagtail.models import Page, PageViewRestriction

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


def assert_head_like_get(client, url):
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == get.status_code, url
    assert get.status_code in (200, 302), (url, get.status_code)
    assert head["Content-Type"] == get["Content-Type"], url
    body = b"".join(head.streaming_content) if head.streaming else head.content
    assert body == b"", url


def test_every_public_url_pattern_has_a_sample(site_content):
    assert set(public_patterns()) == set(sample_urls(site_content))


def test_every_public_url_answers_head_as_get(client, site_content):
    urls = [url for group in sample_urls(site_content).values() if group for url in group]
    assert len(urls) >= 15
    for url in urls:
        assert_head_like_get(client, url)


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
