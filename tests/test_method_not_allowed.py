"""A method an address does not take gets 405, the Allow header and a short Swedish page
(core/method_not_allowed.py), never an empty body nor a misleading CSRF refusal."""

import pytest
from django.test import Client
from django.urls import reverse

from feedback.factories import FeedbackFormPageFactory
from pages.factories import TopicPageFactory

HEADING = "Den här adressen tar inte emot det du skickade"


def assert_readable_405(response, allow):
    assert response.status_code == 405
    assert response["Allow"] == allow
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert html.count("<h1>") == 1 and HEADING in html
    assert '<html lang="sv">' in html
    assert 'href="/"' in html  # a way on: the start page (and the search form)


@pytest.mark.parametrize("method", ["get", "put", "delete", "patch"])
def test_post_only_endpoints_answer_other_methods_with_the_page(client, db, method):
    for name in ("page_feedback:answer", "page_feedback:comment"):
        response = getattr(client, method)(reverse(name))

        assert_readable_405(response, "OPTIONS, POST")


@pytest.mark.parametrize("name", ["robots_txt", "search", "sitemap", "events:upcoming_ics"])
def test_read_only_views_answer_a_post_with_the_page(client, home, name):
    assert_readable_405(client.post(reverse(name)), "GET, HEAD, OPTIONS")


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_an_ordinary_page_refuses_other_methods_with_405_not_a_csrf_refusal(home, method):
    browser = Client(enforce_csrf_checks=True)
    topic = TopicPageFactory(parent=home)

    response = getattr(browser, method)(topic.url)

    assert_readable_405(response, "GET, HEAD, OPTIONS")
    assert browser.get(topic.url).status_code == 200


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_the_feedback_form_takes_post_but_no_other_changing_method(client, home, method):
    feedback = FeedbackFormPageFactory(parent=home)

    response = getattr(client, method)(feedback.url)

    assert_readable_405(response, "GET, HEAD, OPTIONS, POST")


def test_head_to_a_post_only_endpoint_is_405_without_a_body(client, db):
    response = client.head(reverse("page_feedback:answer"))

    assert response.status_code == 405
    assert response["Allow"] == "OPTIONS, POST"
    assert response.content == b""


def test_the_page_is_sent_with_its_own_length(client, db):
    response = client.get(reverse("page_feedback:answer"))

    assert int(response["Content-Length"]) == len(response.content) > 0


def test_an_english_address_gets_the_page_in_english_with_a_way_back_to_swedish(client, home):
    response = client.post("/en/sok/?q=smart")

    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>This address does not accept what was sent</h1>" in html
    assert 'href="/en/"' in html
    assert 'href="/sok/?q=smart" lang="sv" hreflang="sv"' in html
