"""A further comment on an answer (PageFeedback.add_comment): it fits beside the stored
comments or is refused with a true room of at least 1, or, when the answer holds as much
comment as it can take, with that said; the vote is always kept. A repeat is a whole
comment sent again, never a comment that is part of another."""

import re

import pytest
from bs4 import BeautifulSoup

from page_feedback.forms import answer_token
from page_feedback.models import (
    COMMENT_MAX_LENGTH,
    COMMENT_SEPARATOR,
    PageFeedback,
    is_stored_comment,
)
from pages.factories import TopicPageFactory

COMMENT = "/sidrespons/kommentar/"
FULL = "har redan så mycket kommentar som det kan ta emot"
ROOM = re.compile(r"korta den till högst (\d+) tecken")


@pytest.fixture
def page(home):
    return TopicPageFactory(parent=home)


def answer_with(page, stored):
    return PageFeedback.objects.create(page=page, found=False, comment=stored)


def post(client, feedback, comment):
    return client.post(COMMENT, {"token": answer_token(feedback.pk), "comment": comment})


def stored_of_length(length):
    """A stored comment field of ``length`` characters: two comments when long enough,
    so the separator inside it is counted like any character."""
    if length < 10:
        return "s" * length
    first = "a" * (length // 2)
    return first + COMMENT_SEPARATOR + "b" * (length - len(first) - len(COMMENT_SEPARATOR))


@pytest.mark.parametrize("stored_length", [1, 7, 250, 400, 480, 495, 496, 497])
def test_a_comment_one_over_the_room_is_refused_with_the_true_room_which_then_fits(
    client, page, stored_length
):
    stored = stored_of_length(stored_length)
    feedback = answer_with(page, stored)
    room = COMMENT_MAX_LENGTH - stored_length - len(COMMENT_SEPARATOR)

    response = post(client, feedback, "n" * (room + 1))

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    said = int(ROOM.search(html.get_text())[1])
    assert said == room >= 1
    assert html.select_one("textarea").get_text() == "n" * (room + 1)  # kept, to shorten
    assert html.select_one("textarea")["maxlength"] == str(room)
    feedback.refresh_from_db()
    assert (feedback.found, feedback.comment) == (False, stored)

    assert post(client, feedback, "n" * said).status_code == 200
    feedback.refresh_from_db()
    assert feedback.comment == stored + COMMENT_SEPARATOR + "n" * room
    assert len(feedback.comment) == COMMENT_MAX_LENGTH


@pytest.mark.parametrize("stored_length", [498, 499, 500])
@pytest.mark.parametrize("new", ["x", "Saknar blanketten.", "y" * 500])
def test_a_full_answer_refuses_a_further_comment_saying_so_with_no_zero_limit(
    client, page, stored_length, new
):
    stored = stored_of_length(stored_length)
    feedback = answer_with(page, stored)

    response = post(client, feedback, new)

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    text = html.get_text()
    assert html.h1.get_text() == "Kommentaren skickades inte"
    assert FULL in html.select_one("[role=alert]").get_text()
    assert "högst 500 tecken tillsammans" in text
    assert "ditt svar (ja eller nej) också" in text
    assert not re.search(r"\b0 tecken", text)
    assert not ROOM.search(text)
    assert html.select_one("textarea") is None  # no form that could only fail again
    assert html.select_one(".unsent-comment").get_text() == new  # to copy
    assert html.find("a", href=page.url).get_text().startswith("Tillbaka till")
    feedback.refresh_from_db()
    assert (feedback.found, feedback.comment) == (False, stored)


@pytest.mark.parametrize(
    ("stored", "new"),
    [
        ("", "å" * 500),  # nothing stored: the whole limit
        ("a" * 400, "b" * 98),  # the separator's two characters counted
        ("a" * 100, "rad\r\n" * 99 + "ab"),  # 398 as the browser counts, 497 sent
        ("rad ett\nrad två" + "a" * 385, "\u200b" + "c" * 98 + "\ufeff\r\n"),
    ],
)
def test_a_comment_that_exactly_fits_is_stored(client, page, stored, new):
    feedback = answer_with(page, stored)

    assert post(client, feedback, new).status_code == 200

    feedback.refresh_from_db()
    assert len(feedback.comment) == COMMENT_MAX_LENGTH
    assert "\r" not in feedback.comment and "\u200b" not in feedback.comment


def test_a_repeat_on_a_full_answer_is_thanked_not_refused(client, page):
    stored = "a" * 200 + COMMENT_SEPARATOR + "Saknar blanketten." + COMMENT_SEPARATOR + "b" * 278
    feedback = answer_with(page, stored)
    assert len(stored) == COMMENT_MAX_LENGTH

    response = post(client, feedback, "Saknar blanketten.")

    assert response.status_code == 200
    assert "Din kommentar hjälper oss" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.comment == stored


@pytest.mark.parametrize(
    ("stored", "new"),
    [
        ("Bra sida, men saknar PDF", "saknar PDF"),  # part of the stored comment
        ("Bra sida, men saknar PDF", "Bra sida"),  # its beginning
        ("Bra sida, men saknar PDF", "PDF"),
        ("saknar PDF", "Bra sida, men saknar PDF"),  # more than the stored comment
        ("saknar PDF", "saknar PDF och Word"),
        ("Saknar PDF", "saknar PDF"),  # the storage keeps letters' case
        ("Först\n\nsaknar PDF", "saknar"),
        ("Först\n\nsaknar PDF", "PDF"),
    ],
)
def test_a_different_comment_containing_or_contained_in_the_stored_one_is_stored(
    client, page, stored, new
):
    feedback = answer_with(page, stored)

    assert post(client, feedback, new).status_code == 200

    feedback.refresh_from_db()
    assert feedback.comment == stored + COMMENT_SEPARATOR + new


@pytest.mark.parametrize(
    ("stored", "new"),
    [
        ("saknar PDF", "saknar PDF"),
        ("saknar PDF", "\u200b saknar PDF\ufeff\r\n"),  # the same after the form's cleaning
        ("Rad ett\nRad två", "Rad ett\r\nRad två"),  # as the browser sends it
        ("Rad ett\nRad två", "Rad ett\x0bRad två"),  # Word's soft line break
        ("Först\n\nsaknar PDF", "Först"),  # the first of two comments
        ("Först\n\nsaknar PDF", "saknar PDF"),  # the second
        ("Ett\n\nTvå\n\nTre", "Två"),  # one between others
    ],
)
def test_a_comment_sent_again_is_thanked_and_stored_once(client, page, stored, new):
    feedback = answer_with(page, stored)

    response = post(client, feedback, new)

    assert response.status_code == 200
    assert "Din kommentar hjälper oss" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.comment == stored


def test_the_same_comment_twice_through_the_form_is_stored_once_and_a_part_of_it_added(
    client, page
):
    feedback = answer_with(page, "")

    for comment in ["Bra sida, men saknar PDF", "Bra sida, men saknar PDF", "saknar PDF"]:
        assert post(client, feedback, comment).status_code == 200

    feedback.refresh_from_db()
    assert feedback.comment == "Bra sida, men saknar PDF\n\nsaknar PDF"


@pytest.mark.parametrize(
    ("text", "stored", "expected"),
    [
        ("a", "", False),
        ("a", "a", True),
        ("a", "ab", False),
        ("b", "ab", False),
        ("a", "a\n\nb", True),
        ("b", "a\n\nb", True),
        ("a\n\nb", "a\n\nb\n\nc", True),  # a comment of two paragraphs sent again
        ("a\nb", "a\n\nb", False),
        ("b", "a\n\nbb", False),
        ("b", "bb\n\na", False),
        ("b", "a\n\nbb\n\nc", False),
    ],
)
def test_is_stored_comment_compares_whole_comments(text, stored, expected):
    assert is_stored_comment(text, stored) is expected
