"""Between the database and the planner: a `Problem` for a unit or a site and a week, and the
planner's answers in the user's language."""

import datetime
import math
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.agreements.rights import rights_on
from distans.core.weekdays import NAMES
from distans.org.models import Person, Site, Unit
from distans.planning import planner, queries, rules
from distans.planning.models import PlanPreference
from distans.planning.planner.problem import grouped_by
from distans.policy.findings import plain_number

NOT_THERE = {rules.AWAY, rules.HOLIDAY, rules.OFF}
DEFAULT_WEIGHTS = planner.Weights()


def problem_for(
    people,
    monday: datetime.date,
    *,
    weights: planner.Weights = DEFAULT_WEIGHTS,
    choose_office_day: bool = False,
) -> tuple[planner.Problem, dict[int, str]]:
    """The week's problem for these people (a unit's or a site's), and their names by id."""
    week = [monday + datetime.timedelta(days=offset) for offset in range(5)]
    # Days gone by stay as they were: the planner neither moves them nor asks coverage of them.
    past = {day for day in range(5) if week[day] < timezone.localdate()}
    rows, days = queries.plan_for(people, week)
    ids = [row[0] for row in rows]
    # The right in force on the week's Monday governs the week (an amendment counts from its own week).
    agreed = rights_on(ids, monday)
    preferences = {
        person_id: (tuple(preferred), tuple(unwanted))
        for person_id, preferred, unwanted in PlanPreference.objects.filter(person_id__in=ids).values_list(
            "person_id", "preferred_office", "unwanted_office"
        )
    }
    members = []
    for row in rows:
        person_days = days[row[0]]
        weekdays = {
            kind: tuple(day for day in range(5) if person_days[day].kind == kind) for kind in rules.WORKING
        }
        right = agreed.get(row[0])
        # The agreement's fixed weekdays, but for days the person has changed (booked the office, say).
        agreed_days = right.weekdays if right is not None else ()
        fixed_remote = tuple(day for day in agreed_days if person_days[day].source != "change")
        changed_remote = tuple(
            day
            for day in range(5)
            if (person_days[day].source == "change" or day in past)
            and person_days[day].kind in rules.AWAY_FROM_OFFICE
        )
        office_site = next((day.site_id for day in person_days if day.site_id), None) or row[4]
        planned_remote: float = sum(len(weekdays[kind]) for kind in rules.AWAY_FROM_OFFICE)
        if right is not None and planned_remote >= math.floor(right.days_per_week):
            planned_remote = float(right.days_per_week)  # all of it used: with its half day
        members.append(
            planner.Person(
                id=row[0],
                name=f"{row[1]} {row[2]}",
                unit_id=row[6] or 0,
                site_id=office_site,
                # The planner moves remote days, it never takes them away: as many as planned today
                # (a flexible agreement is a most, and people choose how much of it they use), in half
                # days where the agreement has one.
                remote_days=planned_remote,
                exact=True,
                fixed_remote=tuple(sorted(fixed_remote)),
                taken_remote=changed_remote,
                fixed_office=tuple(
                    day
                    for day in range(5)
                    if (person_days[day].source == "change" or day in past)
                    and person_days[day].kind == rules.OFFICE
                ),
                unavailable=tuple(day for day in range(5) if person_days[day].kind in NOT_THERE),
                preferred_office=preferences.get(row[0], ((), ()))[0],
                unwanted_office=preferences.get(row[0], ((), ()))[1],
                current_office=weekdays[rules.OFFICE],
            )
        )
    units = []
    teams = grouped_by(members, "unit_id")
    teams.pop(0, None)  # people in no unit
    unit_settings = queries.unit_settings_for(list(teams))
    for unit_id in sorted(teams):
        settings, team = unit_settings[unit_id], teams[unit_id]
        # No coverage on a day off for the whole team (a public holiday), as the team week asks none.
        off = {day for day in range(5) if rules.off_for_all([days[person.id][day] for person in team])}
        units.append(
            planner.Unit(
                id=unit_id,
                name=settings["name"],
                office_days=()
                if choose_office_day
                else tuple(day for day in range(5) if rules.is_office_day(week[day], settings)),
                choose_office_day=choose_office_day,
                coverage=tuple(
                    (day, needed)
                    for day in range(5)
                    if day not in past
                    and day not in off
                    and (needed := rules.required_on_site(settings["coverage"].get(str(day)), len(team)))
                ),
            )
        )
    sites, planned = [], set(ids)
    for site in Site.objects.filter(pk__in={person.site_id for person in members if person.site_id}):
        booked = queries.site_occupancy(site, week)["days"]
        taken = tuple(sum(1 for row in day["people"] if row[0] not in planned) for day in booked)
        sites.append(planner.Site(site.pk, site.name, site.desk_capacity, taken))
    names = {person.id: person.name for person in members}
    return planner.Problem(tuple(members), tuple(units), tuple(sites), weights), names


def conflict_words(conflict: planner.Conflict) -> str:
    params = dict(conflict.params)
    if "weekday" in params and params["weekday"] is not None:
        params["weekday"] = NAMES[params["weekday"]]
    if "weekdays" in params:
        params["weekdays"] = ", ".join(str(NAMES[day]) for day in params["weekdays"])
    if conflict.code == "remote_days":
        params["days"] = plain_number(Decimal(str(params["days"])))  # 2.5 as "2,5" in sv, nb, da
        return _("%(person)s has %(days)s remote days a week by agreement") % params
    if conflict.code == "fixed_remote":
        return _("%(person)s works remotely on %(weekdays)s") % params
    if conflict.code == "fixed_office":
        return _("%(person)s has booked the office on %(weekdays)s") % params
    if conflict.code == "office_day":
        if params["weekday"] is None:
            return _("%(unit)s needs a team office day that most of the team can attend") % params
        return _("%(unit)s meets at the office on %(weekday)s") % params
    if conflict.code == "coverage":
        return _("%(unit)s needs %(needed)s at the office on %(weekday)s") % params
    return (
        _("%(site)s has %(desks)s desks on %(weekday)s, %(taken)s of them taken by people outside the plan")
        % params
    )


def conflicts_sentence(solution: planner.Solution) -> str:
    return _("These requirements cannot all be met: %(rules)s.") % {
        "rules": "; ".join(conflict_words(conflict) for conflict in solution.conflicts)
    }


def weekdays_words(days: tuple[int, ...]) -> str:
    return ", ".join(str(NAMES[day]) for day in days) or _("none")


def people_of(*, unit: Unit | None = None, site: Site | None = None) -> QuerySet[Person]:
    if unit is not None:
        return Person.objects.filter(unit=unit, is_active=True)
    return Person.objects.filter(site=site, is_active=True)
