"""Who confirms, takes back and decides equipment (`distans.equipment.permissions`)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from distans.equipment import services
from distans.equipment.models import ItemType
from distans.equipment.permissions import can_acknowledge_loan, get_loan_for_user

ROLES = ("employee", "manager", "skip", "hr", "hr_approver", "admin", "outsider")


def test_the_borrower_confirms_receipt_and_hr_or_it_take_it_back(cast):
    loan = services.loan_create(
        actor=cast["hr"],
        person=cast["employee"],
        item_type=ItemType.objects.get(key="laptop"),
        serial_number="A1",
    )
    assert {role for role in ROLES if can_acknowledge_loan(cast[role], loan)} == {"employee"}
    for role in ("hr", "admin"):
        assert get_loan_for_user(cast[role], loan.pk, for_write=True) == loan
    for role in ("employee", "manager"):  # they see it, and do not take it back
        with pytest.raises(PermissionDenied):
            get_loan_for_user(cast[role], loan.pk, for_write=True)
    with pytest.raises(Http404):
        get_loan_for_user(cast["outsider"], loan.pk, for_write=True)
