"""Plans in the API: the days of a person or a unit, one day's change, the usual week, a unit's
coverage and an office's bookings. The same permission helpers and services as the pages; a refusal is
{"code", "message"} with the error contract's status (403, 404, 409, 422)."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from distans.core.api_types import ApiDate, Id
from distans.core.errors import DomainError
from distans.org.models import Person, Site
from distans.planning import queries, rules, services
from distans.planning.api_types import (
    AwayReasonChoice,
    Clock,
    CountryChoice,
    DayChoice,
    DayKindOut,
    SourceOut,
    WhereChoice,
    clock,
)
from distans.planning.models import WorkPattern
from distans.planning.permissions import (
    away_reasons_visible,
    can_see_office_presence,
    get_plan_person_for_user,
    get_plan_unit_for_user,
)
from distans.planning.planner_api import router as planner_router

router = Router(tags=["plans"])
router.add_router("", planner_router)  # /planner/runs…
MAX_DAYS = 92


class Period(Schema):
    start: ApiDate = Field(..., alias="from")
    end: ApiDate = Field(..., alias="to")


class PlanPeriod(Period):
    unit: Id | None = None
    person: Id | None = None


class DayOut(Schema):
    person_id: int
    date: datetime.date
    kind: DayKindOut
    site_id: int | None
    detail: str = Field(
        description="The holiday's name; the country abroad (no secret, as on the pages); the away reason "
        "only for the person, their managers and HR"
    )
    source: SourceOut


class DayIn(Schema):
    kind: DayChoice = Field(description="Where the person is that day; usual goes back to the usual week")
    site: Id | None = Field(None, description="The office on an office day; empty: the usual office")
    away_reason: AwayReasonChoice = ""
    country: CountryChoice = Field("", description="Abroad: the country's ISO 3166-1 alpha-2 code")


class PatternIn(Schema):
    valid_from: ApiDate
    days: list[WhereChoice] = Field(min_length=7, max_length=7, description="Monday to Sunday")
    site: Id | None = None
    work_start: Clock | None = None
    work_end: Clock | None = Field(None, description="After work_start")


class PatternOut(Schema):
    valid_from: datetime.date
    days: list[WhereChoice]
    site_id: int | None
    work_start: Clock
    work_end: Clock


class CoverageDay(Schema):
    date: datetime.date
    on_site: int
    remote: int
    away: int
    minimum: int
    office_day: bool
    problems: list[dict]


class OfficePerson(Schema):
    id: int
    name: str


class OccupancyDay(Schema):
    date: datetime.date
    booked: int
    capacity: int | None
    people: list[OfficePerson] | None = Field(
        description="Who is at the office that day (null when the organisation shows only the counts)"
    )


def _dates(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    if end < start or (end - start).days >= MAX_DAYS:
        raise DomainError(
            "invalid_period",
            _("Give a period of at most %(days)s days, with “from” on or before “to”.") % {"days": MAX_DAYS},
        )
    return [start + datetime.timedelta(days=offset) for offset in range((end - start).days + 1)]


def _day_out(person_id: int, day: rules.Day, reasons: bool) -> DayOut:
    private = day.kind == rules.AWAY and not reasons
    return DayOut.model_validate(
        {
            "person_id": person_id,
            "date": day.date,
            "kind": day.kind,
            "site_id": day.site_id,
            "detail": "" if private else day.detail,
            "source": day.source,
        }
    )


def _site(pk: int | None) -> Site | None:
    if pk is None:
        return None
    site = Site.objects.filter(pk=pk).first()
    if site is None:
        raise DomainError("unknown_site", _("There is no office with this id."), field="site")
    return site


def _pattern_out(pattern: WorkPattern) -> PatternOut:
    return PatternOut(
        valid_from=pattern.valid_from,
        days=list(pattern.days()),
        site_id=pattern.site_id,
        work_start=clock(pattern.work_start),
        work_end=clock(pattern.work_end),
    )


@router.get("/plans", response=list[DayOut], url_name="plans")
def plans(request, period: Query[PlanPeriod]):
    """The computed days of a unit's members or of one person, for their unit, their managers and HR
    (404 for anyone else). The reason for being away only for the person, their managers and HR."""
    start, end, unit, person = period.start, period.end, period.unit, period.person
    if (unit is None) == (person is None):
        raise DomainError("unit_or_person", _("Give either a unit or a person, not both."))
    dates = _dates(start, end)
    if unit is not None:
        people = queries.unit_members(get_plan_unit_for_user(request.auth, unit))
    elif person is not None:
        people = Person.objects.filter(pk=get_plan_person_for_user(request.auth, person).pk)
    rows, days = queries.plan_for(people, dates)
    days = queries.placed_abroad(days, dates[0], dates[-1])
    shown = away_reasons_visible(request.auth, [row[0] for row in rows])
    return [_day_out(row[0], day, row[0] in shown) for row in rows for day in days[row[0]]]


@router.put("/plans/{person_id}/{date}", response=DayOut, url_name="plan_day")
def plan_day(request, person_id: Id, date: ApiDate, payload: DayIn):
    """Change one day, from today up to two years ahead. Refused with the reason when it breaks the
    agreement or the policy (422), or when every desk at the office is taken (409)."""
    person = get_plan_person_for_user(request.auth, person_id, for_write=True)
    day = services.day_set(
        actor=request.auth,
        person=person,
        date=date,
        kind=payload.kind,
        site=_site(payload.site),
        away_reason=payload.away_reason,
        country=payload.country,
    )
    return _day_out(person.pk, day, True)


@router.get("/patterns/{person_id}", response=list[PatternOut], url_name="patterns")
def patterns(request, person_id: Id):
    person = get_plan_person_for_user(request.auth, person_id, for_write=True)
    stored = WorkPattern.objects.filter(person=person).order_by("valid_from")
    return [_pattern_out(pattern) for pattern in stored]


@router.put("/patterns/{person_id}", response=PatternOut, url_name="pattern_save")
def pattern_save(request, person_id: Id, payload: PatternIn):
    """A new usual week from a date (today or later); the working day ends after it starts."""
    person = get_plan_person_for_user(request.auth, person_id, for_write=True)
    pattern = services.pattern_set(
        actor=request.auth,
        person=person,
        valid_from=payload.valid_from,
        days=list(payload.days),
        site=_site(payload.site),
        work_start=datetime.time.fromisoformat(payload.work_start) if payload.work_start else None,
        work_end=datetime.time.fromisoformat(payload.work_end) if payload.work_end else None,
    )
    return _pattern_out(pattern)


@router.get("/units/{unit_id}/coverage", response=list[CoverageDay], url_name="unit_coverage")
def unit_coverage(request, unit_id: Id, period: Query[Period]):
    """For the unit's members, its managers and HR (404 for anyone else)."""
    unit = get_plan_unit_for_user(request.auth, unit_id)
    grid = queries.team_week(unit, _dates(period.start, period.end))
    return [
        CoverageDay(
            date=column["date"],
            on_site=column["counts"]["office"],
            remote=column["counts"]["remote"],
            away=column["counts"]["away"],
            minimum=column["needed"],
            office_day=column["office_day"],
            problems=[
                {key: str(value) for key, value in problem.items()}
                for problem in grid["problems"]
                if problem["date"] == column["date"]
            ],
        )
        for column in grid["columns"]
    ]


@router.get("/sites/{site_id}/occupancy", response=list[OccupancyDay], url_name="site_occupancy")
def site_occupancy(request, site_id: Id, period: Query[Period]):
    """Desks booked per day, and who is at the office (names only) unless the organisation shows only
    the counts (OFFICE_PRESENCE_VISIBLE)."""
    site = get_object_or_404(Site, pk=site_id)
    occupancy = queries.site_occupancy(site, _dates(period.start, period.end))
    names = can_see_office_presence(request.auth)
    return [
        OccupancyDay(
            date=day["date"],
            booked=day["count"],
            capacity=site.desk_capacity,
            people=[OfficePerson(id=row[0], name=f"{row[1]} {row[2]}") for row in day["people"]]
            if names
            else None,
        )
        for day in occupancy["days"]
    ]
