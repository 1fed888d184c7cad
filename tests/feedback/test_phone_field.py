"""An editor can give the feedback form a phone field ("Telefonnummer"): the visitor gets
a phone keypad, and a number that cannot be called is refused beside the field as in
the accessible-format order (core.phone.validate_phone_number, Swedish by default);
a number is stored as the visitor wrote it, as the order stores it."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

from feedback.factories import FeedbackFormPageFactory
from tests.feedback.test_invisible_text import field_error, form_token
from tests.i18n.conftest import translate
from tests.invisible_inputs import INVISIBLE

SWEDISH_ERROR = "Skriv ett telefonnummer som går att ringa"
TOO_LONG = "Texten får vara högst 40 tecken."


@pytest.fixture
def feedback(home):
    return FeedbackFormPageFactory(
        parent=home,
        fields=[
            ("Synpunkter", "multiline", True),
            ("Telefon", "phone", False),
            ("Mobil", "phone", True),
        ],
    )


def post(client, page, **data):
    values = {"synpunkter": "Bra sida.", "telefon": "", "mobil": "070-123 45 67", **data}
    return client.post(page.url, {**values, "form_token": form_token(client, page)})


def test_the_phone_field_offers_a_phone_keypad_and_the_visitors_number(client, feedback):
    html = BeautifulSoup(client.get(feedback.url).content, "html.parser")

    field = html.select_one("#id_telefon")
    assert (field.name, field["type"], field["autocomplete"]) == ("input", "tel", "tel")
    assert field["maxlength"] == "40"
    assert html.select_one("label[for=id_telefon]").get_text(" ", strip=True).startswith("Telefon")


@pytest.mark.parametrize(
    "number",
    [
        "abc",
        "08-681",  # too short
        "08-681 91 00 12 34 56",  # too many digits
        "+46 8 681 91 00 99 99",
    ],
)
def test_a_number_that_cannot_be_called_is_refused_beside_the_field(client, feedback, number):
    response = post(client, feedback, telefon=number)

    html = BeautifulSoup(response.content, "html.parser")
    assert SWEDISH_ERROR in field_error(html, "telefon")
    assert html.select_one("#id_telefon")["value"] == number
    assert html.select_one("#id_telefon")["aria-invalid"] == "true"
    assert 'href="#id_telefon"' in str(html.select_one(".error-summary"))
    assert FormSubmission.objects.count() == 0


def test_a_number_longer_than_the_field_is_told_only_that(client, feedback):
    response = post(client, feedback, telefon="08-681 91 00 " * 4)

    error = field_error(BeautifulSoup(response.content, "html.parser"), "telefon")
    assert TOO_LONG in error
    assert SWEDISH_ERROR not in error
    assert FormSubmission.objects.count() == 0


@pytest.mark.parametrize("number", ["+46 8 681 91 00", "08-681 91 00", "0046 8 681 91 00"])
def test_a_number_that_can_be_called_is_stored_as_written(client, feedback, number):
    response = post(client, feedback, telefon=f"\u200b {number} ")

    assert "Tack för dina synpunkter!" in response.content.decode()
    assert FormSubmission.objects.get().form_data["telefon"] == number


@pytest.mark.parametrize("text", ["", *INVISIBLE[:4], "\ufe0f"])
def test_an_empty_optional_phone_field_is_stored_empty(client, feedback, text):
    response = post(client, feedback, telefon=text)

    assert "Tack för dina synpunkter!" in response.content.decode()
    assert FormSubmission.objects.get().form_data["telefon"] == ""


@pytest.mark.parametrize("text", ["", "\u200b", "\ufe0f"])
def test_an_empty_required_phone_field_is_refused_as_required(client, feedback, text):
    response = post(client, feedback, mobil=text)

    error = field_error(BeautifulSoup(response.content, "html.parser"), "mobil")
    assert "Det här fältet är obligatoriskt" in error
    assert SWEDISH_ERROR not in error


def test_on_an_english_page_the_refusal_is_in_english(client, home, feedback):
    english = Locale.objects.get_or_create(language_code="en")[0]
    translate(home, english, title="Home")
    en_feedback = translate(feedback, english, title="Feedback", slug="feedback")

    response = post(client, en_feedback, telefon="abc")

    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "en"
    assert "Enter a phone number that can be called" in field_error(html, "telefon")
    assert html.select_one("#id_telefon")["type"] == "tel"
    assert FormSubmission.objects.count() == 0


def test_the_editor_can_choose_a_phone_field(admin_client, feedback):
    response = admin_client.get(f"/admin/pages/{feedback.pk}/edit/")

    html = BeautifulSoup(response.content, "html.parser")
    select = html.select_one("#id_form_fields-0-field_type")
    options = {option["value"]: option.get_text(strip=True) for option in select.select("option")}
    assert options["phone"] == "Telefonnummer"
    assert {"singleline", "email", "number", "date"} <= set(options)
