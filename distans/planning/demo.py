"""Weekly plans for the demo organisation: everyone has a usual week that fits their position and any
approved request; teams have an office day, customer service has coverage rules, and Åsa's team has
the shared-mailbox duty that Niklas covers from Bangkok (seed 003).

The patterns are history (they start in January), so they are written directly, as an import would;
everything after today goes through the services like any change.
"""

import datetime
import random

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from distans.arrangements.models import Request, Status
from distans.org.demo import ABROAD, demo_logins
from distans.org.models import Person, Unit
from distans.planning import services
from distans.planning.models import WEEKDAY_FIELDS, UnitPlanSettings, WorkPattern

SINCE = datetime.date(2026, 1, 5)
MAILBOX = {
    "name": "Shared mailbox",
    "weekdays": [0, 1, 2, 3, 4],
    "start": "08:00",
    "end": "12:00",
    "time_zone": "Europe/Stockholm",
    "min_people": 1,
}


def _week(remote_days: set[int]) -> dict:
    return {
        field: ("remote" if number in remote_days else "office" if number < 5 else "off")
        for number, field in enumerate(WEEKDAY_FIELDS)
    }


def plans_demo(*, seed: int = 1) -> bool:
    if WorkPattern.objects.exists():
        return False
    rng = random.Random(seed)
    asa = Person.objects.get(email=demo_logins()[0].email)
    abroad = Person.objects.filter(first_name=ABROAD[0], last_name=ABROAD[1]).first()
    approved = {request.person_id: request for request in Request.objects.filter(status=Status.APPROVED)}
    with transaction.atomic():
        teams = Unit.objects.annotate(size=Count("members")).filter(size__gte=5)
        office_day = {}
        for number, unit in enumerate(teams.order_by("code")):
            office_day[unit.pk] = 1 if number % 2 == 0 else 3  # Tuesday or Thursday
            settings = {"office_weekdays": [office_day[unit.pk]]}
            if unit.code.startswith("CS"):
                settings["coverage"] = {str(day): {"min_people": 3, "min_share": 0} for day in range(5)}
            if asa.unit_id == unit.pk:
                settings.update(
                    duties=[MAILBOX],
                    reachable_from=datetime.time(9),
                    reachable_to=datetime.time(15),
                    meeting_note="Team meeting Tuesdays 09:00",
                )
            UnitPlanSettings.objects.create(unit=unit, **settings)
        patterns = []
        people = Person.objects.filter(is_active=True).select_related("position").order_by("pk")
        for person in people.iterator(chunk_size=2000):
            suitability = person.position.remote_suitability if person.position else "onsite"
            free = [day for day in range(5) if day != office_day.get(person.unit_id)]
            if person.pk in approved and not approved[person.pk].flexible:
                remote = set(approved[person.pk].weekdays)
            elif person.pk in approved:
                remote = set(rng.sample(free, int(approved[person.pk].days_per_week)))
            else:
                count = {"onsite": 0, "partly": rng.choice([0, 1, 1, 2]), "fully": rng.choice([2, 3])}[
                    suitability
                ]
                remote = set(rng.sample(free, count))
            values = _week(remote)
            if abroad is not None and person.pk == abroad.pk:
                values = _week({0, 1, 2, 3, 4})
                values.update(work_start=datetime.time(13), work_end=datetime.time(18))
            patterns.append(WorkPattern(person=person, valid_from=SINCE, **values))
        WorkPattern.objects.bulk_create(patterns, batch_size=2000)
        today = timezone.localdate()
        next_monday = today + datetime.timedelta(days=7 - today.weekday())
        for person in people.filter(unit=asa.unit).exclude(pk=asa.pk)[:2]:
            services.day_set(
                actor=person,
                person=person,
                date=next_monday + datetime.timedelta(days=2),
                kind="away",
                away_reason="leave",
            )
        services.feed_reset(actor=asa, person=asa)
    return True
