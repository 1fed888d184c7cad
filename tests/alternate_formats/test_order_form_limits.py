"""The order form's free text has a limit, its phone number must be one that can be
called, and each problem is told beside the field it is in."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from alternate_formats.models import AlternateFormatRequest
from core.form_fields import LONG_TEXT_MAX_LENGTH
from tests.alternate_formats.test_invisible_text import document, field_error  # noqa: F401
from tests.alternate_formats.test_order_form import order_url
from tests.alternate_formats.test_order_form import post as post_order

REACH = "Fyll i din e-postadress eller ditt telefonnummer"


def test_the_description_has_a_maxlength_in_html(client, document):  # noqa: F811
    html = BeautifulSoup(client.get(order_url(document)).content, "html.parser")
    assert html.select_one("#id_details")["maxlength"] == str(LONG_TEXT_MAX_LENGTH)
    assert html.select_one("#id_phone")["maxlength"] == "40"


@pytest.mark.parametrize("length", [LONG_TEXT_MAX_LENGTH + 1, 300_000])
def test_a_description_over_the_limit_is_refused_in_swedish(client, document, length):  # noqa: F811
    response = post_order(client, document, details="a" * length)
    html = BeautifulSoup(response.content, "html.parser")
    shown = f"{length:,}".replace(",", "\xa0")
    assert field_error(html, "details") == (
        f"Fel: Texten får vara högst 5\xa0000 tecken. Nu är den {shown} tecken."
    )
    assert not AlternateFormatRequest.objects.exists()
    assert not mail.outbox


def test_a_description_at_the_limit_with_line_breaks_is_stored(client, document):  # noqa: F811
    text = ("rad\r\n" * 1250)[:-2]  # 4 999 characters as the browser counts them
    post_order(client, document, details=text)
    assert AlternateFormatRequest.objects.get().details == text.replace("\r\n", "\n")


@pytest.mark.parametrize("phone", ["abc", "123", "08-681 91 32 abc", "+46", "\ufe0f"])
def test_a_phone_number_that_cannot_be_called_is_refused_beside_the_phone(
    client,
    document,  # noqa: F811
    phone,
):
    response = post_order(client, document, email="", phone=phone)
    html = BeautifulSoup(response.content, "html.parser")
    if phone == "\ufe0f":  # nothing visible: no phone number at all
        assert REACH in field_error(html, "email")
    else:
        assert "Skriv ett telefonnummer som går att ringa" in field_error(html, "phone")
        assert field_error(html, "email") is None
    assert not AlternateFormatRequest.objects.exists()


def test_a_phone_number_too_long_is_told_so_beside_the_phone(client, document):  # noqa: F811
    response = post_order(client, document, email="", phone="0" * 41)
    html = BeautifulSoup(response.content, "html.parser")
    assert (
        field_error(html, "phone") == "Fel: Texten får vara högst 40 tecken. Nu är den 41 tecken."
    )
    assert field_error(html, "email") is None
    assert not AlternateFormatRequest.objects.exists()


@pytest.mark.parametrize(
    "phone", ["08-681 91 32", "(08) 681 91 32", "+47 22 12 34 56", "070-123 45 67"]
)
def test_a_phone_number_that_can_be_called_is_enough_to_reach_the_visitor(
    client,
    document,  # noqa: F811
    phone,
):
    post_order(client, document, email="", phone=phone)
    assert AlternateFormatRequest.objects.get().phone == phone
