"""Checklists in the demo organisation: work to do on the demo logins' pages, and enough answers for
the reports to show something (suitability assessments by several managers, a pulse round)."""

import datetime
import random

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from distans.checklists import services
from distans.checklists.models import Assignment, ChecklistTemplate, Role
from distans.org.demo import demo_logins
from distans.org.models import Person


def _answers(assignment: Assignment, rng: random.Random, *, strictness: float = 0.0) -> dict:
    """Plausible answers: mostly favourable, now and then a no or a low mark."""
    answers: dict[str, object] = {}
    for item in services.applicable_items(assignment):
        if item.kind == "yes_no":
            answers[str(item.pk)] = "no" if rng.random() < 0.08 + strictness / 4 else "yes"
        elif item.kind == "scale":
            answers[str(item.pk)] = max(1, min(5, round(rng.gauss(3.9 - strictness * 2, 0.8))))
        elif item.kind == "single":
            answers[str(item.pk)] = item.options[0 if rng.random() < 0.8 else 1]["value"]
        elif item.kind == "number":
            answers[str(item.pk)] = rng.randint(6, 120)
    return answers


def checklists_demo(*, seed: int = 1) -> bool:
    """Add the demo's checklists unless there are some already; True when it added them."""
    if Assignment.objects.exists():
        return False
    rng = random.Random(seed)
    template = {
        key: ChecklistTemplate.objects.get(key=key)
        for key in ("suitability", "it-security", "insurance", "pulse")
    }
    logins = {login.role: Person.objects.get(email=login.email) for login in demo_logins()}
    hr, employee, manager = logins["hr"], logins["employee"], logins["manager"]
    today = timezone.localdate()
    with transaction.atomic():
        # Åsa's own checks, and Björn's assessment of her, are waiting on their pages.
        services.assignment_create(
            actor=manager,
            template=template["suitability"],
            person=employee,
            due_date=today + datetime.timedelta(days=10),
            self_view=True,
        )
        for key in ("it-security", "insurance"):
            services.assignment_create(
                actor=hr,
                template=template[key],
                person=employee,
                due_date=today + datetime.timedelta(days=14),
            )
        # Earlier assessments by several managers, one of them markedly strict.
        managers = list(
            Person.objects.filter(is_active=True)
            .exclude(pk=manager.pk)
            .annotate(team=Count("reports"))
            .filter(team__gte=5)
            .order_by("pk")[:6]
        )
        for number, assessor in enumerate(managers):
            for person in assessor.reports.filter(is_active=True).exclude(pk=employee.pk).order_by("pk")[:4]:
                assignment = services.assignment_create(
                    actor=hr,
                    template=template["suitability"],
                    person=person,
                    assessor=assessor,
                    due_date=today + datetime.timedelta(days=7),
                )
                answers = _answers(assignment, rng, strictness=0.6 if number == 0 else 0)
                services.response_submit(
                    actor=assessor, assignment=assignment, role=Role.MANAGER, answers=answers
                )
        # A pulse round and IT-security checks for the people in those teams.
        for person in Person.objects.filter(is_active=True, manager__in=managers).order_by("pk"):
            for key in ("pulse", "it-security"):
                assignment = services.assignment_create(
                    actor=hr,
                    template=template[key],
                    person=person,
                    due_date=today + datetime.timedelta(days=7),
                )
                if rng.random() < 0.8:
                    services.response_submit(
                        actor=person,
                        assignment=assignment,
                        role=Role.EMPLOYEE,
                        answers=_answers(assignment, rng),
                    )
    return True
