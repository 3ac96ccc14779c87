"""The planner in the API: start a run for a unit or an office and a week, follow it, apply it. The
same permission helpers, form and run helpers as the pages (`planner_views`), so both answer alike."""

import dataclasses
from typing import Literal

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from distans.core.api_types import Id
from distans.core.errors import DomainError
from distans.core.permissions import require
from distans.org.models import Site
from distans.planning import planner, planner_runs, rules, services
from distans.planning.forms import OfficesPlannerForm, PlannerForm
from distans.planning.models import PlannerBatch, PlannerRun
from distans.planning.permissions import (
    can_plan_site,
    can_plan_sites,
    get_plan_unit_for_user,
    get_planner_batch_for_user,
    get_planner_run_for_user,
)

router = Router(tags=["planner"])
DEFAULT_WEIGHTS = dataclasses.asdict(planner.Weights())


class WeightsIn(Schema):
    """How much each soft goal counts, 0–10 (the planner form's defaults when left out)."""

    model_config = ConfigDict(extra="forbid")

    preferences: int = Field(DEFAULT_WEIGHTS["preferences"], description="preferred and unwanted days")
    colocation: int = Field(
        DEFAULT_WEIGHTS["colocation"], description="the team at the office on the same days"
    )
    fairness: int = Field(DEFAULT_WEIGHTS["fairness"], description="nobody always gets the unwanted days")
    stability: int = Field(DEFAULT_WEIGHTS["stability"], description="few changes from today")
    balance: int = Field(DEFAULT_WEIGHTS["balance"], description="an even load on the office")


class RunIn(Schema):
    model_config = ConfigDict(extra="forbid")

    unit: Id | None = Field(None, description="The unit to plan (its managers and HR); or give site")
    site: Id | None = Field(None, description="The office to plan: every unit based there (HR)")
    week: str = Field(..., description='The ISO week, e.g. "2026-W50": this week or a later one')
    # pydantic's overloads of default_factory do not match a model class for mypy (Never)
    weights: WeightsIn = Field(default_factory=WeightsIn)  # type: ignore[arg-type]
    choose_office_day: bool = Field(False, description="Let the planner choose each team's office day")
    time_limit: int = Field(10, description="Seconds to search, 2–60")


class OfficesIn(Schema):
    model_config = ConfigDict(extra="forbid")

    sites: list[Id] = Field(
        ..., max_length=500, description="The offices to plan (HR); each is its own run and task"
    )
    week: str = Field(..., description='The ISO week, e.g. "2026-W50": this week or a later one')
    weights: WeightsIn = Field(default_factory=WeightsIn)  # type: ignore[arg-type]
    choose_office_day: bool = Field(False, description="Let the planner choose each team's office day")
    time_limit: int = Field(10, description="Seconds to search for each office, 2–60")


class PersonPlanOut(Schema):
    id: int
    name: str
    today: list[int] = Field(description="Office weekdays in today's plan for the week, 0 = Monday")
    proposed: list[int] = Field(description="Office weekdays proposed; a half day is one of them")
    half_day: int | None = Field(description="The office day worked half remotely (a half-day allowance)")
    changed: bool


class ResultOut(Schema):
    status: str = Field(
        description="optimal, feasible, infeasible, stopped (no plan: out of time, or stopped before one was "
        "found; see the run's stop_requested) or failed (start the run again)"
    )
    seconds: float | None
    objective: float | None
    bound: float | None
    gap: float | None = Field(description="Per cent from the best possible")
    parts: dict[str, int]
    chosen_office_days: dict[str, int] = Field(description="Unit id: the weekday the planner chose")
    people: list[PersonPlanOut]
    removes: list[str] | None = Field(description="Problems of today's plan the proposal removes, in words")
    conflicts: list[str] = Field(description="When no plan fits: the requirements that cannot all be met")


class RunOut(Schema):
    id: int
    unit: int | None
    site: int | None
    week: str
    status: str = Field(description="queued, running, done or applied")
    status_text: str
    waiting_for_worker: bool = Field(
        description="Still queued with no worker running: start manage.py db_worker"
    )
    notice: str = Field(description="What to do about it, in the caller's language; empty when all is well")
    progress: dict | None = Field(description="While running: the best plan's score so far and the bound")
    stop_requested: bool = Field(description="Stop was asked: it ends with its best plan so far, if any")
    result: ResultOut | None
    url: str = Field(description="The run's page")


class OfficeRunOut(Schema):
    run: int = Field(description="The office's run: its proposal at `url`")
    site: int
    site_name: str
    status: str = Field(description="queued, running, done or applied")
    status_text: str = Field(description="Where the office stands, in the caller's language")
    how_close: str = Field(description="How close its plan is to the best possible, in words; empty before")
    stop_requested: bool
    url: str = Field(description="The run in the API, with the proposal per person once done")


class OfficesOut(Schema):
    id: int
    week: str
    total: int
    finished: int = Field(description="Offices done (or applied); the rest are waiting or running")
    waiting_for_worker: bool = Field(description="An office is still waiting and no worker is running")
    notice: str = Field(description="What to do about it, in the caller's language; empty when all is well")
    offices: list[OfficeRunOut]
    url: str = Field(description="The page that follows the offices")


class ApplyIn(Schema):
    model_config = ConfigDict(extra="forbid")

    people: list[Id] | None = Field(
        None, description="Ids from the proposal; left out, everyone whose office days change"
    )
    mode: Literal["week", "usual"] = Field(
        "week", description="week: the planned week only; usual: their usual week from that week on"
    )


class ApplyOut(Schema):
    week: str
    changed: int = Field(description="People whose plan was changed (each is told by e-mail)")
    refused: list[str] = Field(description="Days the rules refused, with the reason")


def _invalid(form: PlannerForm) -> DomainError:
    """The form's errors, each after the name of the value it is about (weights.fairness: …)."""
    return DomainError(
        "invalid",
        " ".join(
            f"{'weights.' if name in DEFAULT_WEIGHTS else ''}{name}: {' '.join(map(str, errors))}"
            for name, errors in form.errors.items()
        ),
    )


def _out(request, run: PlannerRun) -> RunOut:
    shown = planner_runs.outcome(run)
    result = None
    if run.result:
        result = ResultOut(
            status=run.result["status"],
            seconds=run.result.get("seconds"),
            objective=run.result.get("objective"),
            bound=run.result.get("bound"),
            gap=run.result.get("gap"),
            parts=run.result.get("parts", {}),
            chosen_office_days=run.result.get("chosen_office_days", {}),
            people=[
                PersonPlanOut(
                    id=row["id"],
                    name=row["name"],
                    today=row["before"],
                    proposed=row["after"],
                    half_day=row["half_day"],
                    changed=row["changed"],
                )
                for row in shown["rows"]
            ],
            removes=shown["removes"],
            conflicts=shown["conflicts"],
        )
    notice = ""
    if shown["waiting_for_worker"]:
        notice = _("No worker has started this run. Start one beside the server with manage.py db_worker.")
    elif run.status == PlannerRun.Status.DONE and shown["week_over"]:
        notice = _("Week %(week)s has passed, so its plan can no longer be applied. Plan a coming week.") % {
            "week": shown["week_number"]
        }
    return RunOut(
        id=run.pk,
        unit=run.unit_id,
        site=run.site_id,
        week=shown["week"],
        status=run.status,
        status_text=str(run.get_status_display()),
        waiting_for_worker=shown["waiting_for_worker"],
        notice=notice,
        progress=run.progress or None,
        stop_requested=run.stop_requested,
        result=result,
        url=request.build_absolute_uri(reverse("planning:planner_run", args=[run.pk])),
    )


@router.post("/planner/runs", response={201: RunOut}, url_name="planner_runs")
def run_start(request, payload: RunIn):
    """Start the planner for a unit (its managers and HR) or a whole office (HR) and a week. It runs in
    the background: follow it at its `url` in the API or on its page."""
    if (payload.unit is None) == (payload.site is None):
        raise DomainError("invalid", _("Give either a unit or a site, not both."))
    if payload.unit is not None:
        unit, site = get_plan_unit_for_user(request.auth, payload.unit, for_write=True), None
    else:
        unit, site = None, get_object_or_404(Site, pk=payload.site)
        require(can_plan_site(request.auth, site))
    form = PlannerForm(
        {
            "week": payload.week,
            "choose_office_day": payload.choose_office_day,
            "time_limit": payload.time_limit,
            **payload.weights.dict(),
        }
    )
    if not form.is_valid():
        raise _invalid(form)
    run = services.planner_start(actor=request.auth, unit=unit, site=site, **form.settings())
    return Status(201, _out(request, run))


@router.get("/planner/runs/{run_id}", response=RunOut, url_name="planner_run")
def run_detail(request, run_id: Id):
    """The run's status and progress; when done, the proposal per person, the problems of today's plan
    it removes, or the requirements that cannot all be met, in the caller's language."""
    return _out(request, get_planner_run_for_user(request.auth, run_id))


@router.post("/planner/runs/{run_id}/apply", response=ApplyOut, url_name="planner_run_apply")
def run_apply(request, run_id: Id, payload: ApplyIn):
    """Apply the proposal to the week planned (or as the usual week from it), for everyone whose office
    days change or the people listed. Every change is checked again against agreements and desks."""
    run = get_planner_run_for_user(request.auth, run_id)
    outcome = planner_runs.apply(
        actor=request.auth, run=run, people=payload.people, usual_week=payload.mode == "usual"
    )
    return ApplyOut(
        week=rules.iso_week(run.week_start), changed=outcome["changed"], refused=outcome["refused"]
    )


@router.post("/planner/runs/{run_id}/stop", response=RunOut, url_name="planner_run_stop")
def run_stop(request, run_id: Id):
    """Stop a run: still waiting, it ends without a plan; while solving, it keeps its best plan so far."""
    run = get_planner_run_for_user(request.auth, run_id)
    services.planner_stop(runs=PlannerRun.objects.filter(pk=run.pk))
    run.refresh_from_db()
    return _out(request, run)


def _offices_out(request, batch: PlannerBatch, runs: list[PlannerRun]) -> OfficesOut:
    shown = planner_runs.batch_outcome(runs)
    return OfficesOut(
        id=batch.pk,
        week=rules.iso_week(batch.week_start),
        total=len(runs),
        finished=shown["finished"],
        waiting_for_worker=shown["waiting_for_worker"],
        notice=_(
            "No worker has started these offices. Start one or more beside the server with "
            "manage.py db_worker."
        )
        if shown["waiting_for_worker"]
        else "",
        offices=[
            OfficeRunOut(
                run=row["run"].pk,
                site=row["run"].site_id,
                site_name=row["run"].site.name,
                status=row["run"].status,
                status_text=row["state"],
                how_close=row["close"],
                stop_requested=row["run"].stop_requested,
                url=request.build_absolute_uri(reverse("api:planner_run", args=[row["run"].pk])),
            )
            for row in shown["rows"]
        ],
        url=request.build_absolute_uri(reverse("planning:planner_batch", args=[batch.pk])),
    )


@router.post("/planner/offices", response={201: OfficesOut}, url_name="planner_offices")
def offices_start(request, payload: OfficesIn):
    """Plan several offices for one week with the same settings (HR). Each office is a run and a
    background task of its own, so as many offices are planned at once as task workers run."""
    require(can_plan_sites(request.auth))
    form = OfficesPlannerForm(
        {
            "sites": payload.sites,
            "week": payload.week,
            "choose_office_day": payload.choose_office_day,
            "time_limit": payload.time_limit,
            **payload.weights.dict(),
        }
    )
    if not form.is_valid():
        raise _invalid(form)
    batch = services.planner_start_offices(actor=request.auth, **form.settings())
    return Status(201, _offices_out(request, *get_planner_batch_for_user(request.auth, batch.pk)))


@router.get("/planner/offices/{batch_id}", response=OfficesOut, url_name="planner_batch")
def offices_detail(request, batch_id: Id):
    """Each office's status, how close its plan is to the best possible, and its run."""
    return _offices_out(request, *get_planner_batch_for_user(request.auth, batch_id))


@router.post("/planner/offices/{batch_id}/stop", response=OfficesOut, url_name="planner_batch_stop")
def offices_stop(request, batch_id: Id):
    """Stop every office still waiting or running, whichever worker holds it."""
    batch, _runs = get_planner_batch_for_user(request.auth, batch_id)
    services.planner_stop(runs=batch.runs.all())
    return _offices_out(request, *get_planner_batch_for_user(request.auth, batch_id))
