"""'Does it work?': the page, and each of its tables as CSV or XLSX (?export=<table>&format=csv|xlsx, with
the page's own filters). The counts are computed on request, so a change shows at once; the plans are kept
(`effect_plans`) and, for many people, counted by the task worker within a minute of a change."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.core.permissions import require
from distans.followup.permissions import can_view_pulse
from distans.followup.queries import warning_level
from distans.org.models import Unit
from distans.planning.queries import unit_and_below
from distans.reports import effect_plans
from distans.reports import effect_queries as queries
from distans.reports import effect_tables as tables
from distans.reports.aggregation import min_group, shown
from distans.reports.effect_forms import EffectFilterForm, default_period
from distans.reports.effect_permissions import can_view_effect, people_for, sees_organisation
from distans.reports.kept import Kept
from distans.reports.tables import export


def units_for(user, people):
    if sees_organisation(user):
        return Unit.objects.all()
    return Unit.objects.filter(pk__in=people.filter(is_active=True).values("unit_id"))


def sections(
    user, people, start, end, today, *, unit=None, every_unit=False
) -> tuple[list[tables.Section], Kept]:
    """The page's sections for the people (of `unit`, if chosen) and period, and the kept plans (being
    counted by the task worker when they have no figures yet: their sections are left out until then).
    Of many units only the top two levels are listed (`effect_plans.PlanFigures`), unless `every_unit`
    (a download)."""
    count = people.count()
    mondays = queries.mondays(start, end)
    warning = warning_level(today)
    found = []
    shares: dict[str, int | None] = {}
    chosen = effect_plans.choice(user, unit, start, end, warning, everyone=sees_organisation(user))
    kept = effect_plans.plans(chosen, people.filter(is_active=True))
    figures: effect_plans.PlanFigures | None = kept.figures
    trimmed = figures is not None and figures.trimmed and not every_unit
    plans = None if figures is None else figures.shown if trimmed else figures.in_full()
    if plans is not None:
        found += [tables.plans(plans, mondays), tables.attachment(plans, warning)]
        shares = {row.name: shown(row.total.remote_share, row.group) for row in plans["units"]}
        if trimmed:
            found[0].notes.append(
                _(
                    "Only the top two levels of units are shown: choose a unit to see the units under "
                    "it. The downloads hold every unit."
                )
            )
    found += [
        tables.requests(queries.requests(people, start, end), count),
        tables.agreements(queries.agreements(people), count),
        tables.evaluations(queries.evaluations(people, start, end, today), count),
        tables.deviations(queries.deviations(people, start, end, today), count),
        tables.checklists(queries.checklists(people, start, end, today), count),
    ]
    if can_view_pulse(user) and plans is not None:
        names = set(shares) if unit is not None or trimmed else None
        found.append(tables.pulse(queries.pulse(start, min(end, today), names), shares))
    found.append(tables.leavers(queries.leavers(people), count))
    return found, kept


@login_required
def effect(request):
    require(can_view_effect(request.user))
    today = timezone.localdate()
    people = people_for(request.user)
    form = EffectFilterForm(request.GET, units=units_for(request.user, people), today=today)
    if form.is_valid():
        start, end, unit = form.cleaned_data["from"], form.cleaned_data["to"], form.cleaned_data["unit"]
    else:
        (start, end), unit = default_period(today), None
    if unit is not None:
        people = people.filter(unit__in=unit_and_below(unit))
    wanted = request.GET.get("export")
    found, plans = sections(request.user, people, start, end, today, unit=unit, every_unit=bool(wanted))
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
            "plans": plans,
            "start": start,
            "end": end,
            "unit": unit,
            "computed_at": timezone.localtime(),
            "min_group": min_group(),
            "query": request.GET.urlencode(),
        },
    )
