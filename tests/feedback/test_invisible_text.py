"""The feedback form's text fields follow the visitors' text rule (core/form_fields.py): a
required field of nothing visible is refused beside the field like an empty one, in the
page's language, with every other field kept; invisible characters around a real text
are dropped; a textarea the browser filled to its maxlength is never too long."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

from feedback.factories import FeedbackFormPageFactory
from tests.i18n.conftest import translate
from tests.invisible_inputs import INVISIBLE


@pytest.fixture
def feedback(home):
    return FeedbackFormPageFactory(
        parent=home,
        fields=[
            ("Namn", "singleline", False),
            ("E-post", "email", False),
            ("Synpunkter", "multiline", True),
            ("Ärende", "singleline", True),
            ("Svarsadress", "email", True),
            ("Antal", "number", True),
            ("Datum", "date", True),
        ],
    )


def form_token(client, page):
    html = client.get(page.url).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


VALUES = {
    "namn": "Anna Svensson",
    "e_post": "anna@example.com",
    "synpunkter": "Sökfunktionen hittar inte strategin.",
    "arende": "Sök",
    "svarsadress": "anna@example.com",
    "antal": "3",
    "datum": "2026-12-01",
}


def post(client, page, **data):
    values = {**VALUES, "form_token": form_token(client, page), **data}
    return client.post(page.url, values)


def field_error(html, name):
    error = html.select_one(f"#id_{name}_error")
    return error.get_text(" ", strip=True) if error else None


REQUIRED = ["synpunkter", "arende", "svarsadress", "antal", "datum"]


def shown_value(html, name):
    """What the form shows in field ``name``. Of a textarea, the parser keeps the line
    break Django writes after the tag, which HTML drops."""
    field = html.select_one(f"#id_{name}")
    if field.name == "textarea":
        return field.get_text().removeprefix("\n")
    return field.get("value")


@pytest.mark.parametrize("text", INVISIBLE)
def test_required_fields_of_nothing_visible_are_refused_like_empty_ones(client, feedback, text):
    empty = BeautifulSoup(
        post(client, feedback, **dict.fromkeys(REQUIRED, "")).content, "html.parser"
    )

    response = post(client, feedback, **dict.fromkeys(REQUIRED, text))

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    summary = str(html.select_one(".error-summary"))
    for name in REQUIRED:
        assert field_error(html, name) == field_error(empty, name)
        assert "Det här fältet är obligatoriskt" in field_error(html, name)
        assert f'href="#id_{name}"' in summary
        assert html.select_one(f"#id_{name}")["aria-invalid"] == "true"
    # The optional fields keep what the visitor wrote.
    assert html.select_one("#id_namn")["value"] == "Anna Svensson"
    assert html.select_one("#id_e_post")["value"] == "anna@example.com"
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("synpunkter", "\u200b\u2060"),
        ("arende", "\ufeff"),
        ("svarsadress", "\u00ad"),
        ("antal", "\u200c"),
        ("datum", " \u2060 "),
    ],
)
def test_one_invisible_field_is_refused_and_every_other_field_kept(client, feedback, name, text):
    response = post(client, feedback, **{name: text})

    html = BeautifulSoup(response.content, "html.parser")
    assert [error["id"] for error in html.select(".form-field__error")] == [f"id_{name}_error"]
    others = [key for key in VALUES if key != name]
    assert {key: shown_value(html, key) for key in others} == {key: VALUES[key] for key in others}
    assert FormSubmission.objects.count() == 0


@pytest.mark.parametrize("text", INVISIBLE[:4])
def test_an_optional_field_of_nothing_visible_is_stored_empty(client, feedback, text):
    response = post(client, feedback, namn=text, e_post=text)

    assert "Tack för dina synpunkter!" in response.content.decode()
    data = FormSubmission.objects.get().form_data
    assert (data["namn"], data["e_post"]) == ("", "")


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("\u200bSöket fungerar inte.\ufeff", "Söket fungerar inte."),
        ("\u00ad\u2060 Rad ett\r\nRad två \u200d", "Rad ett\nRad två"),
        ("👩\u200d👩\u200d👧 bra sida", "👩\u200d👩\u200d👧 bra sida"),  # joiners inside stay
        ("infor\u00admation", "infor\u00admation"),  # a soft hyphen inside a word stays
    ],
)
def test_invisible_characters_around_real_text_are_dropped(client, feedback, sent, stored):
    post(client, feedback, synpunkter=sent, svarsadress="\u200banna@example.com\u200b")

    data = FormSubmission.objects.get().form_data
    assert data["synpunkter"] == stored
    assert data["svarsadress"] == "anna@example.com"


def test_a_textarea_filled_to_its_maxlength_with_line_breaks_is_not_too_long(client, feedback):
    textarea = BeautifulSoup(client.get(feedback.url).content, "html.parser").select_one(
        "#id_synpunkter"
    )
    limit = int(textarea["maxlength"])
    # As the browser counts (a line break is one character): exactly the limit; as sent
    # (each line break CRLF) longer.
    text = "\r\n".join(["x" * 99] * (limit // 100))
    text += "y" * (limit - len(text.replace("\r\n", "\n")))
    assert len(text.replace("\r\n", "\n")) == limit < len(text)

    response = post(client, feedback, synpunkter=text)

    assert "Tack för dina synpunkter!" in response.content.decode()
    assert FormSubmission.objects.get().form_data["synpunkter"] == text.replace("\r\n", "\n")


def test_on_an_english_page_the_refusal_is_in_english(client, home, feedback):
    english = Locale.objects.get_or_create(language_code="en")[0]
    translate(home, english, title="Home")
    en_feedback = translate(feedback, english, title="Feedback", slug="feedback")
    assert en_feedback.url == "/en/feedback/"

    response = post(client, en_feedback, synpunkter="\u200b\u2060", arende="\ufeff")

    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "en"
    assert field_error(html, "synpunkter") == "Error: This field is required."
    assert field_error(html, "arende") == "Error: This field is required."
    assert html.select_one("#id_namn")["value"] == "Anna Svensson"
    assert FormSubmission.objects.count() == 0
