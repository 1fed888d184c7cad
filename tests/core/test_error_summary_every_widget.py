"""The error summary links every kind of field an editor can add to the feedback form
(Wagtail's form builder) to an element that exists: a group of radio buttons or check
boxes to its first button (GOV.UK error summary pattern), any other field to itself."""

import pytest
from bs4 import BeautifulSoup

from feedback.factories import FeedbackFormPageFactory
from feedback.models import FeedbackFormField
from tests.feedback.test_invisible_text import form_token

FIELD_TYPES = {
    "singleline": "id_falt",
    "multiline": "id_falt",
    "email": "id_falt",
    "number": "id_falt",
    "url": "id_falt",
    "checkbox": "id_falt",
    "checkboxes": "id_falt_0",
    "dropdown": "id_falt",
    "multiselect": "id_falt",
    "radio": "id_falt_0",
    "date": "id_falt",
    "datetime": "id_falt",
}


@pytest.mark.parametrize(("field_type", "target"), FIELD_TYPES.items())
def test_every_field_type_is_linked_to_its_first_input(client, home, field_type, target):
    page = FeedbackFormPageFactory(parent=home, fields=[("Synpunkter", "multiline", False)])
    FeedbackFormField.objects.create(
        page=page,
        label="Fält",
        field_type=field_type,
        required=True,
        choices="Sökmotor\nLänk\nAnnat",
        sort_order=5,
    )
    response = client.post(page.url, {"form_token": form_token(client, page)})

    html = BeautifulSoup(response.content, "html.parser")
    links = [link["href"] for link in html.select(".error-summary a[href]")]
    assert links == [f"#{target}"]
    element = html.find(id=target)
    assert element is not None and element.name in ("input", "textarea", "select")
    # The element linked to lies inside the field that shows the error.
    assert element.find_parent(class_="form-field--error") is not None
