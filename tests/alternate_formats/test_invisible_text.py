"""The accessible-format order follows the visitors' text rule (core/form_fields.py): a
text of nothing visible is no text, so a description required for "Annat" and the way
to reach the visitor are refused beside their fields as when left empty, with the other
fields kept; invisible characters around real text are dropped."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from alternate_formats.models import AlternateFormatRequest
from documents.factories import DocumentFactory
from pages.factories import StrategyDocumentPageFactory, StrategyIndexPageFactory
from tests.alternate_formats.test_order_form import failing, post
from tests.invisible_inputs import INVISIBLE


@pytest.fixture
def document(home):
    """A document that failed the accessibility check, offered on a live strategy page:
    the order form is open for it."""
    index = StrategyIndexPageFactory(parent=home)
    document = failing(DocumentFactory(title="Plan"))
    StrategyDocumentPageFactory(parent=index, document=document)
    return document


def field_error(html, name):
    error = html.select_one(f"#id_{name}_error")
    return error.get_text(" ", strip=True) if error else None


@pytest.mark.parametrize("text", INVISIBLE)
def test_a_description_of_nothing_visible_for_another_format_is_refused_as_empty(
    client, document, text
):
    order = {"format": "other", "name": "Anna Svensson", "phone": "08-681 91 32"}
    empty = BeautifulSoup(post(client, document, details="", **order).content, "html.parser")

    response = post(client, document, details=text, **order)

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert field_error(html, "details") == field_error(empty, "details")
    assert "Beskriv vilket format du behöver" in field_error(html, "details")
    assert [error["id"] for error in html.select(".form-field__error")] == ["id_details_error"]
    assert html.select_one("#id_details")["aria-invalid"] == "true"
    assert html.select_one("#id_name")["value"] == "Anna Svensson"
    assert html.select_one("#id_email")["value"] == "anna@example.se"
    assert html.select_one("#id_phone")["value"] == "08-681 91 32"
    assert html.select_one("#id_format_6")["value"] == "other"
    assert html.select_one("#id_format_6").has_attr("checked")
    assert not AlternateFormatRequest.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("text", INVISIBLE)
def test_contact_details_of_nothing_visible_are_no_way_to_reach_the_visitor(client, document, text):
    response = post(
        client,
        document,
        email=text,
        phone=text,
        name="Anna Svensson",
        details="Kapitel 3",
    )

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert "e-postadress eller ditt telefonnummer" in field_error(html, "email")
    assert field_error(html, "phone") is None  # said once, beside the e-mail address
    assert html.select_one("#id_name")["value"] == "Anna Svensson"
    assert html.select_one("#id_details").get_text().strip() == "Kapitel 3"
    assert not AlternateFormatRequest.objects.exists()


@pytest.mark.parametrize("text", INVISIBLE[:5])
def test_optional_fields_of_nothing_visible_are_stored_empty(client, document, text):
    response = post(client, document, name=text, details=text, phone=text)

    assert response.status_code == 200
    order = AlternateFormatRequest.objects.get()
    assert (order.name, order.details, order.phone) == ("", "", "")


def test_invisible_characters_around_real_text_are_dropped(client, document):
    post(
        client,
        document,
        format="other",
        details="\u200bDAISY-bok\r\nmed kapitel 3\ufeff",
        name="\u2060Anna\u00ad",
        email="\u200banna@example.se\u200b",
        phone="\ufeff08-681 91 32\u200b",
    )

    order = AlternateFormatRequest.objects.get()
    assert order.details == "DAISY-bok\nmed kapitel 3"
    assert (order.name, order.email, order.phone) == ("Anna", "anna@example.se", "08-681 91 32")


@pytest.mark.parametrize(
    "pasted",
    [
        "\u202a08-681 91 32\u202c",  # Outlook's and Teams' direction embedding
        "08\u200e-681\u200f 91 32",  # direction marks inside
        "08-681\u000b91 32",  # Word's soft line break
        "08-681\u200b 91\u2028 32",  # zero-width space, line separator
    ],
)
def test_a_pasted_phone_number_is_stored_without_what_nobody_sees(client, document, pasted):
    post(client, document, format="word", name="Anna", phone=pasted)

    order = AlternateFormatRequest.objects.get()
    assert order.phone == "08-681 91 32"
