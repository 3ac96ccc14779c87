"""Agreements in the demo organisation: one in effect in each of Sweden, Norway and Denmark (the
Norwegian one amended from three days to two), each from an approved request, signed by the employee
and by HR for the employer, with the checklists the policy requires passed."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from distans.agreements import services as agreement_services
from distans.agreements.models import Agreement
from distans.arrangements import services
from distans.arrangements.demo import _assess, _someone
from distans.arrangements.models import Request
from distans.checklists import services as checklist_services
from distans.checklists.models import ChecklistTemplate, ItemKind
from distans.org.demo import ABROAD, DEMO_PASSWORD, demo_logins
from distans.org.models import Person

WORKPLACE = {"SE": "workplace-se", "NO": "workplace-no", "DK": "workplace-dk"}


def passing_answer(item):
    """An answer that neither blocks nor creates an action."""
    if item.kind == ItemKind.YES_NO:
        return "no" if "yes" in item.trigger_answers else "yes"
    if item.kind == ItemKind.SCALE:
        return 5
    if item.kind == ItemKind.SINGLE:
        return next(f"o{n + 1}" for n in range(len(item.options)) if f"o{n + 1}" not in item.trigger_answers)
    if item.kind == ItemKind.MULTIPLE:
        return []
    if item.kind == ItemKind.NUMBER:
        return 1
    if item.kind == ItemKind.DATE:
        return timezone.localdate().isoformat()
    return "ok"


def pass_checklist(person: Person, key: str, manager: Person) -> None:
    assignment = checklist_services.assignment_create(
        actor=manager,
        template=ChecklistTemplate.objects.get(key=key),
        person=person,
        assessor=manager,
        due_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    answer_passing(assignment, manager)


def answer_passing(assignment, manager: Person) -> None:
    """Submit passing answers for each side the checklist asks: the employee's, the manager's."""
    for role, actor in (("employee", assignment.person), ("manager", manager)):
        if assignment.version.respondent in (role, "both"):
            items = checklist_services.applicable_items(assignment)
            checklist_services.response_submit(
                actor=actor,
                assignment=assignment,
                role=role,
                answers={str(item.pk): passing_answer(item) for item in items},
            )


def _sign_both(agreement: Agreement, person: Person, hr: Person) -> None:
    agreement_services.agreement_send(actor=hr, agreement=agreement)
    for signer in (person, hr):
        agreement_services.agreement_sign(
            actor=signer,
            agreement=agreement,
            accepted=True,
            password=DEMO_PASSWORD,
            ip_address="127.0.0.1",
            user_agent="Distans demo",
        )


def agreements_demo() -> bool:
    if Agreement.objects.filter(status="active").exists():
        return False
    logins = {login.role: Person.objects.get(email=login.email) for login in demo_logins()}
    hr = logins["hr"]
    taken = set(Request.objects.values_list("person_id", flat=True)) | {
        Person.objects.get(email=login.email).pk for login in demo_logins()
    }
    abroad = Person.objects.filter(first_name=ABROAD[0], last_name=ABROAD[1])
    taken |= set(abroad.values_list("pk", flat=True))
    today = timezone.localdate()
    with transaction.atomic():
        for country, days, weekdays in (("SE", "2", [0, 4]), ("NO", "3", [0, 2, 4]), ("DK", "2", [])):
            person = _someone(country, ["partly", "fully"], taken)
            _assess(person)
            request = services.request_create(
                actor=person,
                person=person,
                days_per_week=Decimal(days),
                flexible=not weekdays,
                weekdays=weekdays,
                start_date=today - datetime.timedelta(days=45),
                trial=True,
            )
            request = services.request_submit(actor=person, request=request)
            while request.current_step:
                decider = person.manager if request.current_step == "manager" else logins["hr_approver"]
                request = services.request_decide(actor=decider, request=request, decision="approve")
            for key in (
                "it-security",
                WORKPLACE[person.country] if person.country in WORKPLACE else "workplace-se",
                "insurance",
            ):
                assert person.manager is not None, "every demo employee has a manager"
                pass_checklist(person, key, person.manager)
            agreement = Agreement.objects.get(person=person)
            _sign_both(agreement, person, hr)
            if country == "NO":
                agreement_services.agreement_amend(
                    actor=hr,
                    agreement=agreement,
                    change_note="Etter ønske fra den ansatte: to dager i stedet for tre.",
                )
                agreement_services.agreement_terms_update(
                    actor=hr, agreement=agreement, values={"days_per_week": "2.0", "weekdays": [0, 4]}
                )
                _sign_both(agreement, person, hr)
        agreement_services.agreement_apply_due(today=today)
    return True
