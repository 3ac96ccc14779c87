"""'Does it work?': the page, and each of its tables as CSV or XLSX (?export=<table>&format=csv|xlsx, with
the page's own filters), computed on request so a change shows at once."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from distans.core.permissions import require
from distans.followup.permissions import can_view_pulse
from distans.followup.queries import warning_level
from distans.org.models import Unit
from distans.planning.queries import unit_and_below
from distans.reports import effect_queries as queries
from distans.reports import effect_tables as tables
from distans.reports.aggregation import min_group, shown
from distans.reports.effect_forms import EffectFilterForm, default_period
from distans.reports.effect_permissions import can_view_effect, people_for, sees_organisation
from distans.reports.tables import export


def _units(user, people):
    if sees_organisation(user):
        return Unit.objects.all()
    return Unit.objects.filter(pk__in=people.filter(is_active=True).values("unit_id"))


def sections(user, people, start, end, today, *, unit=None) -> tuple[list[tables.Section], bool]:
    """The page's sections for the people (of `unit`, if chosen) and period, and whether the plans were
    left out (too many person-weeks: the page asks for a unit or a shorter period)."""
    count = people.count()
    mondays = queries.mondays(start, end)
    warning = warning_level(today)
    found = []
    shares: dict[str, int | None] = {}
    too_many = people.filter(is_active=True).count() * len(mondays) > queries.PLAN_PERSON_WEEKS
    if not too_many:
        plans = queries.plan_weeks(people, mondays, warning)
        found += [tables.plans(plans, mondays), tables.attachment(plans, warning)]
        shares = {row.name: shown(row.total.remote_share, row.group) for row in plans["units"]}
    found += [
        tables.requests(queries.requests(people, start, end), count),
        tables.agreements(queries.agreements(people), count),
        tables.evaluations(queries.evaluations(people, start, end, today), count),
        tables.deviations(queries.deviations(people, start, end, today), count),
        tables.checklists(queries.checklists(people, start, end, today), count),
    ]
    if can_view_pulse(user) and not too_many:
        names = set(shares) if unit is not None else None
        found.append(tables.pulse(queries.pulse(start, min(end, today), names), shares))
    found.append(tables.leavers(queries.leavers(people), count))
    return found, too_many


@login_required
def effect(request):
    require(can_view_effect(request.user))
    today = timezone.localdate()
    people = people_for(request.user)
    form = EffectFilterForm(request.GET, units=_units(request.user, people), today=today)
    if form.is_valid():
        start, end, unit = form.cleaned_data["from"], form.cleaned_data["to"], form.cleaned_data["unit"]
    else:
        (start, end), unit = default_period(today), None
    if unit is not None:
        people = people.filter(unit__in=unit_and_below(unit))
    found, too_many = sections(request.user, people, start, end, today, unit=unit)
    wanted = request.GET.get("export")
    if wanted:
        table = next((t for s in found for t in s.tables if t.name == wanted), None)
        if table is None:
            raise Http404
        return export(table, "xlsx" if request.GET.get("format") == "xlsx" else "csv")
    return render(
        request,
        "reports/effect.html",
        {
            "form": form,
            "sections": found,
            "too_many": too_many,
            "start": start,
            "end": end,
            "unit": unit,
            "computed_at": timezone.localtime(),
            "min_group": min_group(),
            "query": request.GET.urlencode(),
        },
    )
