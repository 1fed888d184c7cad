"""A comment the site cannot take yet comes back in the form with what the visitor
wrote and a plain message (page_feedback/views.py); bad input is a 400, never a 500."""

import re
import time

import pytest
from django.core import signing

from page_feedback.forms import answer_token, page_token
from page_feedback.models import PageFeedback
from pages.factories import TopicPageFactory

ANSWER = "/sidrespons/svar/"
COMMENT = "/sidrespons/kommentar/"
TOKEN = re.compile(r'name="token" value="([^"]+)"')
TEXT = "Jag hittade inte ansökningsblanketten."


@pytest.fixture
def feedback(home):
    return PageFeedback.objects.create(page=TopicPageFactory(parent=home), found=False)


def old_token(feedback, monkeypatch, hours):
    then = time.time() - hours * 60 * 60
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: then)
        return answer_token(feedback.pk)


@pytest.mark.parametrize("hours", [2, 30, 24 * 40])
def test_an_expired_comment_form_says_so_keeps_the_text_and_sends_with_the_fresh_token(
    client, feedback, monkeypatch, hours
):
    old = old_token(feedback, monkeypatch, hours)

    response = client.post(COMMENT, {"token": old, "comment": TEXT})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Kommentaren skickades inte" in html
    assert "sidan var öppen för länge" in html
    assert "Ditt svar (ja eller nej) är sparat" in html
    assert f">{TEXT}</textarea>" in html
    assert "Svaret kunde inte sparas" not in html
    fresh = TOKEN.search(html)[1]
    assert fresh != old
    assert client.post(COMMENT, {"token": fresh, "comment": TEXT}).status_code == 200
    feedback.refresh_from_db()
    assert feedback.comment == TEXT


def test_a_rate_limited_comment_keeps_the_text_and_says_when_to_send_again(
    client, feedback, settings, clock
):
    settings.PAGE_FEEDBACK_RATE_LIMIT = (1, 3600)
    client.post(ANSWER, {"token": page_token(feedback.page_id), "found": "ja"})
    clock.advance(20 * 60 + 0.5)

    response = client.post(COMMENT, {"token": answer_token(feedback.pk), "comment": TEXT})

    assert response.status_code == 429
    assert response["Retry-After"] == "2400"  # the 40 minutes left of the hour, rounded up
    html = response.content.decode()
    assert "Vänta en stund: du kan skicka kommentaren igen om 40 minuter" in html
    assert f">{TEXT}</textarea>" in html
    assert "Svaret" not in html
    feedback.refresh_from_db()
    assert feedback.comment == ""


def test_a_comment_from_another_site_is_refused_with_the_text_kept(client, feedback):
    response = client.post(
        COMMENT,
        {"token": answer_token(feedback.pk), "comment": TEXT},
        HTTP_SEC_FETCH_SITE="cross-site",
    )

    assert response.status_code == 403
    html = response.content.decode()
    assert f">{TEXT}</textarea>" in html
    assert "Kommentaren skickades från en annan webbplats" in html
    assert "Svaret" not in html
    feedback.refresh_from_db()
    assert feedback.comment == ""


def test_the_comment_field_is_named_and_its_error_is_tied_to_it(client, feedback):
    response = client.post(COMMENT, {"token": answer_token(feedback.pk), "comment": "å" * 501})

    assert response.status_code == 400
    html = response.content.decode()
    assert '<label class="form-field__label" for="id_comment">Vad saknade du' in html
    textarea = re.search(r"<textarea[^>]*>", html)[0]
    assert 'aria-invalid="true"' in textarea
    assert "page-feedback-comment-error" in textarea
    assert 'id="page-feedback-comment-error"' in html
    assert "å" * 501 + "</textarea>" in html


@pytest.mark.parametrize(
    "data",
    [
        {"comment": TEXT},
        {"token": "", "comment": TEXT},
        {"token": "förfalskad", "comment": TEXT},
        {"token": "x" * 5000, "comment": TEXT},
        {"token": ["a", "b"], "comment": [TEXT, TEXT]},
        {"token": None, "comment": "\x00\x01\x0b"},
        {"token": None, "comment": "x" * 100_000},
        {"token": None, "website": "http://spam.example"},
    ],
)
def test_bad_comment_input_is_never_a_500_and_stores_nothing(client, feedback, data):
    data = {
        key: answer_token(feedback.pk) if value is None else value for key, value in data.items()
    }

    response = client.post(COMMENT, data)

    assert response.status_code in (200, 400)
    feedback.refresh_from_db()
    assert feedback.comment == ""


@pytest.mark.parametrize(
    "data",
    [
        {"found": "ja"},
        {"token": "", "found": "ja"},
        {"token": None, "found": ""},
        {"token": None, "found": ["ja", "nej", "kanske"]},
        {"token": None, "found": "ja\x00"},
        {"token": page_token(999_999), "found": "ja"},
    ],
)
def test_bad_answer_input_is_never_a_500(client, feedback, data):
    data = {
        key: page_token(feedback.page_id) if value is None else value for key, value in data.items()
    }

    response = client.post(ANSWER, data)

    assert response.status_code in (200, 400)


def test_a_comment_in_broken_utf_8_is_never_a_500(client, feedback):
    body = f"token={answer_token(feedback.pk)}&comment=%ED%A0%80%FF"

    response = client.post(COMMENT, body, content_type="application/x-www-form-urlencoded")

    assert response.status_code in (200, 400)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ({"found": "ja"}, "Formuläret är ogiltigt"),
        ({"token": None}, "Välj Ja eller Nej"),
        ({"token": None, "found": "kanske"}, "Välj Ja eller Nej"),
    ],
)
def test_a_missing_part_of_an_answer_is_named_in_words_the_visitor_knows(
    client, feedback, data, said
):
    data = {
        key: page_token(feedback.page_id) if value is None else value for key, value in data.items()
    }

    response = client.post(ANSWER, data)

    html = response.content.decode()
    assert response.status_code == 400
    assert said in html
    assert "måste fyllas i" not in html and "giltigt val" not in html


def test_a_comment_without_its_token_says_what_to_do(client, feedback):
    response = client.post(COMMENT, {"comment": TEXT})

    html = response.content.decode()
    assert "svara på frågan igen" in html and "måste fyllas i" not in html
