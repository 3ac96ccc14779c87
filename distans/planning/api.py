import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from distans.core.permissions import is_hr, require
from distans.org.models import Person, Site
from distans.org.permissions import get_person_for_user, get_unit_for_user, subordinate_ids_sql
from distans.planning import queries, rules, services
from distans.planning.models import WorkPattern
from distans.planning.permissions import can_change_plan
from distans.planning.planner_api import router as planner_router

router = Router(tags=["plans"])
router.add_router("", planner_router)  # /planner/runs…
MAX_DAYS = 92


class Period(Schema):
    start: datetime.date = Field(..., alias="from")
    end: datetime.date = Field(..., alias="to")


class PlanPeriod(Period):
    unit: int | None = None
    person: int | None = None


class DayOut(Schema):
    person_id: int
    date: datetime.date
    kind: str = Field(description="office, remote, other, abroad, away, off or holiday")
    site_id: int | None
    detail: str = Field(
        description="The holiday's name; the away reason or country only for those who may see it"
    )
    source: str = Field(description="change, holiday, pattern or default")


class DayIn(Schema):
    kind: str = Field(
        description="office, remote, other, abroad, away, or usual to go back to the usual week"
    )
    site: int | None = None
    away_reason: str = ""
    country: str = ""


class PatternIn(Schema):
    valid_from: datetime.date
    days: list[str] = Field(min_length=7, max_length=7, description="Monday to Sunday: office, remote or off")
    site: int | None = None
    work_start: datetime.time | None = None
    work_end: datetime.time | None = None


class PatternOut(Schema):
    valid_from: datetime.date
    days: list[str]
    site_id: int | None
    work_start: datetime.time
    work_end: datetime.time


class CoverageDay(Schema):
    date: datetime.date
    on_site: int
    remote: int
    away: int
    minimum: int
    office_day: bool
    problems: list[dict]


class OccupancyDay(Schema):
    date: datetime.date
    booked: int
    capacity: int | None


def _dates(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    if end < start or (end - start).days >= MAX_DAYS:
        raise HttpError(
            400, _("Give a period with from on or before to, of at most %(days)s days.") % {"days": MAX_DAYS}
        )
    return [start + datetime.timedelta(days=offset) for offset in range((end - start).days + 1)]


def _day_out(user, person_id: int, day: rules.Day, reasons: bool) -> DayOut:
    private = day.kind in (rules.AWAY, rules.ABROAD) and not reasons
    return DayOut(
        person_id=person_id,
        date=day.date,
        kind=day.kind,
        site_id=day.site_id,
        detail="" if private else day.detail,
        source=day.source,
    )


@router.get("/plans", response=list[DayOut], url_name="plans")
def plans(request, period: Query[PlanPeriod]):
    """The computed days of a unit's members or of one person. Everyone sees where colleagues work; the
    reason for being away only the person, their managers and HR."""
    start, end, unit, person = period.start, period.end, period.unit, period.person
    if (unit is None) == (person is None):
        raise HttpError(400, _("Give either a unit or a person, not both."))
    dates = _dates(start, end)
    people = (
        queries.unit_members(get_unit_for_user(request.auth, unit))
        if unit
        else Person.objects.filter(pk=get_person_for_user(request.auth, person).pk)
    )
    rows, days = queries.plan_for(people, dates)
    managed = set(
        Person.objects.filter(pk__in=subordinate_ids_sql(request.auth.pk)).values_list("pk", flat=True)
    )
    hr = is_hr(request.auth)
    return [
        _day_out(request.auth, row[0], day, row[0] == request.auth.pk or hr or row[0] in managed)
        for row in rows
        for day in days[row[0]]
    ]


@router.put("/plans/{person_id}/{date}", response=DayOut, url_name="plan_day")
def plan_day(request, person_id: int, date: datetime.date, payload: DayIn):
    """Change one day. Refused with the reason when it breaks the agreement, the policy or capacity."""
    person = get_person_for_user(request.auth, person_id)
    require(can_change_plan(request.auth, person))
    site = get_object_or_404(Site, pk=payload.site) if payload.site else None
    day = services.day_set(
        actor=request.auth,
        person=person,
        date=date,
        kind=payload.kind,
        site=site,
        away_reason=payload.away_reason,
        country=payload.country,
    )
    return _day_out(request.auth, person.pk, day, True)


@router.get("/patterns/{person_id}", response=list[PatternOut], url_name="patterns")
def patterns(request, person_id: int):
    person = get_person_for_user(request.auth, person_id)
    if not can_change_plan(request.auth, person):
        raise PermissionDenied
    return [
        PatternOut(
            valid_from=pattern.valid_from,
            days=list(pattern.days()),
            site_id=pattern.site_id,
            work_start=pattern.work_start,
            work_end=pattern.work_end,
        )
        for pattern in WorkPattern.objects.filter(person=person).order_by("valid_from")
    ]


@router.put("/patterns/{person_id}", response=PatternOut, url_name="pattern_save")
def pattern_save(request, person_id: int, payload: PatternIn):
    """A new usual week from a date (today or later)."""
    person = get_person_for_user(request.auth, person_id)
    require(can_change_plan(request.auth, person))
    if any(where not in ("office", "remote", "off") for where in payload.days):
        raise HttpError(400, _("Each day is office, remote or off."))
    site = get_object_or_404(Site, pk=payload.site) if payload.site else None
    pattern = services.pattern_set(
        actor=request.auth,
        person=person,
        valid_from=payload.valid_from,
        days=payload.days,
        site=site,
        work_start=payload.work_start,
        work_end=payload.work_end,
    )
    return PatternOut(
        valid_from=pattern.valid_from,
        days=list(pattern.days()),
        site_id=pattern.site_id,
        work_start=pattern.work_start,
        work_end=pattern.work_end,
    )


@router.get("/units/{unit_id}/coverage", response=list[CoverageDay], url_name="unit_coverage")
def unit_coverage(request, unit_id: int, period: Query[Period]):
    unit = get_unit_for_user(request.auth, unit_id)
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
def site_occupancy(request, site_id: int, period: Query[Period]):
    site = get_object_or_404(Site, pk=site_id)
    occupancy = queries.site_occupancy(site, _dates(period.start, period.end))
    return [
        OccupancyDay(date=day["date"], booked=day["count"], capacity=site.desk_capacity)
        for day in occupancy["days"]
    ]
