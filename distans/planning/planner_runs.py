"""A planner run for its page and the API alike: starting one from the form's values, the proposal per
person, the problems of today's plan that it removes and the conflicts (worded when read, in the
reader's language), whether a worker has picked the run up, and applying it to the week planned."""

import datetime

from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from distans.core.errors import Conflict, DomainError
from distans.core.weekdays import NAMES
from distans.planning import labels, planner, planner_data, rules, services
from distans.planning.forms import coming_week
from distans.planning.models import PlannerRun

# A worker polls for work every few seconds (`make run` starts one that looks every 5 s); a run still
# waiting after this long, with no worker busy on other work, has no worker to run it.
WORKER_GRACE = datetime.timedelta(seconds=10)
BUSY_AT_MOST = datetime.timedelta(minutes=5)  # a task "running" for longer is a worker that died


def default_week() -> str:
    """The week the planner opens on: the coming one, never one that has passed."""
    return rules.iso_week(coming_week(timezone.localdate()))


def week_is_over(run: PlannerRun) -> bool:
    return run.week_start + datetime.timedelta(days=4) < timezone.localdate()


def waiting_for_worker(run: PlannerRun) -> bool:
    """Still waiting well after it was started while no worker is busy with other work: no worker is
    running, and the page says how to start one."""
    now = timezone.now()
    if run.status != PlannerRun.Status.QUEUED or now - run.created_at < WORKER_GRACE:
        return False
    return not DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__gte=now - BUSY_AT_MOST
    ).exists()


def days_words(days, half_day: int | None = None) -> str:
    """Office days as "Tuesday, Thursday (half day)", in the active language."""
    return ", ".join(
        _("%(weekday)s (half day)") % {"weekday": NAMES[day]} if day == half_day else str(NAMES[day])
        for day in sorted(days)
    ) or _("none")


def proposal(run: PlannerRun) -> list[dict]:
    """Per person in the proposal, by name: today's office days, the proposed ones with the half day,
    and whether their office days change."""
    result = run.result
    if not result.get("office"):
        return []
    half_days = result.get("half_days", {})
    rows = []
    for person_id, name in sorted(result["names"].items(), key=lambda item: item[1]):
        before, after = result["current"].get(person_id, []), result["office"].get(person_id, [])
        half = (half_days.get(person_id) or [None])[0]
        rows.append(
            {
                "id": int(person_id),
                "name": name,
                "before": before,
                "after": after,
                "half_day": half,
                "before_words": days_words(before),
                "after_words": days_words(after, half),
                "changed": sorted(before) != sorted(after),
            }
        )
    return rows


def _conflict(coded: dict) -> planner.Conflict:
    return planner.Conflict(
        coded["code"],
        tuple((key, tuple(value) if isinstance(value, list) else value) for key, value in coded["params"]),
    )


def conflicts(run: PlannerRun) -> list[str]:
    """The rules that cannot all hold, in the reader's language (runs from before codes: as saved)."""
    return [
        coded if isinstance(coded, str) else planner_data.conflict_words(_conflict(coded))
        for coded in run.result.get("conflicts", [])
    ]


def shortfall_words(coded: dict) -> str:
    params = dict(coded["params"])
    params["weekday"] = NAMES[params["weekday"]]
    if coded["code"] == "capacity":
        return _("%(site)s on %(weekday)s: %(booked)s people for %(desks)s desks") % params
    if coded["code"] == "office_day":
        return (
            ngettext(
                "%(unit)s: %(missing)s person not at the office on the team day, %(weekday)s",
                "%(unit)s: %(missing)s people not at the office on the team day, %(weekday)s",
                params["missing"],
            )
            % params
        )
    return _("%(unit)s on %(weekday)s: %(present)s at the office, %(needed)s needed") % params


def _key(coded: dict) -> tuple:
    params = dict(coded["params"])
    return coded["code"], params.get("site") or params.get("unit"), params["weekday"]


def removes(run: PlannerRun) -> list[str] | None:
    """The problems of today's plan for the week that the proposal removes: days over capacity, team
    days split, coverage short, and fewer unwanted or more preferred office days. None when the run has
    no proposal (or was made before runs compared)."""
    today, proposed = run.result.get("today"), run.result.get("proposal")
    if not today or not proposed:
        return None
    left = {_key(coded): coded for coded in proposed["shortfalls"]}
    found = [shortfall_words(coded) for coded in today["shortfalls"] if _key(coded) not in left]
    for coded in today["shortfalls"]:  # an office still over its desks, but less so
        after = left.get(_key(coded))
        if (
            coded["code"] == "capacity"
            and after
            and dict(after["params"])["booked"] < dict(coded["params"])["booked"]
        ):
            params = dict(coded["params"])
            found.append(
                _("%(site)s on %(weekday)s: %(before)s people for %(desks)s desks now, %(after)s proposed")
                % {
                    **params,
                    "weekday": NAMES[params["weekday"]],
                    "before": params["booked"],
                    "after": dict(after["params"])["booked"],
                }
            )
    before, after = today["preferences"], proposed["preferences"]
    if after["unwanted"] < before["unwanted"]:
        found.append(
            _("Office days on days people would rather not come in: %(before)s now, %(after)s proposed")
            % {"before": before["unwanted"], "after": after["unwanted"]}
        )
    if after["missed"] < before["missed"]:
        found.append(
            _("Preferred office days missed: %(before)s today, %(after)s proposed")
            % {"before": before["missed"], "after": after["missed"]}
        )
    return found


def gap_so_far(run: PlannerRun) -> float | None:
    """While it runs: how far the best plan so far may be from the best possible, in per cent (as the
    planner computes its gap, `planner.Solution.gap`); None before the first plan."""
    objective, bound = (run.progress or {}).get("objective"), (run.progress or {}).get("bound")
    if objective is None or bound is None:
        return None
    return round(100 * abs(objective - bound) / max(1.0, abs(objective)), 1)


def how_close(result: dict) -> str:
    """How close a finished plan is to the best possible, in words (the gap as the run's page shows it)."""
    if result.get("status") == "optimal" or result.get("gap") == 0:
        return _("The best possible")
    if result.get("gap") is not None:
        return _("At most %(gap)s %% from the best possible") % {"gap": floatformat(result["gap"], -1)}
    return _("Cannot tell for a group this large")


def changed_count(result: dict) -> int:
    """How many people in the proposal would change their office days (as `proposal` counts them)."""
    office, current = result.get("office", {}), result.get("current", {})
    return sum(
        sorted(current.get(person_id, [])) != sorted(office.get(person_id, [])) for person_id in office
    )


def office_row(run: PlannerRun) -> dict:
    """One office's run among several planned together, as its row on their page says it."""
    row = {"run": run, "close": ""}
    if run.status in (PlannerRun.Status.QUEUED, PlannerRun.Status.RUNNING) and run.stop_requested:
        row["state"] = _("Stopping…")
        return row
    if run.status == PlannerRun.Status.QUEUED:
        row["state"] = _("Waiting to start")
        return row
    if run.status == PlannerRun.Status.RUNNING:
        gap = gap_so_far(run)
        row["state"] = _("Running…")
        if gap is not None:
            row["close"] = _("So far at most %(gap)s %% from the best possible") % {
                "gap": floatformat(gap, -1)
            }
        return row
    changed = changed_count(run.result)
    if run.result.get("status") == "failed":
        row["state"] = _("The planner failed; start it again")
    elif run.result.get("status") == "infeasible":
        row["state"] = _("No plan can meet every requirement")
    elif not run.result.get("office"):
        row["state"] = (
            _("Stopped before a plan was found")
            if run.stop_requested
            else _("No plan found in the time allowed")
        )
    elif run.status == PlannerRun.Status.APPLIED:
        row["state"] = _("Applied")
    elif changed:
        row["state"] = ngettext(
            "%(count)s person would change their office days",
            "%(count)s people would change their office days",
            changed,
        ) % {"count": changed}
    else:
        row["state"] = _("Nobody's office days change")
    if run.result.get("office"):
        row["close"] = how_close(run.result)
    return row


def batch_outcome(runs: list[PlannerRun]) -> dict:
    """What the page of several offices planned together shows: a row per office, how many are
    finished, and whether a worker has picked any up."""
    unfinished = [run for run in runs if run.status in (PlannerRun.Status.QUEUED, PlannerRun.Status.RUNNING)]
    waiting = next((run for run in unfinished if run.status == PlannerRun.Status.QUEUED), None)
    return {
        "rows": [office_row(run) for run in runs],
        "finished": len(runs) - len(unfinished),
        "working": bool(unfinished),
        # Stop was asked of every office still going (one stopped on its own page leaves the rest going).
        "stopping": bool(unfinished) and all(run.stop_requested for run in unfinished),
        "waiting_for_worker": waiting is not None
        and not any(run.status == PlannerRun.Status.RUNNING for run in runs)
        and waiting_for_worker(waiting),
    }


def outcome(run: PlannerRun) -> dict:
    """What the page and the API show of a run."""
    rows = proposal(run)
    return {
        "rows": rows,
        "changed": sum(row["changed"] for row in rows),
        "half_days": any(row["half_day"] is not None for row in rows),
        "week": rules.iso_week(run.week_start),
        "week_number": labels.week_number(run.week_start),
        "conflicts": conflicts(run),
        "removes": removes(run),
        "waiting_for_worker": waiting_for_worker(run),
        "week_over": week_is_over(run),
    }


def apply(*, actor, run: PlannerRun, people: list[int] | None, usual_week: bool) -> dict:
    """The proposal for the people chosen (None: everyone whose office days change), for the week that
    was planned or as their usual week from it. Refused when there is no plan to apply, when it has been
    applied, when the week is over, or for people the proposal does not cover."""
    if run.status == PlannerRun.Status.APPLIED:
        raise Conflict("planner_applied", _("This proposal has already been applied."))
    if run.status != PlannerRun.Status.DONE:
        raise Conflict("planner_not_done", _("The planner has not finished yet; apply when it has."))
    if not run.result.get("office"):
        raise Conflict("planner_no_plan", _("This run found no plan to apply."))
    if week_is_over(run):
        raise Conflict(
            "planner_week_over",
            _("Week %(week)s has passed, so its plan can no longer be applied. Plan a coming week.")
            % {"week": labels.week_number(run.week_start)},
        )
    rows = proposal(run)
    if people is None:
        people = [row["id"] for row in rows if row["changed"]]
    unknown = sorted(set(people) - {row["id"] for row in rows})
    if unknown:
        raise DomainError(
            "planner_not_in_proposal",
            _("These people are not in the proposal: %(ids)s.") % {"ids": ", ".join(map(str, unknown))},
        )
    return services.planner_apply(actor=actor, run=run, people=people, usual_week=usual_week)
