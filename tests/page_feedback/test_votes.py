"""One vote per visitor per page (page_feedback/votes.py), and the rate limit's 429 with
Retry-After (RFC 6585 section 4, RFC 9110 section 10.2.3) and a time in words."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import signing
from django.core.cache import cache

from page_feedback import votes
from page_feedback.forms import ANSWER_SALT, page_token
from page_feedback.models import PageFeedback
from pages.factories import TopicPageFactory

ANSWER = "/sidrespons/svar/"
COMMENT = "/sidrespons/kommentar/"
TOKEN = re.compile(r'name="token" value="([^"]+)"')


def answer_id(response):
    """The answer the thank-you page's comment form adds a comment to."""
    return signing.loads(TOKEN.search(response.content.decode())[1], salt=ANSWER_SALT)


def vote_keys():
    """The vote keys in the test cache (LocMemCache keys carry the ":1:" prefix)."""
    return [key.split(":", 2)[2] for key in cache._cache if ":page_feedback:vote:" in key]


@pytest.fixture
def topic(home):
    return TopicPageFactory(parent=home, title="Exportstöd")


def answer(client, page, found="ja", **headers):
    return client.post(ANSWER, {"token": page_token(page.pk), "found": found}, **headers)


def test_repeated_answers_from_one_visitor_are_one_vote_and_each_is_thanked(client, topic):
    responses = [answer(client, topic) for _ in range(5)]

    assert [r.status_code for r in responses] == [200] * 5
    for response in responses:
        html = BeautifulSoup(response.content, "html.parser")
        assert html.h1.get_text() == "Tack för ditt svar"
        assert html.select_one("form.feedback-form textarea") is not None
        assert "Kommentaren skickades inte" not in response.content.decode()
    feedback = PageFeedback.objects.get()
    assert {answer_id(response) for response in responses} == {feedback.pk}


def test_a_comment_after_a_repeat_is_added_to_the_one_vote(client, topic):
    answer(client, topic, "ja")
    repeat = answer(client, topic, "ja")

    token = TOKEN.search(repeat.content.decode())[1]
    client.post(COMMENT, {"token": token, "comment": "Bra sida."})

    feedback = PageFeedback.objects.get()
    assert (feedback.found, feedback.comment) == (True, "Bra sida.")


def test_a_changed_answer_changes_the_one_vote(client, topic):
    answer(client, topic, "ja")
    answer(client, topic, "nej")

    assert list(PageFeedback.objects.values_list("found", flat=True)) == [False]


@pytest.mark.parametrize(
    "other",
    [
        {"REMOTE_ADDR": "192.0.2.7"},
        {"HTTP_USER_AGENT": "Firefox"},  # behind the same address (an office's NAT)
    ],
)
def test_other_visitors_and_other_pages_count_separately(client, home, topic, other):
    answer(client, topic)
    answer(client, topic, **other)
    answer(client, TopicPageFactory(parent=home))

    assert PageFeedback.objects.filter(page=topic).count() == 2
    assert PageFeedback.objects.count() == 3


def test_behind_proxies_the_visitor_is_the_address_the_proxy_names(client, topic, settings):
    settings.NUM_PROXIES = 1

    for forwarded in ("198.51.100.1", "203.0.113.5, 198.51.100.1", "198.51.100.2"):
        answer(client, topic, HTTP_X_FORWARDED_FOR=forwarded)

    # What the client wrote left of the proxy's entry does not make it a new visitor.
    assert PageFeedback.objects.count() == 2


def test_after_the_window_the_visitor_votes_again(client, topic, clock, settings):
    settings.PAGE_FEEDBACK_VOTE_WINDOW = 24 * 60 * 60
    answer(client, topic)
    clock.advance(24 * 60 * 60 - 1)
    answer(client, topic)
    clock.advance(2)

    answer(client, topic)

    assert PageFeedback.objects.count() == 2


def test_the_vote_is_kept_in_the_cache_under_a_keyed_hash_never_the_address(
    client, topic, settings
):
    answer(client, topic, REMOTE_ADDR="203.0.113.99")

    feedback = PageFeedback.objects.get()
    keys = vote_keys()
    assert len(keys) == 1 and "203.0.113.99" not in keys[0]
    request = type("R", (), {"META": {"REMOTE_ADDR": "203.0.113.99"}, "headers": {}})()
    key = votes.visitor_key(request, topic.pk)
    assert keys == [key] and cache.get(key) == feedback.pk
    settings.SECRET_KEY = "another secret"
    assert votes.visitor_key(request, topic.pk) != key  # keyed: not a plain hash


def test_two_clicks_at_once_leave_one_vote(client, topic, monkeypatch):
    """The second click finds no vote yet (the first is still being stored), stores
    its own, then loses cache.add to the first and removes its own."""
    first = answer(client, topic)
    assert first.status_code == 200
    monkeypatch.setattr(votes, "_earlier", _found_on_second_look(votes._earlier))

    second = answer(client, topic)

    assert second.status_code == 200
    assert PageFeedback.objects.count() == 1
    kept = PageFeedback.objects.get()
    assert answer_id(first) == answer_id(second) == kept.pk
    assert [cache.get(key) for key in vote_keys()] == [kept.pk]


def _found_on_second_look(earlier):
    looks = []

    def look(key, page):
        looks.append(key)
        return None if len(looks) == 1 else earlier(key, page)

    return look


def test_the_rate_limit_says_when_in_retry_after_and_in_words(client, home, settings, clock):
    settings.PAGE_FEEDBACK_RATE_LIMIT = (2, 3600)
    pages = [TopicPageFactory(parent=home) for _ in range(3)]
    answer(client, pages[0])
    clock.advance(59 * 60 + 10)
    answer(client, pages[1])

    response = answer(client, pages[2])

    assert response.status_code == 429
    assert response["Retry-After"] == "50"  # seconds left of the hour's window
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text() == "Svaret kunde inte sparas"
    assert "Vänta en stund: du kan svara igen om 1 minut." in html.get_text()
    assert "private" in response["Cache-Control"]
    clock.advance(50)
    assert answer(client, pages[2]).status_code == 200
