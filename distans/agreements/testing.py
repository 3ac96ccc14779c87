"""Helpers for tests that need an agreement, made the way people make one: from an approved request,
signed by both sides, in force. Agreements' own tests and those of the apps above it import them."""

from decimal import Decimal

from django.utils import timezone

from distans.agreements import services as agreement_services
from distans.agreements.demo import pass_checklist
from distans.agreements.models import Agreement
from distans.arrangements import services
from distans.arrangements.testing import assessed, draft
from distans.core.testing import CAST_PASSWORD as PASSWORD

WORKPLACE_CHECK = {"SE": "workplace-se", "NO": "workplace-no", "DK": "workplace-dk"}


def approved(person, manager, **values):
    """`person`'s request, assessed and approved by `manager`: its agreement is drafted."""
    assessed(person, manager)
    request = services.request_submit(actor=person, request=draft(person, **values))
    return services.request_decide(actor=manager, request=request, decision="approve")


def agreement_of(person) -> Agreement:
    return Agreement.objects.get(person=person)


def signed(agreement, person, manager, password=PASSWORD):
    agreement_services.agreement_send(actor=manager, agreement=agreement)
    agreement_services.agreement_sign(actor=person, agreement=agreement, accepted=True, password=password)
    agreement_services.agreement_sign(actor=manager, agreement=agreement, accepted=True, password=password)
    agreement.refresh_from_db()
    return agreement


def agreement_in_force(cast, person=None, *, days="2", start=None, password=PASSWORD, **values):
    """An agreement in effect from `start` (default today), made the way people make one: the
    suitability assessment, the request and its approval, both signatures, the checklists the policy
    requires, and the date-driven activation."""
    person = person or cast["employee"]
    manager = person.manager
    start = start or timezone.localdate()
    assessed(person, manager)
    request = services.request_create(
        actor=person, person=person, days_per_week=Decimal(days), start_date=start, **values
    )
    request = services.request_submit(actor=person, request=request)
    while request.current_step:
        decider = manager if request.current_step == "manager" else cast["hr_approver"]
        request = services.request_decide(actor=decider, request=request, decision="approve")
    for key in ("it-security", WORKPLACE_CHECK.get(person.country, "workplace-se"), "insurance"):
        pass_checklist(person, key, manager)
    agreement = Agreement.objects.get(person=person, status="draft")
    agreement_services.agreement_send(actor=manager, agreement=agreement)
    for signer in (person, manager):
        agreement_services.agreement_sign(actor=signer, agreement=agreement, accepted=True, password=password)
    agreement_services.agreement_apply_due(today=start)
    agreement.refresh_from_db()
    return agreement
