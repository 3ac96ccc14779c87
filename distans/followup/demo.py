"""Follow-up, deviations and equipment in the demo: laptops and phones lent under the demo
agreements, a request for a screen waiting for Björn, an evaluation held and the next one booked for
each agreement, and deviations open, escalated, being handled and closed (one suspended the agreement
and it was reinstated)."""

import datetime

from django.db import transaction
from django.utils import timezone

from distans.agreements import services as agreement_services
from distans.agreements.demo import answer_passing
from distans.agreements.models import Agreement
from distans.equipment import services as equipment_services
from distans.equipment.models import ItemType, Loan
from distans.followup import services
from distans.followup.models import Deviation
from distans.org.demo import demo_logins
from distans.org.models import Person

# What the manager writes after a good conversation, in the team's language.
CONTINUE_NOTE = {
    "SE": "Fungerar bra; fortsätt som i dag.",
    "NO": "Fungerer godt; fortsett som i dag.",
    "DK": "Det fungerer godt; fortsæt som i dag.",
}


def followup_demo() -> bool:
    if Loan.objects.exists() or not Agreement.objects.filter(status="active").exists():
        return False
    logins = {login.role: Person.objects.get(email=login.email) for login in demo_logins()}
    hr, asa = logins["hr"], logins["employee"]
    items = {item.key: item for item in ItemType.objects.all()}
    today = timezone.localdate()
    with transaction.atomic():
        agreements = list(
            Agreement.objects.filter(status="active").select_related("person__manager").order_by("pk")
        )
        for number, agreement in enumerate(agreements, start=1):
            person = agreement.person
            for key in ("laptop", "mobile-phone"):
                loan = equipment_services.loan_create(
                    actor=hr,
                    person=person,
                    item_type=items[key],
                    serial_number=f"NV-{key[:3].upper()}-{1000 + number}",
                )
                equipment_services.loan_acknowledge(actor=person, loan=loan)
            evaluation = services.evaluation_schedule_first(agreement) or agreement.evaluations.get(
                status="scheduled"
            )
            services.evaluation_open(evaluation)
            assert evaluation.assignment is not None and evaluation.assignment.assessor is not None
            answer_passing(evaluation.assignment, evaluation.assignment.assessor)
            services.evaluation_hold(
                actor=person.manager,
                evaluation=evaluation,
                outcome="continue",
                note=CONTINUE_NOTE.get(person.country, CONTINUE_NOTE["SE"]),
            )
        equipment_services.loan_create(
            actor=hr, person=asa, item_type=items["laptop"], serial_number="NV-LAP-0001"
        )
        equipment_services.equipment_request_create(
            actor=asa, item_type=items["headset"], reason="Många kundsamtal; behöver ett bra headset hemma."
        )

        se, no, dk = agreements[0].person, agreements[1].person, agreements[2].person
        services.deviation_report(
            actor=se.manager,
            person=se,
            kind="not_reachable",
            occurred_on=today,
            description="Inte nåbar under telefontiden i förmiddags.",
        )
        late = services.deviation_report(
            actor=no,
            person=no,
            kind="work_environment",
            occurred_on=today - datetime.timedelta(days=6),
            description="Vondt i nakken etter lange dager ved kjøkkenbordet.",
        )
        Deviation.objects.filter(pk=late.pk).update(respond_by=today - datetime.timedelta(days=2))
        services.deviation_escalate(late.pk)
        handled = services.deviation_report(
            actor=dk,
            person=dk,
            kind="security",
            occurred_on=today,
            description="Klikkede på et link i en phishingmail derhjemme.",
        )
        services.deviation_respond(
            actor=dk.manager, deviation=handled, note="IT har nulstillet adgangskoden; samtale aftalt."
        )
        phone = Loan.objects.filter(person=dk, item_type__key="mobile-phone").first()
        assert phone is not None, "the demo lends Danish staff a phone"
        lost = equipment_services.loan_lost(actor=hr, loan=phone)
        closed = services.deviation_report(
            actor=dk,
            person=dk,
            kind="lost_equipment",
            occurred_on=today,
            description="Telefonen blev glemt i toget.",
            loan=lost,
        )
        services.deviation_close(
            actor=dk.manager,
            deviation=closed,
            consequence="suspended",
            actions_taken="Telefonen spærret; ny udleveret; hjemmearbejde sat i bero.",
            reason="Sikkerhedshændelse: afventer gennemgang af IT-sikkerhed.",
        )
        agreement_services.agreement_reinstate(
            actor=dk.manager, agreement=agreements[2], reason="IT-sikkerhed gennemgået; ordningen genoptages."
        )
    return True


def evaluations_demo() -> bool:
    """The next evaluation of every agreement in effect that has none booked yet."""
    waiting = Agreement.objects.filter(status="active").exclude(evaluations__status="scheduled")
    booked = [services.evaluation_schedule_first(agreement) for agreement in waiting.select_related("person")]
    return any(booked)
