"""CSV exports the way Nordic spreadsheets open them: semicolons, UTF-8 with a byte-order mark."""

import csv

from django.http import HttpResponse

# A cell starting with one of these is run as a formula by spreadsheets (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell a spreadsheet would run as a formula, made plain text with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer whose text cells can never become formulas; numbers are written as they are."""

    def __init__(self, response):
        self._writer = csv.writer(response, delimiter=";")

    def writerow(self, row):
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_response(filename: str):
    """An attachment response and a writer into it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel opens UTF-8 with Nordic letters correctly with a BOM
    return response, SafeWriter(response)
