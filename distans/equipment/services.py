"""Every write to equipment: lend, acknowledge receipt, take back, ask for returns when an agreement
ends, and employees' requests decided by the manager under the policy. One transaction each, audited."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.agreements.models import LIVE_AGREEMENT, Agreement
from distans.core.audit import audit_record
from distans.core.errors import Conflict, DomainError, require_allowed
from distans.core.translated import localized
from distans.equipment import queries, rules, tasks
from distans.equipment.audit_actions import EquipmentAudit
from distans.equipment.models import EquipmentRequest, ItemType, Loan
from distans.equipment.permissions import can_acknowledge_loan, can_decide_request, can_lend
from distans.org.models import Person

RETURN_DAYS = 14  # time to bring equipment back after an agreement ends


def _live_agreement_id(person: Person) -> int | None:
    return (
        Agreement.objects.filter(person=person, status__in=LIVE_AGREEMENT)
        .values_list("pk", flat=True)
        .first()
    )


def loan_create(
    *,
    actor,
    person: Person,
    item_type: ItemType,
    serial_number: str = "",
    condition: str = "new",
    out_date: datetime.date | None = None,
) -> Loan:
    require_allowed(can_lend(actor), _("Only HR or IT can lend equipment."))
    try:
        with transaction.atomic():
            loan = Loan.objects.create(
                item_type=item_type,
                serial_number=serial_number.strip(),
                person=person,
                condition=condition,
                out_date=out_date or timezone.localdate(),
                agreement_id=_live_agreement_id(person),
                created_by=actor,
            )
            audit_record(
                actor=actor,
                action=EquipmentAudit.LOAN_CREATE,
                obj=loan,
                changes={
                    "person": [None, person.pk],
                    "item": [None, item_type.key],
                    "serial_number": [None, loan.serial_number],
                },
            )
            tasks.loan_notify.enqueue(loan.pk, "lent")
    except IntegrityError as error:
        raise Conflict(
            "serial_out", _("An item with this serial number is already on loan."), field="serial_number"
        ) from error
    return loan


def loan_acknowledge(*, actor, loan: Loan) -> Loan:
    with transaction.atomic():
        loan = Loan.objects.select_for_update().get(pk=loan.pk)
        require_allowed(
            can_acknowledge_loan(actor, loan), _("Only the person who borrowed it can confirm receipt.")
        )
        if loan.acknowledged_at is None:
            loan.acknowledged_at = timezone.now()
            loan.save(update_fields=["acknowledged_at"])
            audit_record(actor=actor, action=EquipmentAudit.LOAN_ACKNOWLEDGE, obj=loan, changes={})
    return loan


def loan_return(*, actor, loan: Loan, condition: str, returned_on: datetime.date | None = None) -> Loan:
    with transaction.atomic():
        loan = Loan.objects.select_for_update().get(pk=loan.pk)
        require_allowed(can_lend(actor), _("Only HR or IT can take equipment back."))
        if loan.status != Loan.Status.OUT:
            raise Conflict("not_out", _("This item is not on loan."))
        loan.status = Loan.Status.RETURNED
        loan.returned_on = returned_on or timezone.localdate()
        loan.return_condition = condition
        loan.save()
        audit_record(
            actor=actor,
            action=EquipmentAudit.LOAN_RETURN,
            obj=loan,
            changes={"status": ["out", "returned"], "condition": [None, condition]},
        )
    return loan


def loan_lost(*, actor, loan: Loan) -> Loan:
    """Mark a loan lost; the deviation that reports it records the circumstances."""
    with transaction.atomic():
        loan = Loan.objects.select_for_update().get(pk=loan.pk)
        if loan.status == Loan.Status.OUT:
            loan.status = Loan.Status.LOST
            loan.save(update_fields=["status"])
            audit_record(
                actor=actor, action=EquipmentAudit.LOAN_LOST, obj=loan, changes={"status": ["out", "lost"]}
            )
    return loan


def loans_ask_back(*, agreement: Agreement, today: datetime.date) -> int:
    """The agreement has ended (subscribed to `agreements.hooks.agreement_finished`): everything lent
    under it (or to the person) is due back; tell her."""
    person, agreement_id = agreement.person, agreement.pk
    due = today + datetime.timedelta(days=RETURN_DAYS)
    count = Loan.objects.filter(person=person, status=Loan.Status.OUT, due_back__isnull=True).update(
        due_back=due
    )
    if count:
        audit_record(
            actor=None,
            action=EquipmentAudit.RETURNS_REQUESTED,
            object_type="equipment.loan",
            changes={"agreement": [None, agreement_id], "due_back": [None, due.isoformat()]},
        )
        tasks.returns_notify.enqueue(person.pk)
    return count


def equipment_request_create(*, actor, item_type: ItemType, reason: str) -> EquipmentRequest:
    if not reason.strip():
        raise DomainError("reason_required", _("Say why you need it."), field="reason")
    verdict = dict((item.pk, verdict) for item, verdict in queries.entitlements(actor)).get(item_type.pk)
    if verdict == rules.NO:
        raise DomainError(
            "not_entitled",
            _("Under the policy, %(item)s is lent only above the policy's number of remote days a week.")
            % {"item": localized(item_type.name)},
        )
    with transaction.atomic():
        request = EquipmentRequest.objects.create(person=actor, item_type=item_type, reason=reason.strip())
        audit_record(
            actor=actor,
            action=EquipmentAudit.REQUEST_CREATE,
            obj=request,
            changes={"item": [None, item_type.key]},
        )
        tasks.request_notify.enqueue(request.pk)
    return request


def equipment_request_decide(
    *, actor, request: EquipmentRequest, approve: bool, comment: str = ""
) -> EquipmentRequest:
    with transaction.atomic():
        request = EquipmentRequest.objects.select_for_update().select_related("person").get(pk=request.pk)
        require_allowed(can_decide_request(actor, request), _("Only the line manager or HR can decide this."))
        if request.status != EquipmentRequest.Status.PENDING:
            raise Conflict("decided", _("This request has already been decided."))
        if not approve and not comment.strip():
            raise DomainError("comment_required", _("Say why, so the employee knows."), field="comment")
        request.status = EquipmentRequest.Status.APPROVED if approve else EquipmentRequest.Status.REJECTED
        request.decided_by, request.decided_at, request.comment = actor, timezone.now(), comment.strip()
        request.save()
        audit_record(
            actor=actor,
            action=EquipmentAudit.REQUEST_DECIDE,
            obj=request,
            changes={"status": ["pending", request.status]},
        )
        tasks.request_decided_notify.enqueue(request.pk)
    return request
