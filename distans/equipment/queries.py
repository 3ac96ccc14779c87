"""Reads for equipment: a person's agreed days and entitlement, loans out, requests to decide."""

import datetime
from decimal import Decimal

from django.db.models import Count, Min
from django.urls import reverse
from django.utils.translation import ngettext

from distans.agreements import text as agreement_text
from distans.agreements.models import Agreement, AgreementStatus
from distans.core.home import day_of
from distans.core.permissions import is_hr
from distans.equipment import rules
from distans.equipment.models import EquipmentRequest, ItemType, Loan
from distans.equipment.permissions import can_lend
from distans.org.models import Person
from distans.org.permissions import own_or_reports
from distans.policy import queries as policy_queries


def agreed_days(person: Person) -> Decimal:
    """The remote days of the person's agreement in force (signed or active), else none."""
    days = (
        Agreement.objects.filter(person=person, status__in=(AgreementStatus.SIGNED, AgreementStatus.ACTIVE))
        .values_list("days_per_week", flat=True)
        .first()
    )
    return days or Decimal(0)


def entitlements(person: Person) -> list[tuple[ItemType, str]]:
    """Every active item type with what the policy says about lending it to this person."""
    policy = policy_queries.in_force()
    extra = policy.equipment_extra_days if policy else Decimal(2)
    days = agreed_days(person)
    return [
        (item, rules.entitlement(item.eligibility, days, extra))
        for item in ItemType.objects.filter(active=True)
    ]


def loans_out(*, person: Person | None = None, overdue_on: datetime.date | None = None):
    loans = Loan.objects.filter(status=Loan.Status.OUT).select_related("item_type", "person__unit")
    if person is not None:
        loans = loans.filter(person=person)
    if overdue_on is not None:
        loans = loans.filter(due_back__lt=overdue_on)
    return loans.order_by("due_back", "person__last_name", "out_date")


def visible_loans(user, person_ids=None):
    loans = Loan.objects.select_related("item_type", "person")
    if not can_lend(user):
        loans = own_or_reports(loans, user)
    if person_ids is not None:
        loans = loans.filter(person_id__in=person_ids)
    return loans


def requests_to_decide(user):
    requests = EquipmentRequest.objects.filter(status=EquipmentRequest.Status.PENDING).select_related(
        "person", "item_type"
    )
    return requests if is_hr(user) else requests.filter(person__manager=user)


def attention_for(user) -> list[dict]:
    """My page: loans to confirm, and equipment requests to decide."""
    items = []
    unconfirmed = Loan.objects.filter(
        person=user, status=Loan.Status.OUT, acknowledged_at__isnull=True
    ).aggregate(count=Count("pk"), since=Min("out_date"))
    if unconfirmed["count"]:
        items.append(
            {
                "text": ngettext(
                    "Confirm that you received %(count)s item of equipment.",
                    "Confirm that you received %(count)s items of equipment.",
                    unconfirmed["count"],
                )
                % {"count": unconfirmed["count"]},
                "url": reverse("equipment:mine"),
                "since": unconfirmed["since"],
            }
        )
    deciding = requests_to_decide(user).aggregate(count=Count("pk"), since=Min("created_at"))
    if deciding["count"]:
        items.append(
            {
                "text": ngettext(
                    "%(count)s equipment request waits for your decision.",
                    "%(count)s equipment requests wait for your decision.",
                    deciding["count"],
                )
                % {"count": deciding["count"]},
                "url": reverse("equipment:mine"),
                "since": day_of(deciding["since"]),
            }
        )
    return items


def lent_terms(*, person: Person) -> dict:
    """What a new agreement says is lent (subscribed to `agreements.hooks.draft_terms`): nothing when
    nothing is, so the agreement says the standard equipment."""
    loans = Loan.objects.filter(person=person, status=Loan.Status.OUT).select_related("item_type")
    items = [(loan.item_type.name, loan.serial_number) for loan in loans]
    return {"equipment": agreement_text.lent(items)} if items else {}
