"""Every link in a form's error summary leads to its field.

templates/components/error_summary.html links each error to ``#{{ field.id_for_label }}``.
For a group of radio buttons or check boxes Django's ``id_for_label`` is "" (the group
has no single element to label), so the link is ``href="#"``: following it jumps to
the top of the page instead of the field (WCAG 2.2 SC 3.3.1 and 2.4.3; GOV.UK error
summary pattern). Seen live (break1): the accessible-format order without a format
chosen, "Vilket format behöver du?: Det här fältet är obligatoriskt" links to "#".
The same happens with a feedback form whose editor added radio buttons or check boxes.
"""

import pytest
from bs4 import BeautifulSoup

from feedback.factories import FeedbackFormPageFactory
from feedback.models import FeedbackFormField
from tests.alternate_formats.test_invisible_text import document  # noqa: F401 (fixture)
from tests.alternate_formats.test_order_form import post as post_order
from tests.feedback.test_invisible_text import form_token


def summary_targets(response):
    """[(href, whether an element with that id exists)] of the error summary's links."""
    html = BeautifulSoup(response.content, "html.parser")
    links = html.select(".error-summary a[href]")
    assert links, "no error summary"
    return [
        (link["href"], bool(link["href"][1:]) and html.find(id=link["href"][1:]) is not None)
        for link in links
    ]


def test_the_order_form_links_a_missing_format_to_its_buttons(client, document):  # noqa: F811
    response = post_order(client, document, format="")
    assert all(found for _, found in summary_targets(response)), summary_targets(response)


@pytest.mark.parametrize("field_type", ["radio", "checkboxes"])
def test_the_feedback_form_links_a_missing_choice_to_its_buttons(client, home, field_type):
    page = FeedbackFormPageFactory(parent=home, fields=[("Synpunkter", "multiline", True)])
    FeedbackFormField.objects.create(
        page=page,
        label="Hur hittade du hit",
        field_type=field_type,
        required=True,
        choices="Sökmotor\nLänk\nAnnat",
        sort_order=5,
    )
    response = client.post(
        page.url, {"form_token": form_token(client, page), "synpunkter": "Bra sida"}
    )
    assert all(found for _, found in summary_targets(response)), summary_targets(response)
