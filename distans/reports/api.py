"""Read-only API routes for the reports, with the pages' access rules and privacy by aggregation: a figure
about fewer than REPORT_MIN_GROUP people is null, as the pages write a dash."""

import datetime
from decimal import Decimal

from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from distans.core.api_types import ApiDate, Id
from distans.core.errors import DomainError
from distans.core.permissions import require
from distans.org.models import Site
from distans.planning.queries import unit_and_below
from distans.reports import aggregation, business_case_report, effect_views
from distans.reports.business_case import can_view_business_case, figures, visible_units
from distans.reports.effect_forms import EffectFilterForm
from distans.reports.effect_permissions import can_view_effect, people_for
from distans.reports.tables import Table
from distans.reports.today import at_the_office, can_view_today, site_today
from distans.reports.views_business_case import business_case_form

router = Router(tags=["reports"])
Cell = int | float | str | datetime.date | None


class TableOut(Schema):
    name: str = Field(description="Stable, as in the CSV and XLSX file names")
    caption: str
    header: list[str]
    rows: list[list[Cell]] = Field(description="null: too few people to show, or nothing to count")


class Figures(Schema):
    start: datetime.date
    end: datetime.date
    computed_at: datetime.datetime | None = Field(description="When the figures were computed")
    current: bool = Field(
        description="Computed from the plans as they are now; false while the server computes newer figures "
        "(within a minute)"
    )
    min_group: int = Field(description="Figures about fewer people than this are null")


class BusinessCaseOut(Figures):
    people: int | None
    tables: list[TableOut]


class SectionOut(Schema):
    key: str
    title: str
    about: str
    tables: list[TableOut]


class EffectOut(Figures):
    sections: list[SectionOut]


class PersonHere(Schema):
    id: int
    first_name: str
    last_name: str
    unit: str | None
    phone: str


class TodayOut(Schema):
    site_id: int
    site: str
    date: datetime.date
    computed_at: datetime.datetime
    people: list[PersonHere]


class ReportPeriod(Schema):
    start: ApiDate | None = Field(None, alias="from")
    end: ApiDate | None = Field(None, alias="to")
    unit: str | None = Field(None, max_length=100, description="A unit's code, with the units under it")


class BusinessCaseQuery(ReportPeriod):
    site: Id | None = None
    country: str | None = Field(None, max_length=2)


def _cell(cell) -> Cell:
    if isinstance(cell, Decimal):
        return float(cell)
    if isinstance(cell, bool | int | float | str | datetime.date) or cell is None:
        return cell
    return str(cell)


def _table(table: Table) -> TableOut:
    """The table as on the page, with "too few to show" as null."""
    hidden = business_case_report.too_few()
    return TableOut(
        name=table.name,
        caption=str(table.caption),
        header=[str(head) for head in table.header],
        rows=[[None if cell == hidden else _cell(cell) for cell in row] for row in table.rows],
    )


# The forms' field names as the API's query names them.
QUERY_NAMES = {"start": "from", "end": "to"}


def _invalid(form) -> DomainError:
    """422 naming the query's fields that are not valid, as `distans.api` does for its own checks."""
    fields = ", ".join(dict.fromkeys(QUERY_NAMES.get(name, name) for name in form.errors))
    return DomainError("invalid", _("Some values are not valid: %(fields)s.") % {"fields": fields})


def _data(**values) -> QueryDict:
    """The query as the pages' forms read it: text, and nothing for what was not given."""
    data = QueryDict(mutable=True)
    data.update({name: str(value) for name, value in values.items() if value is not None})
    return data


@router.get("/reports/business-case", response=BusinessCaseOut, url_name="report_business_case")
def business_case(request, choice: Query[BusinessCaseQuery]):
    """What remote work saved (the page's tables) for a period of up to a year (by default the last
    quarter and the next four weeks), a unit with the units under it, a site and a country. HR, HR
    approvers and administrators choose any unit; a manager her own units and those below them."""
    require(can_view_business_case(request.auth))
    if choice.unit and not visible_units(request.auth).filter(code=choice.unit).exists():
        raise Http404
    if choice.site is not None:
        get_object_or_404(Site, pk=choice.site)
    form = business_case_form(
        request.auth,
        _data(
            start=choice.start, end=choice.end, unit=choice.unit, site=choice.site, country=choice.country
        ).dict(),
    )
    if not form.is_valid():
        raise _invalid(form)
    found = figures(form.selection(), now=True)
    result = found.figures
    return BusinessCaseOut(
        start=form.cleaned_data["start"],
        end=form.cleaned_data["end"],
        computed_at=found.computed_at,
        current=found.current,
        min_group=aggregation.min_group(),
        people=aggregation.shown(result.people, result.people),
        tables=[_table(table) for table in business_case_report.tables(result).values()],
    )


@router.get("/reports/effect", response=EffectOut, url_name="report_effect")
def effect(request, choice: Query[ReportPeriod]):
    """ "Does it work?" as on the page: each section's tables for the people the reader follows (HR, HR
    approvers and administrators: everyone; a manager: the people below her), for a period of up to a
    year and a unit with the units under it. The plans' sections are missing while the server counts
    them for the first time (`current` false, `computed_at` null)."""
    require(can_view_effect(request.auth))
    today = timezone.localdate()
    people = people_for(request.auth)
    units = effect_views.units_for(request.auth, people)
    if choice.unit and not units.filter(code=choice.unit).exists():
        raise Http404
    form = EffectFilterForm(
        _data(**{"from": choice.start, "to": choice.end, "unit": choice.unit}), units=units, today=today
    )
    if not form.is_valid():
        raise _invalid(form)
    start, end, unit = form.cleaned_data["from"], form.cleaned_data["to"], form.cleaned_data["unit"]
    if unit is not None:
        people = people.filter(unit__in=unit_and_below(unit))
    found, plans = effect_views.sections(request.auth, people, start, end, today, unit=unit)
    return EffectOut(
        start=start,
        end=end,
        computed_at=plans.computed_at,
        current=plans.current,
        min_group=aggregation.min_group(),
        sections=[
            SectionOut(
                key=section.key,
                title=str(section.title),
                about=str(section.about),
                tables=[_table(table) for table in section.tables],
            )
            for section in found
        ],
    )


@router.get("/reports/today", response=TodayOut, url_name="report_today")
def today(request, site: Id | None = None):
    """Who is planned at the office of a site today (the site's own date), visitors included, by name:
    for reception and emergencies, to the groups in REPORT_TODAY_ROLES. Without `site`, the reader's
    own site, else the first by name."""
    require(can_view_today(request.auth))
    if site is None:
        site = request.auth.site_id or Site.objects.order_by("name").values_list("pk", flat=True).first()
    found = get_object_or_404(Site, pk=site)
    date = site_today(found)
    return TodayOut(
        site_id=found.pk,
        site=found.name,
        date=date,
        computed_at=timezone.now(),
        people=[PersonHere(**person._asdict()) for person in at_the_office(found, date)],
    )
