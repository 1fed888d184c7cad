"""The page-feedback question on an English page is answered in English: its form posts
to /en/sidrespons/… (agency/urls.py puts the endpoints in the address's language), and
the reply, its refusals and its way on are English; Swedish stays at /sidrespons/."""

import pytest
from bs4 import BeautifulSoup

from page_feedback.forms import page_token

pytestmark = pytest.mark.django_db

EN_CONFERENCE = "/en/conferences/smart-specialisation-2018/"
SV_CONFERENCE = "/konferenser/smart-specialisering-2018/"


def html(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("url", "action"),
    [(EN_CONFERENCE, "/en/sidrespons/svar/"), (SV_CONFERENCE, "/sidrespons/svar/")],
)
def test_the_question_posts_to_the_address_in_the_pages_language(client, bilingual, url, action):
    assert html(client.get(url)).select_one(".page-feedback__form")["action"] == action


def test_an_answer_from_an_english_page_is_thanked_in_english(client, bilingual):
    token = page_token(bilingual["en_conference"].pk)

    reply = html(client.post("/en/sidrespons/svar/", {"token": token, "found": "nej"}))

    assert reply.html["lang"] == "en"
    assert reply.h1.get_text() == "Thank you for your answer"
    assert reply.select_one("form.feedback-form")["action"] == "/en/sidrespons/kommentar/"
    # The way home is /en/; the language switcher leads to the Swedish home page, not to
    # /sidrespons/svar/, which answers only a POST (core/i18n.py address_in).
    assert reply.select_one('a[href="/"]:not(.language-switcher__link)') is None
    assert [a["href"] for a in reply.select(".language-switcher__link")] == ["/"]


@pytest.mark.parametrize("data", [{"found": "kanske"}, {"token": "x", "found": "ja"}])
def test_a_refused_answer_from_an_english_page_is_explained_in_english(client, bilingual, data):
    response = client.post("/en/sidrespons/svar/", data)

    assert response.status_code == 400
    assert html(response).html["lang"] == "en"
    assert "Svaret kunde inte sparas" not in response.content.decode()


def test_swedish_answers_stay_swedish(client, bilingual):
    token = page_token(bilingual["conference"].pk)

    reply = html(client.post("/sidrespons/svar/", {"token": token, "found": "ja"}))

    assert reply.html["lang"] == "sv" and reply.h1.get_text() == "Tack för ditt svar"


@pytest.fixture
def en_answer(bilingual):
    from page_feedback.models import PageFeedback

    return PageFeedback.objects.create(page=bilingual["en_conference"], found=True)


def test_an_empty_comment_on_an_english_page_is_refused_in_english(client, en_answer):
    from page_feedback.forms import answer_token

    response = client.post(
        "/en/sidrespons/kommentar/", {"token": answer_token(en_answer.pk), "comment": "\u200b "}
    )

    assert response.status_code == 400
    reply = html(response)
    assert reply.html["lang"] == "en"
    assert reply.h1.get_text() == "Your comment was not sent"
    error = reply.select_one("#page-feedback-comment-error").get_text()
    assert "The comment is empty" in error and "already saved" in error


@pytest.mark.parametrize(
    ("data", "headers", "said"),
    [
        ({"token": "garbled"}, {}, "The comment could not be received"),
        ({}, {"HTTP_SEC_FETCH_SITE": "cross-site"}, "The comment was sent from another website"),
    ],
)
def test_a_refused_comment_on_an_english_page_names_the_comment_and_keeps_the_text(
    client, en_answer, data, headers, said
):
    from page_feedback.forms import answer_token

    data = {"token": answer_token(en_answer.pk), "comment": "Missing the form.", **data}

    response = client.post("/en/sidrespons/kommentar/", data, **headers)

    text = html(response).get_text()
    assert html(response).h1.get_text() == "Your comment was not sent"
    assert said in text and "Missing the form." in text
    assert "answer came from" not in text and "Svaret" not in text


def test_the_rate_limit_on_an_english_page_says_when_in_english(
    client, bilingual, settings, monkeypatch
):
    from core import ratelimit

    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_000.0)
    settings.PAGE_FEEDBACK_RATE_LIMIT = (0, 600)
    token = page_token(bilingual["en_conference"].pk)

    response = client.post("/en/sidrespons/svar/", {"token": token, "found": "ja"})

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "you can answer again in 10 minutes" in html(response).get_text()


@pytest.mark.parametrize(
    ("stored", "said"),
    [
        (400, "shorten it to at most 98 characters"),
        (497, "shorten it to at most 1 character and"),
        (498, "This answer already has as much comment as it can take"),
        (500, "This answer already has as much comment as it can take"),
    ],
)
def test_a_comment_that_does_not_fit_on_an_english_page_is_explained_in_english(
    client, en_answer, stored, said
):
    from page_feedback.forms import answer_token

    en_answer.comment = "x" * stored
    en_answer.save()

    response = client.post(
        "/en/sidrespons/kommentar/", {"token": answer_token(en_answer.pk), "comment": "y" * 99}
    )

    assert response.status_code == 400
    reply = html(response)
    assert reply.html["lang"] == "en"
    assert reply.h1.get_text() == "Your comment was not sent"
    assert said in reply.get_text()
