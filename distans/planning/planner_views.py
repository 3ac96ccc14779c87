"""The planner's pages: a manager plans her unit's week, HR a whole office; the run's progress, the
proposal beside the problems of today's plan it removes, and applying it to the week planned. The
API (`planner_api`) does the same through `planner_runs` and the same permission helpers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from distans.core.context_processors import belongs_under
from distans.core.htmx import is_htmx
from distans.core.permissions import require
from distans.core.refusals import refusal_message
from distans.org.models import Site
from distans.planning import planner_runs, rules, services
from distans.planning.forms import OfficesPlannerForm, PlannerForm, week_choices
from distans.planning.models import PlannerBatch, PlannerRun
from distans.planning.permissions import (
    can_plan_site,
    can_plan_sites,
    get_plan_unit_for_user,
    get_planner_batch_for_user,
    get_planner_run_for_user,
)


def _planner_form(request, *, unit=None, site=None):
    # My page links to the week with a problem to fix (?week=); any other opens on the coming week.
    asked = request.GET.get("week", "")
    plannable = {value for value, _label in week_choices(timezone.localdate())}
    week = asked if asked in plannable else planner_runs.default_week()
    form = PlannerForm(request.POST or None, initial={"week": week})
    if request.method == "POST" and form.is_valid():
        run = services.planner_start(actor=request.user, unit=unit, site=site, **form.settings())
        return redirect("planning:planner_run", pk=run.pk)
    return render(
        request,
        "planning/planner_start.html",
        {"subject": unit or site, "unit": unit, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
def planner_start(request, pk: int):
    """A manager plans her unit's week."""
    unit = get_plan_unit_for_user(request.user, pk, for_write=True)
    return _planner_form(request, unit=unit)


@login_required
def site_planner_start(request, pk: int):
    """HR plans a whole office: every unit whose people are based there."""
    site = get_object_or_404(Site, pk=pk)
    require(can_plan_site(request.user, site))
    return _planner_form(request, site=site)


@login_required
def planner_run(request, pk: int):
    """The run's progress while it works (htmx polls the status part), then the proposal."""
    run = get_planner_run_for_user(request.user, pk)
    if run.site_id:  # an office's run sits under Sites in the menu, a team's under Team week
        belongs_under(request, "org:site_list")
    template = "planning/planner_run.html#status" if is_htmx(request) else "planning/planner_run.html"
    outcome = planner_runs.outcome(run)
    return render(request, template, {"run": run, **outcome, **_in_words(run, outcome["rows"])})


def _in_words(run: PlannerRun, rows: list[dict]) -> dict:
    """What the page says of a proposal in a manager's words: how many office days move, what it still
    leaves unsolved, and how far it may be from the best plan (a percentage, not the planner's scores)."""
    proposed = run.result.get("proposal")
    return {
        "moved": sum(len(set(row["after"]) - set(row["before"])) for row in rows),
        "left": [planner_runs.shortfall_words(coded) for coded in proposed["shortfalls"]]
        if proposed
        else None,
        "gap_so_far": planner_runs.gap_so_far(run),
    }


@login_required
@require_POST
def planner_stop(request, pk: int):
    run = get_planner_run_for_user(request.user, pk)
    services.planner_stop(runs=PlannerRun.objects.filter(pk=run.pk))
    return redirect("planning:planner_run", pk=run.pk)


@login_required
def offices_planner_start(request):
    """HR plans several offices for one week with the same settings; each office is a task of its own,
    so the task workers plan as many offices at once as there are workers."""
    require(can_plan_sites(request.user))
    form = OfficesPlannerForm(request.POST or None, initial={"week": planner_runs.default_week()})
    if request.method == "POST" and form.is_valid():
        batch = services.planner_start_offices(actor=request.user, **form.settings())
        return redirect("planning:planner_batch", pk=batch.pk)
    recent = PlannerBatch.objects.select_related("started_by").annotate(offices=Count("runs"))[:5]
    return render(
        request,
        "planning/planner_start.html",
        {"form": form, "recent": recent},
        status=422 if form.errors else 200,
    )


@login_required
@require_safe
def planner_batch(request, pk: int):
    """Several offices planned together: each office's progress while the workers plan them (htmx polls
    the status part), then a link to each proposal."""
    batch, runs = get_planner_batch_for_user(request.user, pk)
    outcome = planner_runs.batch_outcome(runs)
    polled = is_htmx(request)
    template = "planning/planner_batch.html#status" if polled else "planning/planner_batch.html"
    # A poll sends the count the page shows; the announced count is redrawn only when it changed, so a
    # screen reader hears each office finish once.
    changed_count = polled and request.GET.get("shown") != str(outcome["finished"])
    context = {"batch": batch, "total": len(runs), "changed_count": changed_count, **outcome}
    return render(request, template, context)


@login_required
@require_POST
def planner_batch_stop(request, pk: int):
    """Stop every office still waiting or running, whichever worker has it."""
    batch, _runs = get_planner_batch_for_user(request.user, pk)
    services.planner_stop(runs=batch.runs.all())
    return redirect("planning:planner_batch", pk=batch.pk)


@login_required
@require_POST
def planner_apply(request, pk: int):
    run = get_planner_run_for_user(request.user, pk)
    chosen = [int(value) for value in request.POST.getlist("person") if value.isdigit()]
    with refusal_message(request) as not_applied:
        outcome = planner_runs.apply(
            actor=request.user, run=run, people=chosen, usual_week=request.POST.get("mode") == "usual"
        )
    if not_applied:
        return redirect("planning:planner_run", pk=run.pk)
    messages.success(
        request, _("Applied for %(count)s people; each is told by e-mail.") % {"count": outcome["changed"]}
    )
    for refusal in outcome["refused"]:
        messages.warning(request, refusal)
    # The week that was planned, where the change shows (not the current week).
    page = (
        reverse("planning:team", args=[run.unit_id])
        if run.unit_id
        else reverse("planning:site", args=[run.site_id])
    )
    return redirect(f"{page}?week={rules.iso_week(run.week_start)}")
