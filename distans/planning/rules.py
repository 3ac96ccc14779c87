"""Computing plans: pure functions over plain data, no database.

The plan for a person and a day is: their change for that day, else a public holiday of their
country (a day off), else their pattern in force that day, else the default (office on weekdays at
their site, off at weekends). Coverage, duties (in each person's own time zone), capacity and team
office days are judged from the computed days.
"""

import bisect
import datetime
import functools
import math
import zoneinfo
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

OFFICE, REMOTE, OTHER, ABROAD, AWAY, OFF, HOLIDAY = (
    "office",
    "remote",
    "other",
    "abroad",
    "away",
    "off",
    "holiday",
)
WORKING = {OFFICE, REMOTE, OTHER, ABROAD}
AWAY_FROM_OFFICE = {REMOTE, OTHER, ABROAD}
DEFAULT_WEEK = (OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, OFF, OFF)
DEFAULT_HOURS = (datetime.time(8, 0), datetime.time(16, 30))
# How far ahead a day may be changed: the coming weeks and months (leave next summer), not decades.
DAYS_AHEAD = 2 * 366
# Work from abroad names its country by ISO 3166-1 alpha-2 code: the codes the holiday calendars know.
# Written out because asking the library imports every country's calendar (a second at start-up);
# tests/test_startup.py checks the list against the library.
COUNTRIES = tuple(
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS "
    "BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE "
    "EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC "
    "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA "
    "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO "
    "TR TT TV TW TZ UA UG UK UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW".split()
)

# Days off besides the statutory ones, as Nordic employers give them: Midsummer, Christmas and New
# Year's Eve in Sweden; Constitution Day and Christmas Eve in Denmark.
HOLIDAY_CATEGORIES = {"SE": ("public", "de_facto"), "DK": ("public", "optional"), "NO": ("public",)}
HOLIDAY_LANGUAGES = {"en": "en_US", "sv": "sv", "nb": "no", "da": "da"}


class PersonInfo(NamedTuple):
    id: int
    country: str
    site_id: int | None
    time_zone: str
    unit_id: int | None = None


class Pattern(NamedTuple):
    valid_from: datetime.date
    days: tuple[str, ...]
    site_id: int | None = None
    work_start: datetime.time = DEFAULT_HOURS[0]
    work_end: datetime.time = DEFAULT_HOURS[1]


class Change(NamedTuple):
    kind: str
    site_id: int | None = None
    country: str = ""
    away_reason: str = ""
    flexible: bool = False


class Day(NamedTuple):
    """A computed day. A named tuple: plans build hundreds of thousands of them."""

    date: datetime.date
    kind: str
    site_id: int | None
    source: str  # change, holiday, pattern, default
    detail: str = ""  # the away reason, the country abroad, or the holiday's name
    flexible: bool = False
    work_start: datetime.time = DEFAULT_HOURS[0]
    work_end: datetime.time = DEFAULT_HOURS[1]

    @property
    def working(self) -> bool:
        return self.kind in WORKING


@functools.lru_cache(maxsize=64)
def public_holidays(country: str, year: int, language: str = "en") -> dict[datetime.date, str]:
    """The country's days off in a year, named in the language if the calendar has it."""
    if country not in HOLIDAY_CATEGORIES:
        return {}
    import holidays as holiday_calendars  # here, not at start-up: the library takes half a second to load

    calendar = holiday_calendars.country_holidays(country, years=year, categories=HOLIDAY_CATEGORIES[country])
    wanted = HOLIDAY_LANGUAGES.get(language, "en_US")
    if wanted in calendar.supported_languages:
        calendar = holiday_calendars.country_holidays(
            country, years=year, categories=HOLIDAY_CATEGORIES[country], language=wanted
        )
    return dict(calendar.items())


def holiday_name(country: str, date: datetime.date, language: str = "en") -> str:
    return public_holidays(country, date.year, language).get(date, "")


def pattern_on(patterns: list[Pattern], date: datetime.date) -> Pattern | None:
    """The pattern in force on a date; `patterns` sorted by `valid_from`."""
    index = bisect.bisect_right([pattern.valid_from for pattern in patterns], date) - 1
    return patterns[index] if index >= 0 else None


def day_for(
    person: PersonInfo,
    date: datetime.date,
    patterns: list[Pattern],
    change: Change | None,
    language: str = "en",
) -> Day:
    pattern = pattern_on(patterns, date)
    hours = (pattern.work_start, pattern.work_end) if pattern else DEFAULT_HOURS
    site = (pattern.site_id if pattern and pattern.site_id else None) or person.site_id
    if change is not None:
        detail = (
            change.away_reason if change.kind == AWAY else change.country if change.kind == ABROAD else ""
        )
        return Day(
            date,
            change.kind,
            change.site_id or site if change.kind == OFFICE else None,
            "change",
            detail,
            change.flexible,
            *hours,
        )
    name = holiday_name(person.country, date, language)
    if name:
        return Day(date, HOLIDAY, None, "holiday", name, False, *hours)
    if pattern is not None:
        kind = pattern.days[date.weekday()]
        return Day(date, kind, site if kind == OFFICE else None, "pattern", "", False, *hours)
    kind = DEFAULT_WEEK[date.weekday()]
    if kind == OFFICE and site is None:
        kind = REMOTE  # nowhere to go: no site and no pattern
    return Day(date, kind, site if kind == OFFICE else None, "default", "", False, *hours)


def plan(
    people: list[PersonInfo],
    dates: list[datetime.date],
    patterns: dict[int, list[Pattern]],
    changes: dict[tuple[int, datetime.date], Change],
    language: str = "en",
) -> dict[int, list[Day]]:
    """Every person's day for every date (`dates` ascending). The same precedence as `day_for`, in one
    pass per person: the pattern in force moves forward with the dates instead of being searched."""
    years = {date.year for date in dates}
    holidays = {
        (country, year): public_holidays(country, year, language)
        for country in {person.country for person in people}
        for year in years
    }
    planned = {}
    for person in people:
        own = patterns.get(person.id, [])
        index = bisect.bisect_right([pattern.valid_from for pattern in own], dates[0]) - 1 if own else -1
        days = []
        for date in dates:
            while index + 1 < len(own) and own[index + 1].valid_from <= date:
                index += 1
            change = changes.get((person.id, date))
            holiday = holidays[(person.country, date.year)].get(date) if change is None else None
            if change is None and holiday is None and index >= 0:
                pattern = own[index]
                kind = pattern.days[date.weekday()]
                site = (pattern.site_id or person.site_id) if kind == OFFICE else None
                days.append(Day(date, kind, site, "pattern", "", False, pattern.work_start, pattern.work_end))
            else:
                days.append(day_for(person, date, own[: index + 1], change, language))
        planned[person.id] = days
    return planned


def kinds(
    people: list[PersonInfo],
    dates: list[datetime.date],
    patterns: dict[int, list[Pattern]],
    changes: dict[tuple[int, datetime.date], Change],
) -> dict[int, Sequence[tuple[str, int | None]]]:
    """Only where each person is, as (kind, site) pairs: the same precedence as `plan`, without
    building days, for counting thousands of people (site occupancy, organisation counts)."""
    weekdays = [date.weekday() for date in dates]
    off_days = {
        country: {date for date in dates if date in public_holidays(country, date.year)}
        for country in {person.country for person in people}
    }
    by_person: dict[int, dict[datetime.date, Change]] = {}
    for (person_id, date), changed in changes.items():
        by_person.setdefault(person_id, {})[date] = changed
    result: dict[int, Sequence[tuple[str, int | None]]] = {}
    shared: dict[tuple[object, ...], tuple[tuple[str, int | None], ...]] = {}
    for person in people:
        own = patterns.get(person.id, [])
        mine = by_person.get(person.id, {})
        holidays = off_days[person.country]
        if not mine and len(own) <= 1 and (not own or own[0].valid_from <= dates[0]):
            # The common case: one usual week all through, no changes. People with the same usual
            # week, office and country share one (read-only) tuple of days.
            pattern = own[0] if own else None
            key = (
                pattern.days if pattern else None,
                pattern.site_id if pattern else None,
                person.site_id,
                person.country,
            )
            if key not in shared:
                usual = _usual_pairs(person, pattern)
                shared[key] = tuple(
                    (HOLIDAY, None) if date in holidays else usual[weekday]
                    for date, weekday in zip(dates, weekdays, strict=True)
                )
            result[person.id] = shared[key]
            continue
        index = bisect.bisect_right([pattern.valid_from for pattern in own], dates[0]) - 1
        out = []
        for date, weekday in zip(dates, weekdays, strict=True):
            while index + 1 < len(own) and own[index + 1].valid_from <= date:
                index += 1
            change = mine.get(date) if mine else None
            if change is not None:
                site = change.site_id or (own[index].site_id if index >= 0 else None) or person.site_id
                out.append((change.kind, site if change.kind == OFFICE else None))
            elif date in holidays:
                out.append((HOLIDAY, None))
            else:
                kind = own[index].days[weekday] if index >= 0 else DEFAULT_WEEK[weekday]
                site = (own[index].site_id if index >= 0 else None) or person.site_id
                if kind == OFFICE and site is None and index < 0:
                    kind = REMOTE
                out.append((kind, site if kind == OFFICE else None))
        result[person.id] = out
    return result


def _usual_pairs(person: PersonInfo, pattern: Pattern | None) -> list[tuple[str, int | None]]:
    """(kind, site) for each weekday of a usual week, with the same defaults as `day_for`."""
    pairs = []
    for weekday in range(7):
        kind = pattern.days[weekday] if pattern else DEFAULT_WEEK[weekday]
        site = (pattern.site_id if pattern else None) or person.site_id
        if kind == OFFICE and site is None and pattern is None:
            kind = REMOTE
        pairs.append((kind, site if kind == OFFICE else None))
    return pairs


def iso_week(date: datetime.date) -> str:
    """The ISO week a date is in, as "2026-W50"."""
    year, week, _day = date.isocalendar()
    return f"{year}-W{week:02d}"


def monday_of(value: str) -> datetime.date:
    """The Monday of an ISO week written "2026-W50"; ValueError when it is not one."""
    year, week = value.split("-W")
    return datetime.date.fromisocalendar(int(year), int(week), 1)


def week_dates(year: int, week: int) -> list[datetime.date]:
    monday = datetime.date.fromisocalendar(year, week, 1)
    return [monday + datetime.timedelta(days=offset) for offset in range(7)]


def bucket(kind: str) -> str:
    """Where a day counts: the office, remote (anywhere but the office), away, or off."""
    return (
        "office"
        if kind == OFFICE
        else "remote"
        if kind in AWAY_FROM_OFFICE
        else "away"
        if kind == AWAY
        else "off"
    )


def desk_level(count: int, desks: int | None) -> str:
    """How full an office is, as a step of the occupancy map: "none" without a desk count, "0" empty, "1"
    to "4" by quarters of the desks, "full" and "over"."""
    if not desks:
        return "none"
    if count > desks:
        return "over"
    if count == desks:
        return "full"
    return str(0 if count == 0 else 1 + 4 * count // desks)


def counts(days: list[Day]) -> Counter[str]:
    return Counter(bucket(day.kind) for day in days)


def required_on_site(rule: dict[str, Any] | None, members: int) -> int:
    if not rule:
        return 0
    by_share = math.ceil(members * int(rule.get("min_share") or 0) / 100)
    return max(int(rule.get("min_people") or 0), by_share)


def _utc(date: datetime.date, time: datetime.time, zone: str) -> datetime.datetime:
    return datetime.datetime.combine(date, time, tzinfo=zoneinfo.ZoneInfo(zone)).astimezone(datetime.UTC)


def covers(day: Day, person_zone: str, duty: dict[str, Any]) -> bool:
    """Whether the person's working hours that day, in their own time zone, span the whole duty window
    in the duty's time zone (so daylight-saving changes on either side count)."""
    if not day.working:
        return False
    start = _utc(day.date, day.work_start, person_zone)
    end = _utc(day.date, day.work_end, person_zone)
    duty_start = _utc(day.date, datetime.time.fromisoformat(duty["start"]), duty["time_zone"])
    duty_end = _utc(day.date, datetime.time.fromisoformat(duty["end"]), duty["time_zone"])
    return start <= duty_start and end >= duty_end


@dataclass(frozen=True)
class Problem:
    code: str  # coverage, duty, capacity, office_day
    date: datetime.date
    params: tuple[tuple[str, Any], ...] = ()


def is_office_day(date: datetime.date, settings: Mapping[str, Any]) -> bool:
    """A team office day: one of the unit's weekdays, or one of its extra dates."""
    return date.weekday() in (settings.get("office_weekdays") or []) or date.isoformat() in (
        settings.get("office_dates") or []
    )


def off_for_all(days: list[Day]) -> bool:
    """A day off for everyone (a public holiday, a weekend): no coverage is kept. Everyone on leave is
    not one."""
    return all(day.kind in (HOLIDAY, OFF) for day in days)


def unit_problems(
    dates: list[datetime.date],
    members: list[PersonInfo],
    days: dict[int, list[Day]],
    settings: Mapping[str, Any],
    fully_remote: frozenset[int] = frozenset(),
) -> list[Problem]:
    """Coverage below the minimum, uncovered duties, and members away from the office on a team office
    day, for each date. `settings` holds office_weekdays, coverage and duties as stored; the people in
    `fully_remote` (an agreement for every working day, e.g. from abroad) skip the team day."""
    problems = []
    coverage = settings.get("coverage") or {}
    for index, date in enumerate(dates):
        todays = [days[person.id][index] for person in members]
        if off_for_all(todays):
            continue
        on_site = sum(1 for day in todays if day.kind == OFFICE)
        needed = required_on_site(coverage.get(str(date.weekday())), len(members))
        if on_site < needed:
            problems.append(Problem("coverage", date, (("on_site", on_site), ("needed", needed))))
        for duty in settings.get("duties") or []:
            if date.weekday() not in duty.get("weekdays", []):
                continue
            covering = sum(
                1 for person, day in zip(members, todays, strict=True) if covers(day, person.time_zone, duty)
            )
            if covering < int(duty.get("min_people") or 1):
                problems.append(
                    Problem(
                        "duty",
                        date,
                        (
                            ("duty", duty["name"]),
                            ("covering", covering),
                            ("needed", int(duty.get("min_people") or 1)),
                        ),
                    )
                )
        if is_office_day(date, settings):
            elsewhere = [
                person.id
                for person, day in zip(members, todays, strict=True)
                if day.kind in AWAY_FROM_OFFICE and person.id not in fully_remote
            ]
            if elsewhere:
                problems.append(Problem("office_day", date, (("people", len(elsewhere)),)))
    return problems


def remote_days(days: list[Day]) -> int:
    return sum(1 for day in days if day.kind in AWAY_FROM_OFFICE)


class Cover(NamedTuple):
    """Someone working through a duty's hours: their working hours in their own time zone, and the same
    hours in the duty's."""

    person_id: int
    start: datetime.time
    end: datetime.time
    time_zone: str
    duty_start: datetime.time
    duty_end: datetime.time


def _in_zone(date: datetime.date, time: datetime.time, zone: str, to_zone: str) -> datetime.time:
    moment = datetime.datetime.combine(date, time, tzinfo=zoneinfo.ZoneInfo(zone))
    return moment.astimezone(zoneinfo.ZoneInfo(to_zone)).time()


def duty_cover(
    dates: list[datetime.date], members: list[PersonInfo], days: dict[int, list[Day]], duty: dict[str, Any]
) -> list[list[Cover] | None]:
    """For each date, who covers the duty (as `covers` judges it), in the members' order; None on a day
    the duty is not kept: a weekday it does not have, or a day off for the whole unit (a public
    holiday). A day everyone is away on leave is a day nobody covers it."""
    found: list[list[Cover] | None] = []
    weekdays = duty.get("weekdays") or []
    for index, date in enumerate(dates):
        todays = [(person, days[person.id][index]) for person in members]
        if date.weekday() not in weekdays or off_for_all([day for _person, day in todays]):
            found.append(None)
            continue
        found.append(
            [
                Cover(
                    person.id,
                    day.work_start,
                    day.work_end,
                    person.time_zone,
                    _in_zone(date, day.work_start, person.time_zone, duty["time_zone"]),
                    _in_zone(date, day.work_end, person.time_zone, duty["time_zone"]),
                )
                for person, day in todays
                if covers(day, person.time_zone, duty)
            ]
        )
    return found


class Abroad(NamedTuple):
    """A period of work from abroad under an agreement: its remote days are spent in `country`;
    `every_day` when the agreement covers the whole week."""

    start: datetime.date
    end: datetime.date | None
    country: str
    every_day: bool = False


def abroad_days(days: list[Day], periods: list[Abroad]) -> list[Day]:
    """A person's days with their place abroad: a remote day inside a period of work from abroad is an
    abroad day in its country; so is an office day that only comes from the default week (no usual week
    written) when the agreement covers every day. Days already abroad keep their own country."""
    if not periods:
        return days
    placed = []
    for day in days:
        period = next(
            (p for p in periods if p.start <= day.date and (p.end is None or day.date <= p.end)), None
        )
        if period is not None and (
            day.kind == REMOTE or (day.kind == OFFICE and day.source == "default" and period.every_day)
        ):
            day = day._replace(kind=ABROAD, site_id=None, detail=period.country)
        placed.append(day)
    return placed


def usual_week(person: PersonInfo, patterns: list[Pattern], date: datetime.date) -> tuple[str, ...]:
    """Where the person usually is on each weekday (0 = Monday) by the usual week in force on a date, with
    the same defaults as `day_for` when there is none."""
    return tuple(kind for kind, _site in _usual_pairs(person, pattern_on(patterns, date)))


def weekly_allowance(days_per_week: Decimal | float, monday: datetime.date) -> int:
    """Whole remote days a week under an agreement. Half days alternate: 2.5 days a week is 3 days in
    odd ISO weeks and 2 in even ones, so that any two weeks average what was agreed."""
    whole = math.floor(days_per_week)
    half = days_per_week - whole >= 0.5
    return whole + (1 if half and monday.isocalendar()[1] % 2 else 0)


def group_problems(problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same problem on several days as one entry with its days (`problem_dicts`, sorted by date):
    "Stockholm is over capacity" on Monday, Tuesday and Thursday is one problem, not three. Entries keep
    the order of their first day."""
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for problem in problems:
        key = (problem["code"], problem.get("site", ""), problem.get("duty", ""))
        group = groups.setdefault(
            key,
            {"code": problem["code"], "site": problem.get("site"), "duty": problem.get("duty"), "days": []},
        )
        group["days"].append(problem)
    return list(groups.values())
