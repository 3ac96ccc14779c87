"""'Does it work?' counts the plans in bulk (`effect_queries.plan_weeks`): on the demo its figures must be
exactly those of counting every person's weeks one by one, as it did before (kept here as the reference),
for the whole organisation and for a unit, over a past quarter with its changes and weeks ahead."""

import datetime
import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from distans.agreements.rights import right_on, rights_for
from distans.followup import rules as followup_rules
from distans.org.models import Person, Unit
from distans.planning import queries as plan_queries
from distans.planning import rules as plan_rules
from distans.planning.models import DayChange, UnitPlanSettings
from distans.planning.queries import unit_and_below
from distans.reports import effect_queries as queries
from distans.reports.effect_forms import default_period

pytestmark = pytest.mark.django_db


def test_the_demos_plans_counted_in_bulk_are_those_counted_person_by_person(settings):
    settings.REPORT_MIN_GROUP = 1
    call_command("demo", "--people", "300")
    today = timezone.localdate()
    start, end = default_period(today)
    everyone = Person.objects.all()
    support = Unit.objects.filter(parent__isnull=False).order_by("pk").first()
    for people, weeks in (
        (everyone, queries.mondays(start, end)),
        (everyone, queries.mondays(datetime.date(today.year, 12, 14), datetime.date(today.year + 1, 1, 10))),
        (everyone.filter(unit__in=unit_and_below(support)), queries.mondays(start, end)),
    ):
        for warning in (Decimal("2.5"), Decimal("1")):
            assert queries.plan_weeks(people, weeks, warning) == person_by_person(people, weeks, warning)


def person_by_person(people, weeks: list[datetime.date], warning: Decimal) -> dict:
    """As `plan_weeks` computed it before it counted in bulk: every person's weeks one by one."""
    dates = [monday + datetime.timedelta(days=day) for monday in weeks for day in range(7)]
    active = people.filter(is_active=True)
    rows, kinds = plan_queries.kinds_for(active, dates)
    rights = rights_for(active.values("pk"), dates[0], dates[-1])
    # As `planning.queries.fully_remote`, from the rights already read: they skip team office days.
    away_always = {
        pk for pk, own in rights.items() if (right := right_on(own, dates[0])) and right.days_per_week >= 5
    }
    flexible = Counter(
        (person_id, (date - dates[0]).days // 7)
        for person_id, date in DayChange.objects.filter(
            person__in=active.values("pk"), date__range=(dates[0], dates[-1]), flexible=True
        ).values_list("person_id", "date")
    )
    members: defaultdict[int | None, list[tuple]] = defaultdict(list)
    for row in rows:
        members[row[6]].append(row)
    stored = {
        row["unit_id"]: row
        for row in UnitPlanSettings.objects.filter(unit__in=[unit for unit in members if unit]).values(
            "unit_id", "office_weekdays", "office_dates", "coverage", "duties"
        )
    }
    with_duties = [unit for unit, settings in stored.items() if settings["duties"]]
    planned = plan_queries.plan_for(active.filter(unit__in=with_duties), dates)[1] if with_duties else {}
    names = dict(Unit.objects.filter(pk__in=[unit for unit in members if unit]).values_list("pk", "name"))
    units = []
    for unit_id, unit_rows in members.items():
        settings: Mapping[str, Any] = (stored.get(unit_id) if unit_id else None) or {
            "coverage": {},
            "duties": [],
            "office_weekdays": [],
        }
        plan = queries.UnitPlan(unit_id, names.get(unit_id, "–") if unit_id else "–", len(unit_rows), [])
        problems = _old_problems(dates, unit_rows, kinds, planned, settings, frozenset(away_always))
        plan.weeks = [
            queries.Week(coverage=problems[("coverage", index)], duties=problems[("duty", index)])
            for index in range(len(weeks))
        ]
        team_day = [plan_rules.is_office_day(date, settings) for date in dates]
        counted: dict[int, list[tuple[int, int, int, int]]] = {}  # the same days, counted once
        for row in unit_rows:
            pairs = kinds[row[0]]
            if id(pairs) not in counted:
                counted[id(pairs)] = [
                    queries._count(pairs[at : at + 7], team_day[at : at + 7])
                    for at in range(0, len(dates), 7)
                ]
            own_rights = rights.get(row[0], [])
            for index, (working, remote, team_days, team_kept) in enumerate(counted[id(pairs)]):
                monday, week = weeks[index], plan.weeks[index]
                right = right_on(own_rights, monday)
                # Half days are worked as office days, so 2.5 days a week is 2 or 3 remote days: either
                # is within the agreement. A week with leave or a holiday asks for remote days in
                # proportion to the days worked, and flexible days are allowed outside the agreement.
                most = math.ceil(right.days_per_week) if right else 0
                least = math.floor(right.days_per_week * working / 5) if right else 0
                beyond = remote - flexible[(row[0], index)]
                week.people += 1
                week.working += working
                week.remote += remote
                week.more += beyond > most
                week.fewer += beyond < least
                if row[0] not in away_always:  # fully remote by agreement: no team days to keep
                    week.team_days += team_days
                    week.team_kept += team_kept
            remote_weeks = [remote for _working, remote, _days, _kept in counted[id(pairs)]]
            plan.attachment += followup_rules.attachment(remote_weeks, warning)[1]
        for week in plan.weeks:
            plan.total.add(week)
        units.append(plan)
    total = [queries.Week() for _monday in weeks]
    for plan in units:
        for index, week in enumerate(plan.weeks):
            total[index].add(week)
    return {
        "units": queries._rolled_up(units, len(weeks)),
        "weeks": total,
        "people": len(rows),
        "attachment": sum(u.attachment for u in units),
    }


def _old_problems(dates, unit_rows, kinds, planned, settings, away_always) -> Counter:
    """The unit's coverage and duty shortfalls by (code, week index), by `planning.rules.unit_problems`:
    from the days in full where a duty needs working hours, else from where people are."""
    shared: dict[int, list[plan_rules.Day]] = {}
    days = {}
    for row in unit_rows:
        if row[0] in planned:
            days[row[0]] = planned[row[0]]
            continue
        pairs = kinds[row[0]]
        if id(pairs) not in shared:
            shared[id(pairs)] = [
                plan_rules.Day(date, kind, site, "") for date, (kind, site) in zip(dates, pairs, strict=True)
            ]
        days[row[0]] = shared[id(pairs)]
    return Counter(
        (problem.code, (problem.date - dates[0]).days // 7)
        for problem in plan_rules.unit_problems(
            dates, plan_queries.infos(unit_rows), days, settings, away_always
        )
        if problem.code in ("coverage", "duty")
    )
