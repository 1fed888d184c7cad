"""What shared caches may keep: every kind of response says whether it is shareable.

Anonymous answers that are the same for everybody carry ``Cache-Control: public,
s-maxage=…`` with stale-while-revalidate/stale-if-error (RFC 9111, RFC 5861), a strong
ETag that answers 304, and neither ``Vary: Cookie`` nor ``Set-Cookie``. Answers for one
person (forms with a CSRF token, editors, the admin, previews, redirects to a login)
say ``private, no-store``. core/http_cache.py decides.
"""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from contacts.factories import ContactPersonFactory
from documents.factories import DocumentFactory
from events.factories import ConferenceIndexPageFactory, ConferencePageFactory
from feedback.factories import FeedbackFormPageFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory, TopicPageFactory


def directives(response):
    return {
        part.strip().split("=")[0]: (part.strip().split("=") + [None])[1]
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    }


def assert_shared(response, max_age=None, s_maxage=None):
    cache_control = directives(response)
    assert "public" in cache_control, response.get("Cache-Control")
    assert "private" not in cache_control and "no-store" not in cache_control
    assert cache_control["s-maxage"] == str(s_maxage or settings.CACHE_S_MAXAGE)
    assert cache_control["max-age"] == str(settings.CACHE_MAX_AGE if max_age is None else max_age)
    assert cache_control["stale-while-revalidate"] == str(settings.CACHE_STALE_WHILE_REVALIDATE)
    assert cache_control["stale-if-error"] == str(settings.CACHE_STALE_IF_ERROR)
    assert "cookie" not in response.get("Vary", "").lower()
    assert not response.cookies, response.cookies


def assert_private(response):
    cache_control = directives(response)
    assert "private" in cache_control and "no-store" in cache_control, response.get("Cache-Control")
    assert "public" not in cache_control and "s-maxage" not in cache_control


@pytest.fixture
def site(home):
    topic = TopicPageFactory(parent=home, title="Regional kapacitet", slug="regional-kapacitet")
    subtopic = TopicPageFactory(parent=topic, title="Smart specialisering", slug="smart")
    strategies = StrategyIndexPageFactory(parent=home)
    strategy = StrategyDocumentPageFactory(parent=strategies, title="Strategin")
    conferences = ConferenceIndexPageFactory(parent=home)
    conference = ConferencePageFactory(
        parent=conferences,
        start=datetime.datetime(2030, 1, 31, 9, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 1, 31, 16, 0, tzinfo=datetime.UTC),
    )
    feedback = FeedbackFormPageFactory(parent=home, contact=ContactPersonFactory())
    return {
        "home": home,
        "topic": topic,
        "subtopic": subtopic,
        "strategies": strategies,
        "strategy": strategy,
        "conferences": conferences,
        "conference": conference,
        "feedback": feedback,
        "contact": ContactPersonFactory(name="Per Persson"),
    }


@pytest.mark.parametrize(
    "name", ["home", "topic", "subtopic", "strategies", "strategy", "conferences", "conference"]
)
def test_every_page_type_is_shareable_for_anonymous_visitors(client, site, name):
    response = client.get(site[name].url)

    assert response.status_code == 200
    assert_shared(response)


def test_a_page_answers_a_conditional_get_with_304_and_a_strong_etag(client, site):
    first = client.get(site["topic"].url)
    etag = first["ETag"]
    assert re.fullmatch(r'"[^"]+"', etag), "a strong validator (no W/)"

    again = client.get(site["topic"].url, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""
    assert_shared(again)
    changed = client.get(site["topic"].url, HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200


def test_head_is_shareable_like_get(client, site):
    response = client.head(site["conference"].url)

    assert response.status_code == 200
    assert_shared(response)


def test_listing_with_filters_and_search_results_are_shareable_per_address(client, site):
    listing = client.get(site["strategies"].url, {"ar": "2018"})
    results = client.get(reverse("search"), {"q": "strategin"})
    empty_search = client.get(reverse("search"))

    for response in (listing, results, empty_search):
        assert response.status_code == 200
        assert_shared(response)


def test_a_page_that_is_not_there_is_shared_briefly(client, site):
    response = client.get("/finns-inte/")

    assert response.status_code == 404
    assert_shared(response, max_age=0, s_maxage=settings.CACHE_NOT_FOUND_S_MAXAGE)


@pytest.mark.parametrize(
    ("url_name", "args", "max_age"),
    [
        ("robots_txt", [], 3600),
        ("sitemap", [], 3600),
        ("new_publications_feed", [], 900),
        ("events:upcoming_ics", [], 3600),
    ],
)
def test_feeds_sitemap_robots_and_calendar_are_shareable(client, site, url_name, args, max_age):
    response = client.get(reverse(url_name, args=args))

    assert response.status_code == 200
    assert_shared(
        response, max_age=max_age, s_maxage=settings.CACHE_LIFETIMES_BY_URL_NAME[url_name][1]
    )


def test_a_conference_calendar_file_and_a_vcard_are_shareable(client, site):
    ics = client.get(reverse("events:conference_ics", args=[site["conference"].pk]))
    vcard = client.get(reverse("contacts:vcard", args=[site["contact"].pk]))

    for response in (ics, vcard):
        assert response.status_code == 200
        assert_shared(response, max_age=3600)


def test_a_public_document_is_shareable_and_answers_304(client, site):
    document = site["strategy"].document
    response = client.get(document.url)
    assert response.status_code == 200
    assert_shared(response)
    b"".join(response.streaming_content)

    again = client.get(document.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_a_document_in_a_private_collection_is_never_shared(client, site):
    collection = Collection.get_first_root_node().add_child(name="Internt")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = DocumentFactory(collection=collection)

    response = client.get(document.url)

    assert response.status_code == 302
    assert_private(response)


def test_the_feedback_form_carries_a_fresh_form_token_no_cookie_and_is_never_shared(client, site):
    response = client.get(site["feedback"].url)

    assert response.status_code == 200
    assert 'name="form_token"' in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert_private(response)
    assert not response.cookies


def test_posting_the_feedback_form_works_and_the_answer_is_not_shared(client, site):
    shown = client.get(site["feedback"].url).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', shown)[1]
    response = client.post(
        site["feedback"].url,
        {
            "namn": "Anna",
            "e_post": "anna@example.com",
            "synpunkter": "Bra sida.",
            "form_token": token,
        },
        REMOTE_ADDR="192.0.2.44",
    )

    assert response.status_code == 200
    assert "Tack för dina synpunkter!" in response.content.decode()
    assert_private(response)


def test_pages_for_a_logged_in_editor_are_private(admin_client, site):
    for name in ("home", "topic", "conference"):
        response = admin_client.get(site[name].url)
        assert response.status_code == 200
        assert_private(response)
        assert "cookie" in response.get("Vary", "").lower()


def test_a_visitor_with_a_session_is_not_served_shared_answers(client, site):
    client.cookies[settings.SESSION_COOKIE_NAME] = "an-old-session"

    response = client.get(site["topic"].url)

    assert_private(response)


def test_the_admin_and_previews_are_private(admin_client, site):
    page = site["topic"]
    dashboard = admin_client.get(reverse("wagtailadmin_home"))
    preview = admin_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]))
    login = admin_client.get(reverse("wagtailadmin_login"))

    for response in (dashboard, preview, login):
        assert_private(response)


def test_a_password_protected_page_is_never_shared(client, site):
    PageViewRestriction.objects.create(
        page=site["subtopic"], restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    form = client.get(site["subtopic"].url)
    login_only = site["topic"]
    PageViewRestriction.objects.create(page=login_only, restriction_type="login")
    redirect = client.get(login_only.url)

    assert_private(form)
    assert redirect.status_code == 302
    assert_private(redirect)


def test_anonymous_pages_never_set_a_cookie_or_vary_on_cookies(client, site):
    for name in ("home", "topic", "strategy", "conference"):
        response = client.get(site[name].url)
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()
        assert "Set-Cookie" not in str(response.serialize_headers())


def test_shareable_pages_come_in_brotli_to_clients_that_take_it(client, site):
    import brotli

    plain = client.get(site["topic"].url)
    compressed = client.get(site["topic"].url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "br"
    assert brotli.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3
    assert "accept-encoding" in compressed["Vary"].lower()
    # Its own strong validator: another representation, other bytes (RFC 9110 8.8.3).
    assert compressed["ETag"] == plain["ETag"][:-1] + '-br"'
    assert_shared(compressed)

    again = client.get(
        site["topic"].url, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=compressed["ETag"]
    )
    assert again.status_code == 304
    assert again["ETag"] == compressed["ETag"]
    other = client.get(site["topic"].url, HTTP_IF_NONE_MATCH='"something-else-br"')
    assert other.status_code == 200


def test_answers_for_one_person_are_never_compressed_by_the_app(client, admin_client, site):
    form = client.get(site["feedback"].url, HTTP_ACCEPT_ENCODING="br")
    editor = admin_client.get(site["topic"].url, HTTP_ACCEPT_ENCODING="br")

    for response in (form, editor):
        assert "Content-Encoding" not in response
