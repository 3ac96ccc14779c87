"""The business case: what remote work saved, computed from the plans as they were and as planned ahead.

A day counts as it stands in planning: a person's day change, else a public holiday of their country,
else the usual week in force that day, else the default week (the same precedence as
`planning.rules.plan`). A commute avoided is a working day at home ("remote"); each avoids a round trip
of the person's commute distance by their commute mode. Desks are counted at each site from everyone's
office days there.

At 100,000 people this must answer within a second, so people are never planned one by one: the
database groups them by what decides their days (country, site, commute mode, the usual week and the
dates it is in force), the days of each group are counted once, and each day change in the period then
moves one day from what the usual week said to what the change says. Six queries in all. Even so, at
100,000 people on SQLite that takes seconds, so the figures are kept (`figures`, `reports.kept`): the task
worker computes them anew within a minute of a change while the page shows the last ones.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connection

from distans.core.permissions import has_role, is_admin, is_hr, is_manager
from distans.core.roles import Role
from distans.org.models import Person, Site, Unit
from distans.planning import rules
from distans.planning.models import WEEKDAY_FIELDS, DayChange, WorkPattern
from distans.reports import kept

WEEKDAYS = range(5)  # desks are judged on working weekdays


def can_view_business_case(user) -> bool:
    """HR, HR approvers and administrators see the whole organisation; a manager her own units."""
    return can_view_everything(user) or is_manager(user)


def can_view_everything(user) -> bool:
    return is_hr(user) or has_role(user, Role.HR_APPROVER) or is_admin(user)


def visible_units(user):
    """The units the user may choose: all of them, or those a manager manages and every unit below."""
    if can_view_everything(user):
        return Unit.objects.order_by("name")
    table = Unit._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH RECURSIVE below(id) AS (SELECT id FROM {table} WHERE manager_id = %s"
            f" UNION SELECT u.id FROM {table} u JOIN below b ON u.parent_id = b.id) SELECT id FROM below",
            [user.pk],
        )
        ids = [row[0] for row in cursor.fetchall()]
    return Unit.objects.filter(pk__in=ids).order_by("name")


@dataclass(frozen=True)
class Selection:
    """Whose commute counts: people in these units (None: any), based at this site, employed in this
    country. Desks are counted for everyone who comes to a site, whatever their unit."""

    start: datetime.date
    end: datetime.date
    today: datetime.date
    unit_ids: tuple[int, ...] | None = None
    site_id: int | None = None
    country: str = ""


@dataclass
class ModeFigures:
    """Commutes avoided by one mode: trips and one-way kilometres, so far (to today) and planned ahead."""

    people: int = 0
    trips: list[int] = field(default_factory=lambda: [0, 0])
    km: list[float] = field(default_factory=lambda: [0.0, 0.0])


@dataclass
class SiteDesks:
    site: Site
    people: int  # based at the site: the group its figures are about
    counts: list[int]  # at the office there, per date of the period


@dataclass
class Result:
    selection: Selection
    dates: list[datetime.date]
    people: int  # chosen
    modes: dict[str, ModeFigures]  # by commute mode, for the chosen people with a commute
    weekly_trips: list[int]  # per week of the period, from the Monday it starts in
    sites: list[SiteDesks]

    @property
    def commuters(self) -> int:
        return sum(figures.people for figures in self.modes.values())


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The last quarter (13 whole weeks) and the next four weeks, from a Monday to a Sunday."""
    monday = today - datetime.timedelta(days=today.weekday())
    return monday - datetime.timedelta(weeks=13), monday + datetime.timedelta(weeks=5, days=-1)


# Up to this many active people the first figures of a choice are computed on the request (about half a
# second on SQLite); above it by the task worker, while the page says they are on their way.
INLINE_PEOPLE = 20_000


def figures(selection: Selection, *, now: bool = False) -> kept.Kept:
    """`compute`'s result for a choice, kept until the plans change (`reports.kept`); `now`: computed on
    this request if none are kept (a download, the API)."""
    return kept.kept(
        "business-case",
        selection,
        compute_first=lambda: now or Person.objects.filter(is_active=True).count() <= INLINE_PEOPLE,
    )


@kept.computes("business-case")
def compute(selection: Selection) -> Result:
    dates = [
        selection.start + datetime.timedelta(days=offset)
        for offset in range((selection.end - selection.start).days + 1)
    ]
    tally = _Tally(selection, dates)
    for row in _pattern_groups(selection):
        tally.add_group(*row)
    for row in _default_groups(selection):
        tally.add_group(*row)
    tally.finish()
    tally.apply_changes(_changes(selection))
    people, modes, based, theirs = _people(selection)
    for mode, count in modes.items():
        tally.modes[mode].people = count
    sites = Site.objects.filter(desk_capacity__gt=0).order_by("name")
    if selection.site_id:
        sites = sites.filter(pk=selection.site_id)
    elif selection.unit_ids is not None or selection.country:
        # A part of the organisation: only the sites where its people have their desks.
        sites = sites.filter(pk__in=theirs)
    return Result(
        selection=selection,
        dates=dates,
        people=people,
        modes={mode: tally.modes[mode] for mode in sorted(tally.modes)},
        weekly_trips=tally.weekly,
        sites=[
            SiteDesks(site, based.get(site.pk, 0), tally.occupancy.get(site.pk, [0] * len(dates)))
            for site in sites
        ],
    )


class _Tally:
    """Adds up groups of people who share their days, then moves each changed day.

    A group adds its people to the weeks its usual week is in force, for each weekday, as a step up and a
    step down in a running sum (a difference array by week), so a group costs seven steps whatever the
    length of the period; `finish` walks the weeks once per weekday, leaving out each country's
    holidays."""

    def __init__(self, selection: Selection, dates: list[datetime.date]):
        self.start, self.end, self.today = selection.start, selection.end, selection.today
        self.dates = dates
        self.first_monday = dates[0] - datetime.timedelta(days=dates[0].weekday())
        self.weeks = (dates[-1] - self.first_monday).days // 7 + 1
        self.weekly = [0] * self.weeks
        self.modes: defaultdict[str, ModeFigures] = defaultdict(ModeFigures)
        self.occupancy: defaultdict[int, list[int]] = defaultdict(lambda: [0] * len(dates))
        self._holidays: dict[str, set[datetime.date]] = {}
        # (mode, country, weekday) -> steps of people and of their kilometres; (site, country, weekday) ->
        # steps of people at the office.
        self._commute: defaultdict[tuple, list[list[float]]] = defaultdict(
            lambda: [[0] * (self.weeks + 1), [0.0] * (self.weeks + 1)]
        )
        self._office: defaultdict[tuple, list[int]] = defaultdict(lambda: [0] * (self.weeks + 1))
        self._bounds: dict[tuple, list[tuple[int, int]]] = {}
        self._plans: dict[tuple, list[tuple[int, str, int | None]]] = {}

    def holidays(self, country: str) -> set[datetime.date]:
        if country not in self._holidays:
            years = {date.year for date in self.dates}
            self._holidays[country] = {day for year in years for day in rules.public_holidays(country, year)}
        return self._holidays[country]

    def _weeks(self, since, until) -> list[tuple[int, int]]:
        """For each weekday, the weeks (from the first Monday) of its first date on or after `since` and
        on or after `until` (exclusive; None: after the period): the step up and the step down."""
        key = (since, until)
        if key not in self._bounds:
            after = self.end + datetime.timedelta(days=1)
            start = max(_as_date(since), self.start)
            end = after if until is None else min(_as_date(until), after)
            last_day = 7 * self.weeks

            def week(date: datetime.date, weekday: int) -> int:
                return min((date - self.first_monday).days + (weekday - date.weekday()) % 7, last_day) // 7

            self._bounds[key] = [(week(start, weekday), week(end, weekday)) for weekday in range(7)]
        return self._bounds[key]

    def _plan(self, week, pattern_site, person_site) -> list[tuple[int, str, int | None]]:
        """The weekdays a usual week spends at home or at an office: (weekday, kind, site)."""
        key = (week, pattern_site, person_site)
        if key not in self._plans:
            pairs = [(weekday, *_usual(week, weekday, pattern_site, person_site)) for weekday in range(7)]
            self._plans[key] = [
                (weekday, kind, site)
                for weekday, kind, site in pairs
                if kind == rules.REMOTE or (kind == rules.OFFICE and site is not None)
            ]
        return self._plans[key]

    def add_group(self, chosen, country, person_site, mode, week, pattern_site, since, until, count, km):
        """`count` people of a country and site with the same usual week (None: the default week) in force
        from `since` until before `until` (None: still); `mode` is their commute ('' without one) and
        `km` the sum of their one-way distances."""
        bounds = self._weeks(since, until)
        km = float(km or 0)
        for weekday, kind, site in self._plan(week, pattern_site, person_site):
            first, last = bounds[weekday]
            if first >= last:
                continue
            if kind == rules.REMOTE:
                if chosen and mode:
                    people, kilometres = self._commute[(mode, country, weekday)]
                    people[first] += count
                    people[last] -= count
                    kilometres[first] += km
                    kilometres[last] -= km
            else:
                steps = self._office[(site, country, weekday)]
                steps[first] += count
                steps[last] -= count

    def finish(self) -> None:
        """Turn the steps into days: each week's running sum on its weekday, unless a holiday."""
        for (mode, country, weekday), (people, kilometres) in self._commute.items():
            running, distance = 0, 0.0
            for index, date, holiday in self._days(country, weekday):
                running += people[index]
                distance += kilometres[index]
                if running and not holiday:
                    self._trips(mode, date, running, distance)
        for (site, country, weekday), steps in self._office.items():
            running, occupancy = 0, self.occupancy[site]
            for index, date, holiday in self._days(country, weekday):
                running += steps[index]
                if running and not holiday:
                    occupancy[(date - self.start).days] += running

    def _days(self, country: str, weekday: int):
        """(week, date, holiday?) for each week, with the date None outside the period."""
        holidays = self.holidays(country)
        for index in range(self.weeks):
            date = self.first_monday + datetime.timedelta(days=7 * index + weekday)
            inside = self.start <= date <= self.end
            yield index, date, (not inside) or date in holidays

    def _trips(self, mode: str, date: datetime.date, count: int, km: float) -> None:
        """Round trips not made on a date by `count` people whose one-way distances sum to `km`
        (negative: trips no longer avoided)."""
        figures = self.modes[mode]
        ahead = int(date > self.today)
        figures.trips[ahead] += count
        figures.km[ahead] += km
        self.weekly[(date - self.first_monday).days // 7] += count

    def apply_changes(self, changes: list[tuple]) -> None:
        """Each day change replaces what the usual week said that day: the same precedence as
        `planning.rules.day_for` (a change wins over a holiday). `changes` come grouped: how many people
        changed a date from what to what, with the sum of their distances."""
        for date, kind, site, chosen, country, mode, usual_kind, usual_site, count, km in changes:
            date = _as_date(date)
            if date in self.holidays(country):
                usual, usual_site = rules.HOLIDAY, None
            elif usual_kind is None:  # no usual week yet: the default week
                usual, usual_site = _usual(None, date.weekday(), None, usual_site)
            else:
                usual = usual_kind
            index = (date - self.start).days
            for what, where, sign in ((usual, usual_site, -1), (kind, site, 1)):
                if what == rules.REMOTE and chosen and mode:
                    self._trips(mode, date, sign * count, sign * float(km or 0))
                elif what == rules.OFFICE and where is not None:
                    self.occupancy[where][index] += sign * count


def _usual(week: tuple[str, ...] | None, weekday: int, pattern_site, person_site) -> tuple[str, int | None]:
    """(kind, site) of a weekday in a usual week, or in the default week (None), as `planning.rules`
    decides it: the default week works at the person's site, remotely when she has none."""
    if week is None:
        kind = rules.DEFAULT_WEEK[weekday]
        if kind == rules.OFFICE and person_site is None:
            return rules.REMOTE, None
        return kind, person_site if kind == rules.OFFICE else None
    kind = week[weekday]
    return kind, (pattern_site or person_site) if kind == rules.OFFICE else None


def _as_date(value) -> datetime.date:
    """A date from the database cursor (SQLite gives text)."""
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def _chosen(selection: Selection) -> tuple[str, list]:
    """An SQL expression, 1 for the chosen people, and its parameters."""
    terms, params = ["1 = 1"], list[object]()
    if selection.unit_ids is not None:
        terms.append(f"p.unit_id IN ({', '.join(['%s'] * len(selection.unit_ids)) or 'NULL'})")
        params += list(selection.unit_ids)
    if selection.site_id:
        terms.append("p.site_id = %s")
        params.append(selection.site_id)
    if selection.country:
        terms.append("p.country = %s")
        params.append(selection.country)
    return f"CASE WHEN {' AND '.join(terms)} THEN 1 ELSE 0 END", params


# The person's commute mode when she has both a distance and a mode, else ''.
MODE = "CASE WHEN p.commute_distance_km > 0 THEN p.commute_mode ELSE '' END"


def _ordinals(count: int) -> str:
    """GROUP BY the first columns by position: PostgreSQL does not match a repeated expression whose
    parameters are numbered anew."""
    return ", ".join(str(number) for number in range(1, count + 1))


def _run(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _pattern_groups(selection: Selection) -> list[tuple]:
    """Usual weeks in force in the period, each with the dates it runs [from, until), grouped."""
    chosen, params = _chosen(selection)
    person, pattern = Person._meta.db_table, WorkPattern._meta.db_table
    days = ", ".join(f"s.{name}" for name in WEEKDAY_FIELDS)
    # Usual weeks in force before the period all start with it: fewer groups.
    since = "CASE WHEN s.valid_from < %s THEN %s ELSE s.valid_from END"
    columns = f"p.country, p.site_id, {MODE}, {days}, s.site_id, {since}, s.until"
    sql = f"""
        WITH s AS (
            SELECT person_id, valid_from, site_id, {", ".join(WEEKDAY_FIELDS)},
                   LEAD(valid_from) OVER (PARTITION BY person_id ORDER BY valid_from) AS until
            FROM {pattern} WHERE valid_from <= %s
        )
        SELECT {chosen}, {columns}, COUNT(*), SUM(p.commute_distance_km)
        FROM {person} p JOIN s ON s.person_id = p.id
        WHERE p.is_active AND (s.until IS NULL OR s.until > %s)
        GROUP BY {_ordinals(14)}
    """
    rows = _run(sql, [selection.end, *params, selection.start, selection.start, selection.start])
    return [(*row[:4], tuple(row[4:11]), *row[11:]) for row in rows]


def _default_groups(selection: Selection) -> list[tuple]:
    """People before their first usual week (or with none): the default week, until the first starts."""
    chosen, params = _chosen(selection)
    person, pattern = Person._meta.db_table, WorkPattern._meta.db_table
    columns = f"p.country, p.site_id, {MODE}"
    sql = f"""
        SELECT {chosen}, {columns}, f.first, COUNT(*), SUM(p.commute_distance_km)
        FROM {person} p
        LEFT JOIN (SELECT person_id, MIN(valid_from) AS first FROM {pattern} GROUP BY person_id) f
            ON f.person_id = p.id
        WHERE p.is_active AND (f.first IS NULL OR f.first > %s)
        GROUP BY {_ordinals(5)}
    """
    rows = _run(sql, [*params, selection.start])
    return [(*row[:4], None, None, selection.start, row[4], *row[5:]) for row in rows]


def _changes(selection: Selection) -> list[tuple]:
    """The day changes in the period, grouped by date, what they change to and from (the usual week in
    force that day, found by its start), and whose commute they are."""
    chosen, params = _chosen(selection)
    person, change, pattern = Person._meta.db_table, DayChange._meta.db_table, WorkPattern._meta.db_table
    weekday = _weekday("c.date")  # 0 is Sunday
    usual = " ".join(f"WHEN {(day + 1) % 7} THEN w.{name}" for day, name in enumerate(WEEKDAY_FIELDS))
    sql = f"""
        SELECT c.date, c.kind,
               CASE WHEN c.kind = '{rules.OFFICE}' THEN COALESCE(c.site_id, w.site_id, p.site_id) END,
               {chosen}, p.country, {MODE}, CASE {weekday} {usual} END, COALESCE(w.site_id, p.site_id),
               COUNT(*), SUM(p.commute_distance_km)
        FROM {change} c JOIN {person} p ON p.id = c.person_id
        LEFT JOIN {pattern} w ON w.person_id = c.person_id AND w.valid_from = (
            SELECT MAX(x.valid_from) FROM {pattern} x
            WHERE x.person_id = c.person_id AND x.valid_from <= c.date
        )
        WHERE p.is_active AND c.date BETWEEN %s AND %s
        GROUP BY {_ordinals(8)}
    """
    return _run(sql, [*params, selection.start, selection.end])


def _weekday(column: str) -> str:
    """The day of the week of a date column in SQL, 0 for Sunday to 6 for Saturday."""
    if connection.vendor == "sqlite":
        return f"CAST(strftime('%%w', {column}) AS INTEGER)"
    return f"CAST(EXTRACT(DOW FROM {column}) AS INTEGER)"


def _people(selection: Selection) -> tuple[int, Counter[str], Counter[int], set[int]]:
    """The chosen people, those of them with a commute by mode, everyone based at each site, and the
    sites where the chosen people are based."""
    chosen, params = _chosen(selection)
    sql = f"""
        SELECT {chosen}, p.site_id, {MODE}, COUNT(*) FROM {Person._meta.db_table} p
        WHERE p.is_active GROUP BY {_ordinals(3)}
    """
    people, modes, based, theirs = 0, Counter[str](), Counter[int](), set[int]()
    for is_chosen, site, mode, count in _run(sql, params):
        if site is not None:
            based[site] += count
        if is_chosen:
            people += count
            if mode:
                modes[mode] += count
            if site is not None:
                theirs.add(site)
    return people, modes, based, theirs
