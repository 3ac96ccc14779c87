"""CSV exports never hand a spreadsheet a formula (OWASP "CSV injection")."""

import csv
import io

from distans.core.exports import neutralise


def test_formula_cells_get_a_leading_quote_and_plain_values_stay():
    for cell in ("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(cell) == "'" + cell
    for cell in ("Åsa Öberg", "", "2026-12-07", "a=b", 7, -3, None):
        assert neutralise(cell) == cell


def test_decimals_carry_the_readers_decimal_sign_in_every_export():
    from decimal import Decimal

    from django.utils import translation

    with translation.override("sv"):
        assert neutralise(Decimal("2.5")) == "2,5" and neutralise(Decimal("-0.5")) == "-0,5"
    with translation.override("en"):
        assert neutralise(Decimal("2.5")) == "2.5"


def test_an_export_is_an_attachment_with_the_header_first_and_safe_cells():
    from distans.core.exports import csv_export

    response = csv_export("people.csv", ["Name", "Unit"], iter([["=cmd", "Support"], ["Åsa", None]]))
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "the byte-order mark Excel needs for Nordic letters"
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows == [["Name", "Unit"], ["'=cmd", "Support"], ["Åsa", ""]]
