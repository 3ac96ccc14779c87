from datetime import date, datetime
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from distans.core.api_types import enum_schema
from distans.core.errors import DomainError
from distans.core.permissions import require
from distans.equipment import models, queries, services
from distans.equipment.models import ItemType
from distans.equipment.permissions import can_lend, get_loan_for_user
from distans.org.permissions import get_person_for_user

router = Router(tags=["equipment"])

Condition = Annotated[models.Condition, enum_schema(models.Condition)]
LoanStatus = Annotated[models.Loan.Status, enum_schema(models.Loan.Status)]


class LoanOut(Schema):
    id: int
    item: str = Field(..., alias="item_type.key")
    serial_number: str
    person_id: int
    agreement_id: int | None
    out_date: date
    condition: Condition
    acknowledged_at: datetime | None
    due_back: date | None
    status: LoanStatus
    returned_on: date | None


class LoanIn(Schema):
    person: int
    item: str = Field(..., max_length=50, description="Item type key, e.g. laptop, screen, headset")
    serial_number: str = Field("", max_length=80)
    condition: Condition = models.Condition.NEW


class ReturnIn(Schema):
    condition: Condition = models.Condition.GOOD


@router.get("/equipment/loans", response=list[LoanOut], url_name="loans")
def loans(request, person: int | None = None):
    """Loans you may see: yours, your reports', or all for HR and IT; at most 500."""
    person_ids = [get_person_for_user(request.auth, person).pk] if person else None
    return list(queries.visible_loans(request.auth, person_ids).order_by("-out_date")[:500])


@router.post("/equipment/loans", response={201: LoanOut}, url_name="loan_create")
def loan_create(request, payload: LoanIn):
    require(can_lend(request.auth))
    item_type = ItemType.objects.filter(key=payload.item, active=True).first()
    if item_type is None:
        message = _("Some values are not valid: %(fields)s.") % {"fields": "item"}
        raise DomainError("invalid", message, field="item")
    loan = services.loan_create(
        actor=request.auth,
        person=get_person_for_user(request.auth, payload.person),
        item_type=item_type,
        serial_number=payload.serial_number,
        condition=payload.condition,
    )
    return Status(201, loan)


@router.post("/equipment/loans/{loan_id}/return", response=LoanOut, url_name="loan_return")
def loan_return(request, loan_id: int, payload: ReturnIn):
    loan = get_loan_for_user(request.auth, loan_id, for_write=True)
    return services.loan_return(actor=request.auth, loan=loan, condition=payload.condition)
