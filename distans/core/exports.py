"""CSV exports the way Nordic spreadsheets open them: semicolons, UTF-8 with a byte-order mark."""

import csv

from django.http import HttpResponse


def csv_response(filename: str):
    """An attachment response and a writer into it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel opens UTF-8 with Nordic letters correctly with a BOM
    return response, csv.writer(response, delimiter=";")
