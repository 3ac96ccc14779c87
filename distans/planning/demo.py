"""Weekly plans for the demo organisation, as a Nordic hybrid office runs them.

- Every team has a team office day (Tuesday, Wednesday or Thursday); customer service keeps at least
  four people at the office each weekday; Åsa's team has the shared-mailbox duty in the Swedish
  morning (07:00–12:00), which Niklas covers from Bangkok in his afternoon.
- Everyone's usual week comes from their agreement: the agreed weekdays when they are fixed, flexible
  days on the weekdays people like best (Mondays and Fridays), the office otherwise.
- Each office has desks for about 60–75 % of the people based there, so its busiest days are tight;
  the distribution centres have a workstation for everyone.
- In the coming weeks some people are on leave (Niklas one day, so the mailbox is uncovered then) and
  some swap a day.
- In the last quarter people took a day of leave, were off sick or came in on a day at home, as kept
  then: the business case counts the days as they were.

Unit settings come first, because agreements quote the team's office days and reachable hours. The
usual weeks are history (they start with each agreement, or in January), so they are written directly,
as an import would; everything after today goes through the services like any change.
"""

import datetime
import math
import random
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from distans.agreements.rights import rights_on
from distans.core.errors import DomainError
from distans.org.demo import ABROAD, SITES, demo_logins
from distans.org.models import Person, Site, Unit
from distans.planning import queries, services
from distans.planning.models import WEEKDAY_FIELDS, DayChange, UnitPlanSettings, WorkPattern

SINCE = datetime.date(2026, 1, 5)
TEAM_DAYS = (1, 2, 3)  # Tuesday, Wednesday, Thursday
CUSTOMER_SERVICE_MINIMUM = 4
DESK_SHARE = (0.62, 0.72)  # desks per person based at an office, drawn per office
# A duty is named in the language of the team's country, as its manager would name it.
MAILBOX_NAME = {"SE": "Gemensam brevlåda", "NO": "Felles postkasse", "DK": "Fælles postkasse"}
MAILBOX = {
    "weekdays": [0, 1, 2, 3, 4],
    "start": "07:00",
    "end": "12:00",
    "time_zone": "Europe/Stockholm",
    "min_people": 1,
}
# Which weekdays people with flexible days like to work away from the office.
REMOTE_WEIGHTS = {0: 3.0, 1: 1.5, 2: 1.5, 3: 1.5, 4: 3.5}


def team_settings_demo() -> bool:
    """Team office days, customer service's minimum, and the mailbox duty in Åsa's team."""
    if UnitPlanSettings.objects.exists():
        return False
    asa = Person.objects.get(email=demo_logins()[0].email)
    teams = (
        Unit.objects.annotate(size=Count("members"))
        .filter(size__gte=5)
        .select_related("manager")
        .order_by("code")
    )
    at_site: dict[int | None, int] = {}  # the teams at one office take turns: Tuesday, Wednesday, Thursday
    with transaction.atomic():
        for unit in teams:
            site = unit.manager.site_id if unit.manager else None
            turn = at_site[site] = at_site.get(site, -1) + 1
            settings: dict[str, Any] = {"office_weekdays": [TEAM_DAYS[turn % len(TEAM_DAYS)]]}
            if unit.code.startswith("CS"):
                settings["coverage"] = {
                    str(day): {"min_people": CUSTOMER_SERVICE_MINIMUM, "min_share": 0} for day in range(5)
                }
            if asa.unit_id == unit.pk:
                settings.update(
                    duties=[{"name": MAILBOX_NAME[asa.country], **MAILBOX}],
                    reachable_from=datetime.time(9),
                    reachable_to=datetime.time(15),
                    meeting_note="Teammöte tisdagar kl. 09.00",
                )
            UnitPlanSettings.objects.create(unit=unit, **settings)
    return True


def _week(remote: set[int]) -> dict:
    return {
        field: ("remote" if number in remote else "office" if number < 5 else "off")
        for number, field in enumerate(WEEKDAY_FIELDS)
    }


def _liked_days(rng: random.Random, count: int, free: list[int]) -> set[int]:
    chosen: set[int] = set()
    while len(chosen) < min(count, len(free)):
        chosen.add(rng.choices(free, weights=[REMOTE_WEIGHTS[day] for day in free])[0])
    return chosen


def plans_demo(*, seed: int = 1) -> bool:
    if WorkPattern.objects.filter(valid_from=SINCE).exists():
        return False
    rng = random.Random(seed)
    today = timezone.localdate()
    abroad = Person.objects.filter(first_name=ABROAD[0], last_name=ABROAD[1]).first()
    office_days: dict[int | None, list[int]] = dict(
        UnitPlanSettings.objects.values_list("unit_id", "office_weekdays")
    )
    people = Person.objects.filter(is_active=True).select_related("unit").order_by("pk")
    rights = rights_on(people.values("pk"), today)
    have_one = set(WorkPattern.objects.values_list("person_id", flat=True))
    with transaction.atomic():
        patterns, history = [], []
        for person in people.iterator(chunk_size=2000):
            if person.pk in have_one:
                # Signed through the services today, in effect since earlier: the usual week they set
                # from today was the usual week since the start, too (history, written directly).
                first = WorkPattern.objects.filter(person=person).order_by("valid_from").first()
                right = rights.get(person.pk)
                if right is not None and first is not None and right.start < first.valid_from:
                    usual = dict(zip(WEEKDAY_FIELDS, first.days(), strict=True))
                    history.append(
                        WorkPattern(person=person, valid_from=right.start, site=first.site, **usual)
                    )
                continue
            right = rights.get(person.pk)
            free = [day for day in range(5) if day not in office_days.get(person.unit_id, [])]
            if right is None:
                remote, since = set(), SINCE
            elif right.weekdays:
                remote, since = set(right.weekdays), right.start
            else:
                remote, since = _liked_days(rng, math.floor(right.days_per_week), free), right.start
            values = _week(remote)
            if abroad is not None and person.pk == abroad.pk:
                # 12:00–18:00 in Bangkok is 06:00–12:00 in a Stockholm winter, 07:00–13:00 in summer.
                values.update(work_start=datetime.time(12), work_end=datetime.time(18))
            patterns.append(WorkPattern(person=person, valid_from=since, **values))
        _keep_minimum(patterns, rights, office_days)
        WorkPattern.objects.bulk_create(patterns + history, batch_size=2000)
        next_monday = today + datetime.timedelta(days=7 - today.weekday())
        week = [next_monday + datetime.timedelta(days=offset) for offset in range(5)]
        _size_offices(rng, week, rights, office_days)
        _coming_weeks(rng, next_monday, abroad)
        _past_quarter(rng, today, patterns)
    return True


def _past_quarter(rng: random.Random, today: datetime.date, patterns: list[WorkPattern]) -> None:
    """The last quarter as it was kept: each person took a day or two of leave, was off sick, or came
    in on a day at home. History, written directly as an import would; the demo logins' own weeks stay
    as their usual weeks say, so the pages their stories open read plainly."""
    logins = {login.email for login in demo_logins()}
    first = today - datetime.timedelta(weeks=13)
    changes = []
    for pattern in patterns:
        person = pattern.person
        if person.email in logins:
            continue
        days = set()
        for _change in range(rng.choice((1, 1, 2))):
            date = first + datetime.timedelta(days=rng.randrange((today - first).days))
            if date.weekday() >= 5 or date < pattern.valid_from or date in days:
                continue
            days.add(date)
            site = pattern.site_id or person.site_id
            if getattr(pattern, WEEKDAY_FIELDS[date.weekday()]) == "remote" and site and rng.random() < 0.4:
                changes.append(
                    DayChange(person=person, date=date, kind="office", site_id=site, created_by=person)
                )
            else:
                reason = rng.choice(["leave", "sick", "sick"])
                changes.append(
                    DayChange(person=person, date=date, kind="away", away_reason=reason, created_by=person)
                )
    DayChange.objects.bulk_create(changes, batch_size=2000)


def _keep_minimum(patterns: list[WorkPattern], rights: dict, office_days: dict) -> None:
    """Customer service agreed its flexible days so that each weekday keeps the minimum at the office and
    one to spare: a remote day on a thin day moves to a day with people to spare."""
    fields = WEEKDAY_FIELDS[:5]
    teams: dict[int, list[WorkPattern]] = {}
    for pattern in patterns:
        if pattern.person.unit and pattern.person.unit.code.startswith("CS"):
            teams.setdefault(pattern.person.unit.pk, []).append(pattern)
    wanted = CUSTOMER_SERVICE_MINIMUM + 1
    for unit_id, team in teams.items():

        def present(day, team=team):
            return sum(1 for pattern in team if getattr(pattern, fields[day]) == "office")

        for thin in range(5):
            while present(thin) < wanted:
                swap = next(
                    (
                        (pattern, spare)
                        for pattern in team
                        if getattr(pattern, fields[thin]) == "remote"
                        and not rights[pattern.person_id].weekdays
                        for spare in sorted(range(5), key=present, reverse=True)
                        if spare not in office_days.get(unit_id, [])
                        and present(spare) > wanted
                        and getattr(pattern, fields[spare]) == "office"
                    ),
                    None,
                )
                if swap is None:
                    break
                pattern, spare = swap
                setattr(pattern, fields[thin], "office")
                setattr(pattern, fields[spare], "remote")


def _size_offices(rng: random.Random, week: list[datetime.date], rights: dict, office_days: dict) -> None:
    """Desks for 60–75 % of the people based at each office: never fewer than an average day needs, nor
    than the people who must be there on one day (their team's day, no agreement, fixed office days)."""
    for site in Site.objects.filter(code__in=[code for code, *_rest in SITES]):
        based = list(Person.objects.filter(site=site, is_active=True).values_list("pk", "unit_id"))
        load = [day["count"] for day in queries.site_occupancy(site, week)["days"]]
        must = [
            sum(1 for pk, unit in based if _must_be_there(rights.get(pk), day, office_days.get(unit, [])))
            for day in range(5)
        ]
        desks = max(
            round(len(based) * rng.uniform(*DESK_SHARE)),
            math.ceil(sum(load) / len(load) * 1.08),
            max(must) + 1,
            math.ceil(len(based) * 0.6),
        )
        site.desk_capacity = min(desks, math.floor(len(based) * 0.75))
        site.save(update_fields=["desk_capacity"])


def _must_be_there(right, day: int, team_days: list[int]) -> bool:
    """At the office that weekday whatever the plan: without an agreement, on the team's day (unless
    fully remote), or on a day a fixed agreement leaves at the office."""
    if right is None:
        return True
    if right.days_per_week >= 5:
        return False
    return day in team_days or (bool(right.weekdays) and day not in right.weekdays)


def _coming_weeks(rng: random.Random, monday: datetime.date, abroad: Person | None) -> None:
    """Leave and swapped days in the next three weeks, made by the people themselves."""
    asa = Person.objects.get(email=demo_logins()[0].email)
    colleagues = Person.objects.filter(unit=asa.unit, is_active=True).exclude(pk=asa.pk)
    if abroad is not None:
        colleagues = colleagues.exclude(pk=abroad.pk)
        services.day_set(
            actor=abroad,
            person=abroad,
            date=monday + datetime.timedelta(days=3),
            kind="away",
            away_reason="leave",
        )
    for person in colleagues.order_by("pk")[:2]:
        services.day_set(
            actor=person,
            person=person,
            date=monday + datetime.timedelta(days=2),
            kind="away",
            away_reason="leave",
        )
    # Customer service plans its leave around its minimum at the office; the others swap and take leave.
    people = list(Person.objects.filter(is_active=True).exclude(unit__code__startswith="CS").order_by("pk"))
    for person in rng.sample(people, max(3, len(people) // 25)):
        date = monday + datetime.timedelta(days=rng.randrange(15) // 5 * 7 + rng.randrange(5))
        kind = rng.choice(["away", "away", "office", "remote"])
        try:
            services.day_set(
                actor=person,
                person=person,
                date=date,
                kind=kind,
                away_reason=rng.choice(["leave", "leave", "travel"]) if kind == "away" else "",
            )
        except DomainError:
            continue  # refused, as it would be for them: a full office, or beyond their agreement
