"""A report's table, drawn on the page and exported as CSV or XLSX from the same rows, so the three
never disagree. Each report view builds its tables once and hands them to `export` when asked."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from io import BytesIO

from django.http import HttpResponse

from distans.core.exports import csv_export, neutralise

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Table:
    name: str  # the file and sheet name, ASCII: "business-case-sites"
    caption: str
    header: Sequence[str]
    rows: list[Sequence] = field(default_factory=list)


def xlsx_export(table: Table) -> HttpResponse:
    """The table as a one-sheet workbook; numbers and dates stay numbers and dates, text cannot become a
    formula."""
    from openpyxl import Workbook  # type: ignore[import-untyped]  # only when someone exports

    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.name[:31])
    sheet.append([str(cell) for cell in table.header])
    for row in table.rows:
        sheet.append([_cell(cell) for cell in row])
    out = BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{table.name}.xlsx"'
    return response


def _cell(cell):
    return cell if isinstance(cell, int | float | Decimal | date) else _text(cell)


def _text(cell):
    if cell is None:
        return ""
    value = neutralise(cell)
    return value if isinstance(value, str) else str(value)


def export(table: Table, kind: str) -> HttpResponse:
    """`kind` is "csv" or "xlsx" (the URL's choice)."""
    if kind == "xlsx":
        return xlsx_export(table)
    return csv_export(f"{table.name}.csv", table.header, table.rows)
