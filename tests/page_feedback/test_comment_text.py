"""What counts as a comment (core.form_fields.VisibleTextField): nothing visible is no
comment, and is refused beside the field with the answer kept; a comment the textarea
let through is never too long; a longer one (not from a browser) is refused with the
text shown back."""

import re

import pytest
from bs4 import BeautifulSoup

from page_feedback.forms import COMMENT_MAX_LENGTH, SHOWN_MAX_LENGTH, answer_token, page_token
from page_feedback.models import PageFeedback
from pages.factories import TopicPageFactory

COMMENT = "/sidrespons/kommentar/"


@pytest.fixture
def feedback(home):
    return PageFeedback.objects.create(page=TopicPageFactory(parent=home), found=True)


def post(client, feedback, comment):
    return client.post(COMMENT, {"token": answer_token(feedback.pk), "comment": comment})


@pytest.mark.parametrize(
    "comment",
    [
        "",
        "   ",
        "\r\n\t\n",
        "\xa0\u3000\u2028",  # no-break, ideographic and line separator spaces
        "\x0b\x0c",  # Word's soft line break and page break
        "\x00\x01\x1f\x7f",  # other control characters
        "\u200b\u200c\u200d\u2060\ufeff",  # zero-width characters, byte order mark
        "\u00ad\u200e\u200f",  # soft hyphen, direction marks
        "\u3164\u2800\u034f",  # Hangul filler, Braille blank, combining grapheme joiner
        " \u200b\x0b \ufeff ",
    ],
)
def test_a_comment_with_nothing_visible_is_refused_beside_the_field_and_the_vote_kept(
    client, feedback, comment
):
    response = post(client, feedback, comment)

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text() == "Kommentaren skickades inte"
    field = html.select_one(".form-field--error")
    error = field.select_one("#page-feedback-comment-error")
    assert "Kommentaren är tom" in error.get_text()
    assert "Ditt svar (ja eller nej) är redan sparat" in error.get_text()
    textarea = field.select_one("textarea")
    assert "page-feedback-comment-error" in textarea["aria-describedby"].split()
    assert textarea["aria-invalid"] == "true"
    assert "Tack för ditt svar" not in response.content.decode()
    assert html.find("a", href=feedback.page.url).get_text().startswith("Tillbaka till")
    feedback.refresh_from_db()
    assert (feedback.found, feedback.comment) == (True, "")
    assert PageFeedback.objects.count() == 1


@pytest.mark.parametrize(
    ("comment", "stored"),
    [
        ("\u200bSaknar blanketten.\ufeff", "Saknar blanketten."),
        ("Rad ett\x0bRad två", "Rad ett\nRad två"),
        ("nul\x00tecken", "nultecken"),  # control characters are removed, as everywhere
        ("👩\u200d👩\u200d👧 bra", "👩\u200d👩\u200d👧 bra"),  # joiners inside text stay
    ],
)
def test_invisible_characters_around_a_real_comment_are_dropped(client, feedback, comment, stored):
    assert post(client, feedback, comment).status_code == 200

    feedback.refresh_from_db()
    assert feedback.comment == stored


def test_the_textarea_stops_a_browser_at_the_limit(client, feedback):
    response = client.post(
        "/sidrespons/svar/",
        {"token": page_token(feedback.page_id), "found": "ja"},
    )

    textarea = BeautifulSoup(response.content, "html.parser").select_one("textarea")
    assert textarea["maxlength"] == str(COMMENT_MAX_LENGTH) == "500"


def test_a_full_textarea_with_line_breaks_is_not_too_long(client, feedback):
    # 500 characters as the browser counts them (a line break is one); the form data
    # carries each line break as CRLF, 509 characters.
    comment = "\r\n".join(["x" * 49] * 10) + "y"
    assert len(comment.replace("\r\n", "\n")) == COMMENT_MAX_LENGTH < len(comment)

    assert post(client, feedback, comment).status_code == 200

    feedback.refresh_from_db()
    assert len(feedback.comment) == COMMENT_MAX_LENGTH
    assert "\r" not in feedback.comment


@pytest.mark.parametrize("length", [COMMENT_MAX_LENGTH + 1, 2000, SHOWN_MAX_LENGTH])
def test_a_comment_too_long_is_refused_with_all_of_it_shown_back(client, feedback, length):
    comment = "å" * length

    response = post(client, feedback, comment)

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    error = html.select_one("#page-feedback-comment-error").get_text()
    assert f"högst 500 tecken och har {length}" in error
    assert html.select_one("textarea").get_text() == comment
    assert html.select_one("#page-feedback-comment-cut") is None
    feedback.refresh_from_db()
    assert feedback.comment == ""


@pytest.mark.parametrize("length", [SHOWN_MAX_LENGTH + 1, 100_000, 2_000_000])
def test_a_huge_comment_is_refused_with_its_beginning_shown_and_that_said(client, feedback, length):
    comment = "".join(f"{n:>9} " for n in range(length // 10 + 1))[:length]

    response = post(client, feedback, comment)

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("textarea").get_text() == comment[:SHOWN_MAX_LENGTH]
    cut = html.select_one("#page-feedback-comment-cut")
    assert re.search(r"för långt för att visas i sin helhet.*första 5\W?000 tecknen", cut.text)
    assert "page-feedback-comment-cut" in html.select_one("textarea")["aria-describedby"]
    feedback.refresh_from_db()
    assert feedback.comment == ""


def test_a_huge_comment_with_a_broken_form_is_shown_cut_too(client, feedback):
    comment = "z" * (SHOWN_MAX_LENGTH + 50)

    response = client.post(COMMENT, {"token": "trasig", "comment": comment})

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".unsent-comment").get_text() == "z" * SHOWN_MAX_LENGTH
    assert "för långt för att visas i sin helhet" in html.get_text()


@pytest.mark.parametrize("url", ["/sidrespons/kommentar/", "/en/sidrespons/kommentar/"])
def test_a_body_over_the_upload_limit_gets_our_400_page_in_the_pages_language(
    client, feedback, settings, url
):
    comment = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client.post(url, {"token": answer_token(feedback.pk), "comment": comment})

    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    english = url.startswith("/en/")
    assert html.html["lang"] == ("en" if english else "sv")
    assert html.h1.get_text() == (
        "The request could not be read" if english else "Begäran kunde inte läsas"
    )
    feedback.refresh_from_db()
    assert feedback.comment == ""
