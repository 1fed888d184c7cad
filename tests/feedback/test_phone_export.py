"""A visitor's phone number reaches the editor's spreadsheet as written (core/exports.py).

A number such as ``+46 70 123 45 67`` starts with ``+``, one of the characters that make a
spreadsheet read a cell as a formula. In the XLSX export every cell is stored as text
(Wagtail's ``generate_xlsx_row``), so the number is shown as it is, marked as text
(Excel's quote prefix) so that editing the cell never turns it into a formula; a
visitor's ``=HYPERLINK(...)`` is shown the same way, as text. In the CSV export, which
has no such mark, both get the visible single quote (OWASP, CSV Injection)."""

import pytest
from wagtail.contrib.forms.models import FormSubmission

from tests.core.test_exports import FORMULA_START, HYPERLINK, csv_rows, xlsx_cells
from tests.feedback.test_phone_field import feedback, post  # noqa: F401

NUMBER = "+46 70 123 45 67"


@pytest.fixture
def submitted(client, feedback):  # noqa: F811
    response = post(client, feedback, telefon=NUMBER, mobil="-070 123 45 67", synpunkter=HYPERLINK)
    assert response.status_code == 200
    assert FormSubmission.objects.get().get_data()["telefon"] == NUMBER
    return feedback


def test_a_number_starting_with_plus_is_exported_to_xlsx_as_written(admin_client, submitted):
    response = admin_client.get(f"/admin/forms/submissions/{submitted.pk}/?export=xlsx")

    cells = {cell.value: cell for row in xlsx_cells(response)[1:] for cell in row}
    for value in (NUMBER, "-070 123 45 67", HYPERLINK):
        assert cells[value].data_type == "s"
        assert cells[value].quotePrefix
    assert not any(str(value).startswith("'") for value in cells)


def test_a_number_starting_with_plus_is_quoted_in_csv(admin_client, submitted):
    response = admin_client.get(f"/admin/forms/submissions/{submitted.pk}/?export=csv")

    row = csv_rows(response)[1]
    assert "'" + NUMBER in row
    assert "'" + HYPERLINK in row
    assert not any(cell.startswith(FORMULA_START) for cell in row)
