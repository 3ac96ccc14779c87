"""Reads: loading patterns and changes for many people at once and computing their days.

A plan for any set of people and dates takes three queries (people, patterns, changes) whatever
the number of people; the rest is `rules.py`. Values are read as tuples, not model objects, because
pages only read them.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from itertools import compress
from typing import Any, NamedTuple

from django.core.cache import cache
from django.db import connection
from django.db.models import Q
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
    # By position: keywords cost a third more for the thousands of people of an office.
    return [rules.PersonInfo(row[0], row[3], row[4], row[5], row[6]) for row in rows]


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


SETTINGS_FIELDS = (
    "office_weekdays",
    "office_dates",
    "coverage",
    "duties",
    "reachable_from",
    "reachable_to",
    "meeting_note",
)


def no_settings() -> dict[str, Any]:
    """A unit that has kept no settings (a new dict each time: callers may change theirs)."""
    return {
        "office_weekdays": [],
        "office_dates": [],
        "coverage": {},
        "duties": [],
        "reachable_from": None,
        "reachable_to": None,
        "meeting_note": "",
    }


def unit_settings(unit: Unit) -> Mapping[str, Any]:
    settings = UnitPlanSettings.objects.filter(unit=unit).values(*SETTINGS_FIELDS).first()
    return settings or no_settings()


def unit_settings_for(unit_ids) -> dict[int, dict]:
    """Units' settings with their names, by id, for the planner: two queries however many units."""
    kept = {
        row.pop("unit_id"): row
        for row in UnitPlanSettings.objects.filter(unit_id__in=unit_ids).values("unit_id", *SETTINGS_FIELDS)
    }
    return {
        unit_id: {**(kept.get(unit_id) or no_settings()), "name": name}
        for unit_id, name in Unit.objects.filter(pk__in=unit_ids).values_list("id", "name")
    }


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
PROBLEM_WEEKS = 4  # how far ahead the problems page and My page look


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
    week: whether there is room for another day at the office. Two queries per office, at most
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


class Bulk(NamedTuple):
    """Where many people are on each date (`kinds_in_bulk`)."""

    rows: list[tuple]  # PERSON_FIELDS, in name order
    kinds: dict[int, Sequence[tuple[str, int | None]]]  # as `rules.kinds`
    usual: dict[int, Sequence[tuple[str, int | None]]]  # the same without day changes
    changed: dict[int, list[int]]  # the indexes of the dates each person changed


def kinds_in_bulk(where: str, params: list, dates: list[datetime.date]) -> Bulk:
    """`kinds_for` for thousands of people, chosen by SQL about `p` (the person table), with the same days.
    Two queries (three when someone gets a new usual week within the dates), joined in the database
    rather than through lists of ids: the people with the usual week in force on the first date, their day
    changes, and the patterns of those whose usual week changes within the dates. People who keep one
    usual week share one tuple of days (`rules.kinds`); a change replaces a day in a copy of it."""
    start, end = dates[0], dates[-1]
    person, pattern, change = Person._meta.db_table, WorkPattern._meta.db_table, DayChange._meta.db_table
    fields = ", ".join(f"p.{field}" for field in PERSON_FIELDS)
    days = ", ".join(f"w.{field}" for field in WEEKDAY_FIELDS)
    read = _fetch(
        f"""
        SELECT {fields}, {days}, w.site_id,
               CASE WHEN EXISTS (SELECT 1 FROM {pattern} l WHERE l.person_id = p.id AND l.valid_from > %s
                                 AND l.valid_from <= %s) THEN 1 ELSE 0 END
        FROM {person} p
        LEFT JOIN {pattern} w ON w.person_id = p.id AND w.valid_from = (
            SELECT MAX(x.valid_from) FROM {pattern} x WHERE x.person_id = p.id AND x.valid_from <= %s)
        WHERE {where}
        ORDER BY p.last_name, p.first_name, p.id
        """,
        [start, end, start, *params],
    )
    rows = [row[:7] for row in read]
    # The usual week in force on the first date is all there is, unless another starts within the dates.
    # Thousands share a handful of weeks: each distinct one is made once.
    made: dict[tuple, list[rules.Pattern]] = {}
    patterns = {}
    for row in read:
        if row[7] is not None and not row[15]:
            key = row[7:15]
            patterns[row[0]] = made.get(key) or made.setdefault(key, [rules.Pattern(start, key[:7], key[7])])
    starting = [row[0] for row in read if row[15]]
    if starting:
        patterns.update(patterns_for(Person.objects.filter(pk__in=starting), end, hours=False))
    usual = rules.kinds(infos(rows), dates, patterns, {})
    kinds, changed = dict(usual), defaultdict(list)
    index = {date.isoformat(): at for at, date in enumerate(dates)}
    for pk, date, kind, site_id in _fetch(
        f"""
        SELECT c.person_id, c.date, c.kind, c.site_id FROM {change} c JOIN {person} p ON p.id = c.person_id
        WHERE c.date BETWEEN %s AND %s AND {where}
        """,
        [start, end, *params],
    ):
        at = index.get(str(date)[:10])  # SQLite gives text; the dates may leave out days
        if at is None:
            continue
        if pk not in changed:
            kinds[pk] = list(kinds[pk])
        # As `rules.kinds`: an office day always names its office (a constraint), any other day none.
        kinds[pk][at] = (kind, site_id if kind == rules.OFFICE else None)  # type: ignore[index]
        changed[pk].append(at)
    return Bulk(rows, kinds, usual, dict(changed))


def people_where(people) -> tuple[str, list]:
    """SQL about `p` for the people of a queryset, and its parameters, for `kinds_in_bulk`."""
    sql, params = people.order_by().values("pk").query.sql_with_params()
    return f"p.id IN ({sql})", list(params)


def site_occupancy(site: Site, dates: list[datetime.date]) -> dict:
    """Who is booked at the office of a site per day, against its desks. Two queries (`kinds_in_bulk`),
    whatever the number of people."""
    bulk = kinds_in_bulk(*_site_set(site, dates[0], dates[-1]), dates)
    rows, kinds = bulk.rows, bulk.kinds
    booked = (rules.OFFICE, site.pk)
    # People who share a usual week share one tuple of days (`rules.kinds`): each is looked at once a day,
    # and each day's people are picked from the rows in C (`compress`), in the rows' order of names.
    numbers: dict[int, int] = {}
    weeks: list[Sequence[tuple[str, int | None]]] = []
    week_of: list[int] = []
    for row in rows:
        own = kinds[row[0]]
        number = numbers.get(id(own))
        if number is None:
            number = numbers[id(own)] = len(weeks)
            weeks.append(own)
        week_of.append(number)
    here = []
    for index in range(len(dates)):
        there = [week[index] == booked for week in weeks]
        here.append(list(compress(rows, map(there.__getitem__, week_of))))
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


def _site_set(site: Site, start: datetime.date, end: datetime.date) -> tuple[str, list]:
    """SQL for the active people who could be at the site in the period (`p`): based there, a usual week
    there, or a change there; and its parameters."""
    person, pattern, change = Person._meta.db_table, WorkPattern._meta.db_table, DayChange._meta.db_table
    return (
        f"""p.is_active AND p.id IN (
            SELECT id FROM {person} WHERE site_id = %s
            UNION SELECT person_id FROM {pattern} WHERE site_id = %s
            UNION SELECT person_id FROM {change} WHERE site_id = %s AND date BETWEEN %s AND %s)""",
        [site.pk, site.pk, site.pk, start, end],
    )


def site_weeks(site: Site, monday: datetime.date, weeks: int) -> list[dict]:
    """The desks taken at a site each working day of some weeks from a Monday, against its desks: the rows
    of the occupancy map. One `site_occupancy` for the whole range (two queries, whatever the number of
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

    Nobody is planned one by one: the database groups everyone by unit, country and the usual week in
    force on the first date, and the days of each distinct usual week are computed once (`rules.kinds`).
    Then each usual week starting within the dates, and each day change (counted by the database), moves
    days from one bucket to another: the same days as planning each person. Four queries.
    """
    index = {date.isoformat(): at for at, date in enumerate(dates)}
    weeks = _UsualWeeks(dates)
    size = len(dates) * len(BUCKETS)
    # Each unit's counts in one flat list, day after day, a place per bucket: 10,000 units over a week
    # are 70,000 counts, and lists of lists took most of the time.
    totals: dict[int, list[int]] = {}
    for unit, country, no_site, *days, number in _usual_week_groups(dates[0]):
        counts = totals.get(unit) or totals.setdefault(unit, [0] * size)
        for place in weeks.places(country, no_site, days):
            counts[place] += number
    for unit, at, was, now in _weeks_starting(dates):
        counts = totals.get(unit) or totals.setdefault(unit, [0] * size)
        counts[at * len(BUCKETS) + was] -= 1
        counts[at * len(BUCKETS) + now] += 1
    for unit, country, no_site, date, kind, *days, number in _changes_by_group(dates[0], dates[-1]):
        at = index.get(str(date)[:10])  # SQLite gives text; dates may leave out days (weekends)
        if at is not None:
            counts = totals.get(unit) or totals.setdefault(unit, [0] * size)
            counts[weeks.places(country, no_site, days)[at]] -= number
            counts[at * len(BUCKETS) + BUCKETS.index(rules.bucket(kind))] += number
    return {unit: _counters(counts) for unit, counts in totals.items()}


BUCKETS = ("office", "remote", "away", "off")  # as `rules.bucket` names them


def _counters(counts: list[int]) -> list[Counter[str]]:
    """A Counter per day of the buckets counted, from a flat list. Counter's own constructor is Python
    code, which took a fifth of the time for the 70,000 counts of 10,000 units; this one is C."""
    days = [counts[at : at + len(BUCKETS)] for at in range(0, len(counts), len(BUCKETS))]
    found = []
    for day in days:
        made: Counter[str] = Counter.__new__(Counter)
        dict.update(made, compress(zip(BUCKETS, day, strict=True), day))  # only the buckets counted
        found.append(made)
    return found


class _UsualWeeks:
    """Where each date of a usual week (None: the default week) counts, for people of a country with or
    without a site, holidays included: its place in `unit_counts`' flat list, computed once per distinct
    week by `rules.kinds`."""

    def __init__(self, dates: list[datetime.date]):
        self.dates = dates
        self.known: dict[tuple, list[int]] = {}

    def places(self, country: str, no_site, days) -> list[int]:
        key = (country, no_site, *days)
        if key not in self.known:
            # Only whether the person has a site changes the counts (the default week is remote without
            # one), so any site stands for hers.
            person = rules.PersonInfo(0, country, None if no_site else 0, "")
            own = [rules.Pattern(self.dates[0], tuple(days))] if days[0] is not None else []
            pairs = rules.kinds([person], self.dates, {0: own}, {})[0]
            self.known[key] = [
                at * len(BUCKETS) + BUCKETS.index(rules.bucket(kind))
                for at, (kind, _site) in enumerate(pairs)
            ]
        return self.known[key]


def _weeks_starting(dates: list[datetime.date]) -> list[tuple]:
    """(unit, date index, bucket before, bucket now) for each day whose usual week differs from the one in
    force on the first date because another started within the dates (day changes aside): two queries
    for the few people with one."""
    starting = WorkPattern.objects.filter(valid_from__gt=dates[0], valid_from__lte=dates[-1])
    people = Person.objects.filter(is_active=True, pk__in=starting.values("person_id"))
    rows = list(people.values_list("id", "country", "site_id", "time_zone", "unit_id"))
    patterns = patterns_for(people, dates[-1], hours=False)
    infos_ = [rules.PersonInfo(*row) for row in rows]
    now = rules.kinds(infos_, dates, patterns, {})
    first = {
        pk: [pattern for pattern in own if pattern.valid_from <= dates[0]] for pk, own in patterns.items()
    }
    before = rules.kinds(infos_, dates, first, {})
    moved = []
    for person in infos_:
        for at, ((was, _site), (kind, _where)) in enumerate(
            zip(before[person.id], now[person.id], strict=True)
        ):
            if rules.bucket(was) != rules.bucket(kind):
                moved.append(
                    (person.unit_id, at, BUCKETS.index(rules.bucket(was)), BUCKETS.index(rules.bucket(kind)))
                )
    return moved


def _usual_week_groups(start: datetime.date) -> list[tuple]:
    """Active people counted by unit, country, whether they have a site, and the usual week in force on
    `start` (NULLs: none yet, the default week)."""
    person, pattern = Person._meta.db_table, WorkPattern._meta.db_table
    days = ", ".join(f"w.{field}" for field in WEEKDAY_FIELDS)
    return _fetch(
        f"""
        SELECT p.unit_id, p.country, CASE WHEN p.site_id IS NULL THEN 1 ELSE 0 END, {days}, COUNT(*)
        FROM {person} p
        LEFT JOIN {pattern} w ON w.person_id = p.id AND w.valid_from = (
            SELECT MAX(x.valid_from) FROM {pattern} x WHERE x.person_id = p.id AND x.valid_from <= %s)
        WHERE p.is_active
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
        """,
        [start],
    )


def _changes_by_group(start: datetime.date, end: datetime.date) -> list[tuple]:
    """The day changes of active people within the dates, counted by unit, country, whether the person has
    a site, date, kind, and the usual week in force that day (NULLs: the default week)."""
    person, pattern, change = Person._meta.db_table, WorkPattern._meta.db_table, DayChange._meta.db_table
    days = ", ".join(f"w.{field}" for field in WEEKDAY_FIELDS)
    return _fetch(
        f"""
        SELECT p.unit_id, p.country, CASE WHEN p.site_id IS NULL THEN 1 ELSE 0 END, c.date, c.kind, {days},
               COUNT(*)
        FROM {change} c JOIN {person} p ON p.id = c.person_id
        LEFT JOIN {pattern} w ON w.person_id = c.person_id AND w.valid_from = (
            SELECT MAX(x.valid_from) FROM {pattern} x
            WHERE x.person_id = c.person_id AND x.valid_from <= c.date)
        WHERE p.is_active AND c.date BETWEEN %s AND %s
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
        """,
        [start, end],
    )


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
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
    every member's plan (three), the units' settings (one), and each office's bookings once (two per
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


def offices_planner_link(*, user) -> dict | None:
    """The site list offers HR to propose plans for several offices at once (subscribed to
    `org.hooks.site_list_links`)."""
    if not permissions.can_plan_sites(user):
        return None
    return {"text": gettext("Propose plans for several offices"), "url": reverse("planning:offices_planner")}
