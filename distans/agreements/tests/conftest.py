"""Helpers for tests that need an agreement: one in force, made the way people make one."""

from decimal import Decimal

from django.utils import timezone

from distans.agreements import services as agreement_services
from distans.agreements.demo import pass_checklist
from distans.agreements.models import Agreement
from distans.arrangements import services
from distans.arrangements.tests.conftest import assessed

WORKPLACE_CHECK = {"SE": "workplace-se", "NO": "workplace-no", "DK": "workplace-dk"}


def agreement_in_force(
    cast, person=None, *, days="2", start=None, password="correct horse battery", **values
):
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
    agreement_services.apply_due(start)
    agreement.refresh_from_db()
    return agreement
