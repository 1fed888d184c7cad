"""A visitor who leaves a required field empty on a public form is told so in a sentence
that ends with a full stop, as every other message of the site does. Django's Swedish
says "Detta fält måste fyllas i." but Wagtail's admin catalogue, which comes first, says
"Det här fältet är obligatoriskt" without one; our locale/sv adds it (the admin shows the
same sentence). The password page has its own message and never shows this one."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from feedback.factories import FeedbackFormPageFactory
from tests.alternate_formats.test_invisible_text import document  # noqa: F401 (fixture)
from tests.alternate_formats.test_order_form import post as post_order
from tests.feedback.test_invisible_text import form_token

REQUIRED = "Det här fältet är obligatoriskt."


def errors_of(response):
    """Each field's error as shown beside it, and each line of the error summary."""
    html = BeautifulSoup(response.content, "html.parser")
    beside = {
        error["id"].removeprefix("id_").removesuffix("_error"): error.get_text(" ", strip=True)
        for error in html.select("[id$=_error]")
    }
    summary = [item.get_text(" ", strip=True) for item in html.select(".error-summary li")]
    return beside, summary


@pytest.mark.parametrize(
    ("field_type", "name"),
    [("multiline", "synpunkter"), ("singleline", "synpunkter"), ("email", "synpunkter")],
)
def test_the_feedback_form_ends_its_required_message_with_a_full_stop(
    client, home, field_type, name
):
    page = FeedbackFormPageFactory(parent=home, fields=[("Synpunkter", field_type, True)])

    response = client.post(page.url, {"form_token": form_token(client, page), name: ""})

    beside, summary = errors_of(response)
    assert beside[name].endswith(REQUIRED), beside
    assert summary == [f"Synpunkter: {REQUIRED}"]


def test_the_order_form_ends_its_required_messages_with_a_full_stop(client, document):  # noqa: F811
    response = post_order(client, document, format="", name="")

    beside, summary = errors_of(response)
    assert beside["format"].endswith(REQUIRED), beside
    assert f"Vilket format behöver du?: {REQUIRED}" in summary


def test_the_catalogue_gives_the_required_message_its_full_stop():
    with translation.override("sv"):
        assert translation.gettext("This field is required.") == REQUIRED
