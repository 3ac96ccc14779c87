"""CSV exports the way Nordic spreadsheets open them: semicolons, UTF-8 with a byte-order mark."""

import csv
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils import formats

# A cell starting with one of these is run as a formula by spreadsheets (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell a spreadsheet would run as a formula, made plain text with a leading quote; a decimal
    number with the reader's decimal sign (2,5 in a Nordic spreadsheet), the same in every export."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, Decimal | float):
        return formats.number_format(value, use_l10n=True)
    return value


class SafeWriter:
    """csv.writer whose text cells can never become formulas."""

    def __init__(self, response):
        self._writer = csv.writer(response, delimiter=";")

    def writerow(self, row):
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_export(filename: str, header: Sequence, rows: Iterable[Sequence]) -> HttpResponse:
    """A whole export as an attachment: the header row, then the rows (an iterator keeps a long export's
    memory small). Every export view answers with one."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel opens UTF-8 with Nordic letters correctly with a BOM
    writer = SafeWriter(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response
