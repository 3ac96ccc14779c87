"""Reads: loading patterns and changes for many people at once and computing their days.

A plan for any set of people and dates takes three queries (people, patterns, changes) whatever
the number of people; the rest is `rules.py`. Values are read as tuples, not model objects, because
pages only read them.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from distans.agreements import rights as agreement_rights
from distans.agreements.rights import Right, rights_on
from distans.arrangements.models import Location
from distans.core.home import HomeSection
from distans.org.models import Person, Site, Unit
from distans.planning import labels, permissions, rules
from distans.planning.models import WEEKDAY_FIELDS, DayChange, UnitPlanSettings, WorkPattern

PERSON_FIELDS = ("id", "first_name", "last_name", "country", "site_id", "time_zone", "unit_id")


def _language() -> str:
    return (translation.get_language() or "en").split("-")[0]


def people_rows(people) -> list[tuple]:
    return list(people.order_by("last_name", "first_name", "id").values_list(*PERSON_FIELDS))


def infos(rows) -> list[rules.PersonInfo]:
    return [
        rules.PersonInfo(id=row[0], country=row[3], site_id=row[4], time_zone=row[5], unit_id=row[6])
        for row in rows
    ]


def patterns_for(people, until: datetime.date, *, hours: bool = True) -> dict[int, list[rules.Pattern]]:
    """Each person's patterns up to a date, oldest first. Counting needs no working hours (`hours`),
    and leaving them out saves converting a time for every row."""
    found = defaultdict(list)
    rows = (
        WorkPattern.objects.filter(person__in=people.values("id"), valid_from__lte=until)
        .order_by("person_id", "valid_from")
        .values_list(
            "person_id",
            "valid_from",
            *WEEKDAY_FIELDS,
            "site_id",
            *(("work_start", "work_end") if hours else ()),
        )
    )
    for row in rows:
        found[row[0]].append(rules.Pattern(row[1], tuple(row[2:9]), row[9], *row[10:12]))
    return found


def changes_for(people, start: datetime.date, end: datetime.date) -> dict:
    rows = DayChange.objects.filter(person__in=people.values("id"), date__range=(start, end)).values_list(
        "person_id", "date", "kind", "site_id", "country", "away_reason", "flexible"
    )
    return {
        (row[0], row[1]): rules.Change(
            kind=row[2], site_id=row[3], country=row[4], away_reason=row[5], flexible=row[6]
        )
        for row in rows
    }


def plan_for(people, dates: list[datetime.date]) -> tuple[list[tuple], dict[int, list[rules.Day]]]:
    """The people (as rows of PERSON_FIELDS) and each one's days: three queries."""
    rows = people_rows(people)
    days = rules.plan(
        infos(rows),
        dates,
        patterns_for(people, dates[-1]),
        changes_for(people, dates[0], dates[-1]),
        _language(),
    )
    return rows, days


def person_days(
    person: Person, dates: list[datetime.date], *, usual: bool = False, what_if: dict | None = None
) -> list[rules.Day]:
    """One person's days: as planned, as usual (`usual`: without changes), or with some changes
    supposed (`what_if`: {date: Change})."""
    people = Person.objects.filter(pk=person.pk)
    changes = {} if usual else changes_for(people, dates[0], dates[-1])
    changes.update({(person.pk, date): change for date, change in (what_if or {}).items()})
    return rules.plan(
        infos(people_rows(people)), dates, patterns_for(people, dates[-1]), changes, _language()
    )[person.pk]


def usual_site_id(person: Person, date: datetime.date) -> int | None:
    """The office of the person's usual week on a date (its own, else the person's site), also on a day
    the usual week spends elsewhere: where an office day goes when no office is chosen."""
    own = patterns_for(Person.objects.filter(pk=person.pk), date, hours=False).get(person.pk, [])
    pattern = rules.pattern_on(own, date)
    return (pattern.site_id if pattern else None) or person.site_id


def weekend_off(person: Person, dates: list[datetime.date]) -> list[bool]:
    """Whether each date is a Saturday or Sunday that the person's usual week in force then does not work
    (the default week works Monday to Friday): such a day is not offered for work. One query."""
    own = patterns_for(Person.objects.filter(pk=person.pk), dates[-1], hours=False).get(person.pk, [])
    info = rules.PersonInfo(person.pk, person.country, person.site_id, person.time_zone)
    return [
        date.weekday() >= 5 and rules.usual_week(info, own, date)[date.weekday()] not in rules.WORKING
        for date in dates
    ]


def unit_members(unit: Unit):
    return Person.objects.filter(unit=unit, is_active=True)


def unit_settings(unit: Unit) -> Mapping[str, Any]:
    settings = (
        UnitPlanSettings.objects.filter(unit=unit)
        .values(
            "office_weekdays",
            "office_dates",
            "coverage",
            "duties",
            "reachable_from",
            "reachable_to",
            "meeting_note",
        )
        .first()
    )
    return settings or {
        "office_weekdays": [],
        "office_dates": [],
        "coverage": {},
        "duties": [],
        "reachable_from": None,
        "reachable_to": None,
        "meeting_note": "",
    }


def unit_settings_for(unit_id: int) -> dict:
    """A unit's settings with its name, for the planner."""
    unit = Unit.objects.get(pk=unit_id)
    return {**unit_settings(unit), "name": unit.name}


def site_names() -> dict[int, str]:
    return dict(Site.objects.values_list("id", "name"))


def team_week(unit: Unit, dates: list[datetime.date]) -> dict:
    """The unit's grid: people × days, counts per day against coverage, the team office days, and the
    problems. Five queries whatever the size of the team."""
    members = unit_members(unit)
    rows, days = plan_for(members, dates)
    settings = unit_settings(unit)
    people = infos(rows)
    away_always = fully_remote([row[0] for row in rows], dates[0])
    columns = []
    for index, date in enumerate(dates):
        todays = [days[row[0]][index] for row in rows]
        tally = rules.counts(todays)
        needed = (
            0
            if rules.off_for_all(todays)
            else rules.required_on_site(settings["coverage"].get(str(date.weekday())), len(rows))
        )
        columns.append(
            {
                "date": date,
                "counts": tally,
                "needed": needed,
                "short": max(needed - tally["office"], 0),
                "office_day": rules.is_office_day(date, settings),
                "holiday": next((day.detail for day in todays if day.kind == rules.HOLIDAY), ""),
            }
        )
    return {
        "rows": [{"person": row, "days": days[row[0]]} for row in rows],
        "columns": columns,
        "settings": settings,
        "problems": problem_dicts(rules.unit_problems(dates, people, days, settings, away_always)),
        "sites": site_names(),
        "desks": team_desks(days, dates),
    }


def plan_stamp() -> int | None:
    """A number that changes with every write to what plans are computed from (triggers of migration
    planning 0007), None before the first write. One query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM planning_plan_stamp WHERE id = 1")
        found = cursor.fetchone()
    return found[0] if found else None


# A kept week is dropped after this many seconds unused, or at once when the stamp changes.
TEAM_WEEK_KEPT = 600


def team_week_key(unit: Unit, dates: list[datetime.date]) -> str:
    """What a kept week is kept under: it changes with the plan stamp, the language and the day."""
    return f"team-week:{unit.pk}:{dates[0]}:{len(dates)}:{_language()}:{timezone.localdate()}:{plan_stamp()}"


def team_week_kept(unit: Unit, dates: list[datetime.date], key: str | None = None) -> dict:
    """`team_week` with work from abroad placed, kept in the cache until anything it is computed from
    changes (the plan stamp is in the key): then one query, not a dozen and the computing."""
    key = key or team_week_key(unit, dates)
    grid = cache.get(key)
    if grid is None:
        grid = team_week(unit, dates)
        placed = placed_abroad({row["person"][0]: row["days"] for row in grid["rows"]}, dates[0], dates[-1])
        for row in grid["rows"]:
            row["days"] = placed[row["person"][0]]
        for office in grid["desks"]:  # the page shows the count, not who (which may be thousands)
            office["days"] = [{**day, "people": ()} for day in office["days"]]
        cache.set(key, grid, TEAM_WEEK_KEPT)
    return grid


# The team week counts the desks of at most this many offices: those its members go to most that week.
DESK_SITES_SHOWN = 2


def team_desks(days: dict[int, list[rules.Day]], dates: list[datetime.date]) -> list[dict]:
    """The desks taken each day, by everyone, at the offices with a desk count the team goes to most that
    week: whether there is room for another day at the office. Six queries per office, at most
    DESK_SITES_SHOWN offices, whatever the team's size."""
    visits = Counter(
        day.site_id for own in days.values() for day in own if day.kind == rules.OFFICE and day.site_id
    )
    sites = Site.objects.filter(pk__in=list(visits), desk_capacity__gt=0)
    chosen = sorted(sites, key=lambda site: (-visits[site.pk], site.name))[:DESK_SITES_SHOWN]
    return [{"site": site, "days": site_occupancy(site, dates)["days"]} for site in chosen]


def site_people(site: Site, start: datetime.date, end: datetime.date):
    """Everyone who could be at the site in the period: based there, a pattern there, or a change there.
    Three indexed lookups joined in Python: one query with OR across joins scans far more rows."""
    ids = set(Person.objects.filter(site=site, is_active=True).values_list("pk", flat=True))
    ids |= set(WorkPattern.objects.filter(site=site).values_list("person_id", flat=True))
    ids |= set(
        DayChange.objects.filter(site=site, date__range=(start, end)).values_list("person_id", flat=True)
    )
    return Person.objects.filter(pk__in=sorted(ids), is_active=True)


def kinds_for(
    people, dates: list[datetime.date], *, rows: list[tuple] | None = None
) -> tuple[list[tuple], dict]:
    rows = people_rows(people) if rows is None else rows
    patterns = patterns_for(people, dates[-1], hours=False)
    return rows, rules.kinds(infos(rows), dates, patterns, changes_for(people, dates[0], dates[-1]))


def site_occupancy(site: Site, dates: list[datetime.date]) -> dict:
    """Who is booked at the office of a site per day, against its desks."""
    rows, kinds = kinds_for(site_people(site, dates[0], dates[-1]), dates)
    here: list[list[tuple[Any, ...]]] = [[] for _date in dates]
    booked = (rules.OFFICE, site.pk)
    # People who share a usual week share one tuple of days (`rules.kinds`): each is searched once.
    found: dict[int, list[int]] = {}
    for row in rows:
        own = kinds[row[0]]
        indexes = found.get(id(own))
        if indexes is None:
            indexes = found[id(own)] = [index for index, pair in enumerate(own) if pair == booked]
        for index in indexes:
            here[index].append(row)
    return {
        "site": site,
        "days": [
            {
                "date": date,
                "people": booked,
                "count": len(booked),
                "over": site.desk_capacity is not None and len(booked) > site.desk_capacity,
            }
            for date, booked in zip(dates, here, strict=True)
        ],
    }


def site_weeks(site: Site, monday: datetime.date, weeks: int) -> list[dict]:
    """The desks taken at a site each working day of some weeks from a Monday, against its desks: the rows
    of the occupancy map. One `site_occupancy` for the whole range (six queries, whatever the number of
    weeks or people)."""
    mondays = [monday + datetime.timedelta(weeks=week) for week in range(weeks)]
    dates = [first + datetime.timedelta(days=offset) for first in mondays for offset in range(5)]
    days = site_occupancy(site, dates)["days"]
    return [
        {
            "monday": first,
            "week": first.isocalendar()[1],
            "iso": rules.iso_week(first),
            "days": [
                {**day, "level": rules.desk_level(day["count"], site.desk_capacity)}
                for day in days[index * 5 : index * 5 + 5]
            ],
        }
        for index, first in enumerate(mondays)
    ]


def office_count(site: Site, date: datetime.date, *, excluding: int | None = None) -> int:
    occupancy = site_occupancy(site, [date])["days"][0]
    return sum(1 for row in occupancy["people"] if row[0] != excluding)


def fully_remote(person_ids: list[int], date: datetime.date) -> frozenset[int]:
    """Who works remotely every working day by agreement (from abroad, say): they skip team days."""
    return frozenset(
        person_id for person_id, right in rights_on(person_ids, date).items() if right.days_per_week >= 5
    )


def right_on(person: Person, date: datetime.date) -> Right | None:
    """What the agreement in force allows the person on a date (None: no agreement in force)."""
    return rights_on([person.pk], date).get(person.pk)


def agreement_suspended(person: Person) -> bool:
    """Whether the person's agreement is suspended: it grants nothing until reinstated, so only the
    policy's flexible days remain; My week says so rather than "no agreement"."""
    return person.pk in agreement_rights.suspended([person.pk])


def week_of(date: datetime.date) -> list[datetime.date]:
    year, week, _day = date.isocalendar()
    return rules.week_dates(year, week)


def flexible_days_in_month(person: Person, date: datetime.date) -> int:
    return (
        DayChange.objects.filter(person=person, flexible=True, date__year=date.year, date__month=date.month)
        .exclude(date=date)
        .count()
    )


def managed_units(user):
    return Unit.objects.filter(manager=user).order_by("name")


def unit_counts(dates: list[datetime.date]) -> dict[int, list]:
    """Per unit and day: how many at the office, remote, away and off, for the whole organisation.

    Most people keep one usual week through the period with no changes: the database groups them
    by unit, country, site and usual week, so Python sees a few thousand groups instead of every
    person. Everyone else (a change in the period, a new pattern starting in it) is planned one by one.
    """
    start, end = dates[0], dates[-1]
    # How many people of each unit have each tuple of days: people and groups with the same usual week
    # share one tuple (`rules.kinds`), so each unit's days are counted once per usual week, not per person.
    weights: Counter[tuple[int, tuple]] = Counter()
    groups = _usual_week_groups(start, end)
    # Each group once through `rules.kinds`, as if one person (its index).
    usual = rules.kinds(
        [rules.PersonInfo(index, group[1], group[2], "", group[0]) for index, group in enumerate(groups)],
        dates,
        {
            index: [rules.Pattern(start, tuple(group[3:10]), group[10])]
            for index, group in enumerate(groups)
            if group[3] is not None
        },
        {},
    )
    for index, group in enumerate(groups):
        weights[(group[0], tuple(usual[index]))] += group[11]
    others = Person.objects.filter(is_active=True).filter(
        Q(pk__in=DayChange.objects.filter(date__range=(start, end)).values("person_id"))
        | Q(pk__in=WorkPattern.objects.filter(valid_from__gt=start, valid_from__lte=end).values("person_id"))
        | Q(
            pk__in=WorkPattern.objects.filter(valid_from__lte=start)
            .values("person_id")
            .annotate(number=Count("id"))
            .filter(number__gt=1)
            .values("person_id")
        )
    )
    rows: list[tuple[Any, ...]] = [
        (pk, "", "", *rest)
        for pk, *rest in others.values_list("id", "country", "site_id", "time_zone", "unit_id")
    ]
    rows, kinds = kinds_for(others, dates, rows=rows)
    for row in rows:
        weights[(row[6], tuple(kinds[row[0]]))] += 1
    totals: dict[int, list[Counter[str]]] = {}
    for (unit, days), number in weights.items():
        tallies = totals.setdefault(unit, [Counter() for _date in dates])
        for tally, (kind, _site) in zip(tallies, days, strict=True):
            tally[rules.bucket(kind)] += number
    return totals


def _usual_week_groups(start: datetime.date, end: datetime.date) -> list[tuple]:
    """Active people with at most one pattern up to `start`, none starting in the period and no
    change in it, counted per unit, country, site and usual week (NULLs: no pattern, the default)."""
    person, pattern, change = Person._meta.db_table, WorkPattern._meta.db_table, DayChange._meta.db_table
    days = ", ".join(f"w.{field}" for field in WEEKDAY_FIELDS)
    sql = f"""
        SELECT p.unit_id, p.country, p.site_id, {days}, w.site_id, COUNT(*)
        FROM {person} p
        LEFT JOIN {pattern} w ON w.person_id = p.id AND w.valid_from <= %s
        WHERE p.is_active
          AND NOT EXISTS (SELECT 1 FROM {change} c WHERE c.person_id = p.id AND c.date BETWEEN %s AND %s)
          AND NOT EXISTS (SELECT 1 FROM {pattern} l WHERE l.person_id = p.id AND l.valid_from > %s
                          AND l.valid_from <= %s)
          AND NOT EXISTS (SELECT 1 FROM {pattern} o WHERE o.person_id = p.id AND o.valid_from <= %s
                          AND o.id <> w.id)
        GROUP BY p.unit_id, p.country, p.site_id, {days}, w.site_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [start, start, end, start, end, start])
        return cursor.fetchall()


def problem_dicts(problems: list[rules.Problem]) -> list[dict]:
    return [{"code": problem.code, "date": problem.date, **dict(problem.params)} for problem in problems]


def problems_ahead(unit: Unit, dates: list[datetime.date]) -> list[dict]:
    """A unit's problems on each date: coverage, duties, members away from the office on a team office
    day, and sites over capacity on days the unit's members are booked there."""
    members = unit_members(unit)
    rows, days = plan_for(members, dates)
    found = problem_dicts(
        rules.unit_problems(
            dates, infos(rows), days, unit_settings(unit), fully_remote([row[0] for row in rows], dates[0])
        )
    )
    sites = {
        day.site_id for person_days_ in days.values() for day in person_days_ if day.kind == rules.OFFICE
    }
    for site in Site.objects.filter(pk__in=sites, desk_capacity__isnull=False):
        for day in site_occupancy(site, dates)["days"]:
            if day["over"]:
                found.append(
                    {
                        "code": "capacity",
                        "date": day["date"],
                        "site": site.name,
                        "count": day["count"],
                        "desks": site.desk_capacity,
                    }
                )
    return sorted(found, key=lambda problem: (problem["date"], problem["code"]))


# Added for the coverage finding, places abroad and problems ahead across units (issue 13).

# HR sees the whole organisation's problems ahead and attachment watch up to this many people; above
# it, they choose a unit first, so that one page never plans everyone.
WHOLE_ORGANISATION_LIMIT = 3000


def abroad_places(person_ids, start: datetime.date, end: datetime.date) -> dict[int, list[rules.Abroad]]:
    """Each person's periods of work from abroad under the agreement in force (one query)."""
    return {
        person_id: [
            rules.Abroad(right.start, right.end, right.abroad_country, right.days_per_week >= 5)
            for right in own
            if right.location == Location.ABROAD
        ]
        for person_id, own in agreement_rights.rights_for(person_ids, start, end).items()
    }


def placed_abroad(days: dict[int, list[rules.Day]], start: datetime.date, end: datetime.date):
    """People's days with work from abroad under the agreement in force shown abroad, in its country, the
    same in the pages, the API and the feeds (one query)."""
    abroad = abroad_places(list(days), start, end)
    return {person_id: rules.abroad_days(own, abroad.get(person_id, [])) for person_id, own in days.items()}


def usual_coverage(unit: Unit, date: datetime.date, *, person: Person) -> dict:
    """A unit's usual week from a date, for judging a person's request: per weekday (0 = Monday) how many
    of the other members are at the office in their usual week, how many the unit's coverage needs, and
    the person's own usual week. Three queries."""
    people = Person.objects.filter(Q(unit=unit, is_active=True) | Q(pk=person.pk))
    rows = list(people.values_list("id", "country", "site_id", "time_zone"))
    patterns = patterns_for(people, date, hours=False)
    coverage = unit_settings(unit)["coverage"] or {}
    at_office = [0] * 7
    own: tuple[str, ...] = ()
    for pk, country, site_id, zone in rows:
        week = rules.usual_week(rules.PersonInfo(pk, country, site_id, zone), patterns.get(pk, []), date)
        if pk == person.pk:
            own = week
            continue
        for weekday, kind in enumerate(week):
            at_office[weekday] += kind == rules.OFFICE
    return {
        "at_office": at_office,
        "needed": [rules.required_on_site(coverage.get(str(day)), len(rows)) for day in range(7)],
        "own": own,
    }


def unit_and_below(unit: Unit) -> list[int]:
    """The ids of a unit and every unit under it, at any depth: one recursive query."""
    table = Unit._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE below(id) AS (SELECT id FROM {table} WHERE id = %s"
            f" UNION SELECT u.id FROM {table} u JOIN below b ON u.parent_id = b.id) SELECT id FROM below",
            [unit.pk],
        )
        return [row[0] for row in cursor.fetchall()]


def problems_ahead_for(units, dates: list[datetime.date]) -> dict[int, list[dict]]:
    """`problems_ahead` for many units at once, in a bounded number of queries whatever their number:
    every member's plan (three), the units' settings (one), and each office's bookings once (four per
    office the members are booked at). A site over capacity is a unit's problem on the days one of its
    members is booked there."""
    unit_ids = [unit.pk for unit in units]
    rows, days = plan_for(Person.objects.filter(unit__in=unit_ids, is_active=True), dates)
    stored = {
        row["unit_id"]: row
        for row in UnitPlanSettings.objects.filter(unit__in=unit_ids).values(
            "unit_id", "office_weekdays", "office_dates", "coverage", "duties"
        )
    }
    by_unit = defaultdict(list)
    for row in rows:
        by_unit[row[6]].append(row)
    away_always = fully_remote([row[0] for row in rows], dates[0])
    found: dict[int, list[dict[str, Any]]] = {unit_id: [] for unit_id in unit_ids}
    # (site, date) -> units with a member booked there
    booked: defaultdict[tuple[int, datetime.date], set[int]] = defaultdict(set)
    for unit_id, members in by_unit.items():
        settings: Mapping[str, Any] = stored.get(unit_id) or {"coverage": {}, "duties": []}
        found[unit_id] = problem_dicts(
            rules.unit_problems(dates, infos(members), days, settings, away_always)
        )
        for row in members:
            for day in days[row[0]]:
                if day.kind == rules.OFFICE and day.site_id:
                    booked[(day.site_id, day.date)].add(unit_id)
    sites = {site_id for site_id, _date in booked}
    for site in Site.objects.filter(pk__in=sites, desk_capacity__gt=0).order_by("name"):
        for day in site_occupancy(site, dates)["days"]:
            if not day["over"]:
                continue
            for unit_id in booked.get((site.pk, day["date"]), ()):
                found[unit_id].append(
                    {
                        "code": "capacity",
                        "date": day["date"],
                        "site": site.name,
                        "site_id": site.pk,
                        "count": day["count"],
                        "desks": site.desk_capacity,
                    }
                )
    return {
        unit_id: sorted(problems, key=lambda problem: (problem["date"], problem["code"]))
        for unit_id, problems in found.items()
    }


# My page's week at a glance (issue 16).

# A team of up to this many colleagues is shown by name on My page; a bigger one by counts.
TEAM_NAMES_UP_TO = 10


def glance_unit(user) -> Unit | None:
    """The team My page shows: the unit the user manages (the first by name), else her own."""
    return managed_units(user).first() or user.unit


def week_at_a_glance(user, dates: list[datetime.date]) -> dict:
    """The user's own days, her team's office days and who of her colleagues is at the office each day:
    names for a small team, counts for a big one. Nine queries at most, whatever the team's size."""
    words, sites = labels.words(), site_names()
    own = placed_abroad({user.pk: person_days(user, dates)}, dates[0], dates[-1])[user.pk]
    unit = glance_unit(user)
    settings: Mapping[str, Any] = {}
    office: list[list[str]] = [[] for _date in dates]
    colleagues = 0
    if unit is not None and permissions.can_see_unit_plan(user, unit):
        settings = unit_settings(unit)
        rows, days = plan_for(unit_members(unit).exclude(pk=user.pk), dates)
        colleagues = len(rows)
        for row in rows:
            for index, day in enumerate(days[row[0]]):
                if day.kind == rules.OFFICE:
                    office[index].append(f"{row[1]} {row[2]}")
    return {
        "unit": unit,
        "colleagues": colleagues,
        "names": colleagues <= TEAM_NAMES_UP_TO,
        "can_manage": unit is not None and permissions.can_manage_unit(user, unit),
        "days": [
            {
                "date": day.date,
                "kind": day.kind,
                "label": labels.day_label(day, words, reasons=True, sites=sites),
                "office_day": bool(settings) and rules.is_office_day(day.date, settings),
                "office": names,
            }
            for day, names in zip(own, office, strict=True)
        ],
    }


def this_week_section(user) -> HomeSection:
    """My page's week at a glance, at the top: this week, or at the weekend the week ahead."""
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    ahead = today.weekday() >= 5
    if ahead:
        monday += datetime.timedelta(days=7)
    dates = [monday + datetime.timedelta(days=offset) for offset in range(5)]
    return HomeSection(
        "planning/my_page/this_week.html",
        {**week_at_a_glance(user, dates), "ahead": ahead, "today": today},
        lead=True,
    )


def site_link(*, user, site: Site) -> dict:
    """The site list links each office to its desks by day, which everyone signed in may see
    (subscribed to `org.hooks.site_links`)."""
    return {"text": gettext("Desks by day"), "url": reverse("planning:site", args=[site.pk])}
