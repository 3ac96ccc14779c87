import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from distans.arrangements import services
from distans.checklists import services as checklist_services
from distans.checklists.tests.conftest import GOOD_SUITABILITY, answers_for, builtin


def start():
    return timezone.localdate() + datetime.timedelta(days=30)


def assessed(person, assessor, **answers):
    """A submitted suitability assessment of `person` by `assessor`."""
    assignment = checklist_services.assignment_create(
        actor=assessor,
        template=builtin("suitability"),
        person=person,
        assessor=assessor,
        due_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    return checklist_services.response_submit(
        actor=assessor,
        assignment=assignment,
        role="manager",
        answers=answers_for(assignment, **{**GOOD_SUITABILITY, **answers}),
    )


def draft(person, actor=None, days="2", **values):
    return services.request_create(
        actor=actor or person, person=person, days_per_week=Decimal(days), start_date=start(), **values
    )


@pytest.fixture
def asa_assessed(cast):
    return assessed(cast["employee"], cast["manager"])


WORKPLACE_CHECK = {"SE": "workplace-se", "NO": "workplace-no", "DK": "workplace-dk"}


def agreement_in_force(
    cast, person=None, *, days="2", start=None, password="correct horse battery", **values
):
    """An agreement in effect from `start` (default today), made the way people make one: the
    suitability assessment, the request and its approval, both signatures, the checklists the policy
    requires, and the date-driven activation."""
    from distans.arrangements import agreement_services
    from distans.arrangements.agreement_demo import pass_checklist
    from distans.arrangements.models import Agreement

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
    agreement_services.send(actor=manager, agreement=agreement)
    for signer in (person, manager):
        agreement_services.sign(actor=signer, agreement=agreement, accepted=True, password=password)
    agreement_services.apply_due(start)
    agreement.refresh_from_db()
    return agreement
