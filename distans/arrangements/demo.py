"""Requests in the demo organisation, one for each route the policy gives:

- a Swedish employee asks for 2 days and her line manager approves;
- a Norwegian employee asks for 3 days: approved by his manager, now with the HR approver;
- Åsa, who works two days a week from home under her agreement, asks for three; Björn decides (an
  approval drafts an amendment of her agreement);
- a Danish developer asks to work four weeks from Spain: routed to the manager and then HR, with the
  cross-border findings;
- someone in an on-site-only position has a draft that the policy stops, saying why.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from distans.arrangements import services
from distans.arrangements.models import Request
from distans.checklists import services as checklist_services
from distans.checklists.models import ChecklistTemplate, Role
from distans.org.demo import ABROAD, demo_logins
from distans.org.models import Person


def _assess(person: Person) -> None:
    """A passing suitability assessment by the person's line manager."""
    template = ChecklistTemplate.objects.get(key="suitability")
    assignment = checklist_services.assignment_create(
        actor=person.manager,
        template=template,
        person=person,
        due_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    answers = {}
    for item in checklist_services.applicable_items(assignment):
        answers[str(item.pk)] = {"yes_no": "yes", "scale": 4, "number": 24, "single": "o1"}.get(item.kind)
    checklist_services.response_submit(
        actor=person.manager,
        assignment=assignment,
        role=Role.MANAGER,
        answers={key: value for key, value in answers.items() if value},
    )


def _ask(person: Person, days: str, *, end: int | None = None, **values) -> Request:
    """A request starting in three weeks; `end`: lasting that many days."""
    start = timezone.localdate() + datetime.timedelta(days=21)
    if end is not None:
        values["end_date"] = start + datetime.timedelta(days=end - 1)
    return services.request_create(
        actor=person, person=person, days_per_week=Decimal(days), start_date=start, **values
    )


def _someone(country: str, suitabilities: list[str], taken: set[int]) -> Person:
    """An employee (not a manager) in the country if there is one, else anywhere; small demos vary."""
    candidates = (
        Person.objects.filter(
            position__remote_suitability__in=suitabilities,
            is_active=True,
            manager__isnull=False,
            reports__isnull=True,
        )
        .exclude(pk__in=taken)
        .order_by("pk")
    )
    person = candidates.filter(country=country).first() or candidates.first()
    assert person is not None, "the demo has people enough for every role"
    taken.add(person.pk)
    return person


def requests_demo() -> bool:
    if Request.objects.exists():
        return False
    logins = {login.role: Person.objects.get(email=login.email) for login in demo_logins()}
    abroad = Person.objects.get(first_name=ABROAD[0], last_name=ABROAD[1])
    taken = {person.pk for person in logins.values()} | {abroad.pk}
    with transaction.atomic():
        swede = _someone("SE", ["partly", "fully"], taken)
        _assess(swede)
        request = services.request_submit(actor=swede, request=_ask(swede, "2", motivation="Fokusarbete."))
        services.request_decide(actor=swede.manager, request=request, decision="approve")

        norwegian = _someone("NO", ["partly", "fully"], taken)
        _assess(norwegian)
        request = services.request_submit(
            actor=norwegian, request=_ask(norwegian, "3", flexible=False, weekdays=[0, 2, 4])
        )
        services.request_decide(
            actor=norwegian.manager,
            request=request,
            decision="approve",
            comment="Godt egnet; teamet møtes tirsdag og torsdag.",
        )

        asa = logins["employee"]
        services.request_submit(
            actor=asa,
            request=_ask(asa, "3", motivation="Tre dagar hemma: kortare restid, mer fokus på kundärenden."),
        )

        traveller = _someone("DK", ["fully"], taken)
        _assess(traveller)
        services.request_submit(
            actor=traveller,
            request=_ask(
                traveller,
                "5",
                location="abroad",
                abroad_country="ES",
                time_zone="Europe/Madrid",
                end=28,
                motivation="Fire uger fra Valencia, mens min partner arbejder der.",
            ),
        )

        onsite = _someone("DK", ["onsite"], taken)
        _ask(onsite, "1")
    return True
