"""Issue 14: junk in a loan is refused at the edge (422 naming the field) and nothing is lent; a loan
taken back twice is a conflict (409)."""

import pytest

from distans.core.testing import api_as, send
from distans.equipment.models import Loan


@pytest.mark.parametrize(
    ("changes", "field"), [({"condition": "shiny"}, "condition"), ({"item": "teleporter"}, "item")]
)
def test_junk_in_a_loan_is_refused_naming_the_field_and_nothing_is_lent(cast, changes, field):
    body = {"person": cast["employee"].pk, "item": "screen", "serial_number": "X9", **changes}
    answer = send(api_as(cast["hr"]), "post", "/api/v1/equipment/loans", body)
    assert answer.status_code == 422 and field in answer.json()["message"]
    assert not Loan.objects.exists()


def test_taking_back_twice_is_a_conflict_and_an_employee_may_not(cast):
    hr = api_as(cast["hr"])
    body = {"person": cast["employee"].pk, "item": "screen"}
    loan = send(hr, "post", "/api/v1/equipment/loans", body).json()
    url = f"/api/v1/equipment/loans/{loan['id']}/return"
    assert send(api_as(cast["employee"]), "post", url, {}).status_code == 403
    assert send(hr, "post", url, {"condition": "worn"}).json()["status"] == "returned"
    again = send(hr, "post", url, {"condition": "worn"})
    assert again.status_code == 409 and again.json()["code"] == "not_out"
