"""Solving a planner run: its problem from the database, progress and stop while solving, the result kept."""

import time
from typing import Any

from django.utils import timezone

from distans.planning import planner_data
from distans.planning.models import PlannerRun
from distans.planning.planner import Conflict, Weights
from distans.planning.planner.blocks import solve
from distans.planning.planner.checker import preference_tally, shortfalls


def planner_run_execute(*, run_id: int) -> str:
    """Solve, writing progress to the run's row (at most once a second) and stopping early when asked;
    the best plan found so far is kept. Not one transaction: the progress is read while it runs. A run
    that fails is marked so (its page says to start again) before the error goes to the task's record."""
    run = PlannerRun.objects.select_related("unit", "site").get(pk=run_id)
    try:
        return _execute(run)
    except Exception:
        _finish(run, {"status": "failed"})
        raise


def _execute(run: PlannerRun) -> str:
    run_id = run.pk
    run.status = PlannerRun.Status.RUNNING
    run.save(update_fields=["status"])
    if PlannerRun.objects.filter(pk=run_id, stop_requested=True).exists():
        return _finish(run, {"status": "stopped", "seconds": 0})  # stopped while it waited for a worker
    people = planner_data.people_of(unit=run.unit) if run.unit else planner_data.people_of(site=run.site)
    problem, names = planner_data.problem_for(
        people,
        run.week_start,
        weights=Weights(**run.options.get("weights", {})),
        choose_office_day=run.options.get("choose_office_day", False),
    )
    last = [0.0]

    def report(objective: float, bound: float) -> None:
        if time.monotonic() - last[0] >= 1:
            last[0] = time.monotonic()
            PlannerRun.objects.filter(pk=run_id).update(
                progress={"objective": objective, "bound": bound, "at": timezone.now().isoformat()}
            )

    def stop() -> bool:
        return PlannerRun.objects.filter(pk=run_id, stop_requested=True).exists()

    solution = solve(problem, time_limit=run.options.get("time_limit", 10), report=report, stop=stop)
    chosen = solution.chosen_office_days
    team_days = {
        unit.id: (*unit.office_days, *((chosen[unit.id],) if unit.id in chosen else ()))
        for unit in problem.units
    }
    today = {person.id: person.current_office for person in problem.people}
    result = {
        "status": solution.status,
        "seconds": round(solution.seconds, 1),
        "objective": solution.objective,
        "bound": solution.bound,
        "gap": round(100 * solution.gap, 1) if solution.gap is not None else None,
        "parts": solution.parts,
        "office": {str(person_id): list(days) for person_id, days in solution.office.items()},
        "half_days": {str(person_id): list(days) for person_id, days in solution.half_days.items()},
        "current": {str(person.id): list(person.current_office) for person in problem.people},
        "names": {str(person_id): name for person_id, name in names.items()},
        "chosen_office_days": {str(unit): day for unit, day in solution.chosen_office_days.items()},
        # Codes and values, worded when read, so each reader sees them in their own language.
        "conflicts": [_coded(conflict) for conflict in solution.conflicts],
        # Today's plan and the proposal judged alike, so the page can list the problems it removes.
        "today": {
            "shortfalls": [_coded(found) for found in shortfalls(problem, today, team_days)],
            "preferences": preference_tally(problem, today),
        },
        "proposal": {
            "shortfalls": [_coded(found) for found in shortfalls(problem, solution.office, team_days)],
            "preferences": preference_tally(problem, solution.office),
        }
        if solution.office
        else None,
    }
    return _finish(run, result)


def _finish(run: PlannerRun, result: dict[str, Any]) -> str:
    run.result = result
    run.status = PlannerRun.Status.DONE
    run.finished_at = timezone.now()
    run.save(update_fields=["result", "status", "finished_at"])
    return str(result["status"])


def _coded(conflict: Conflict) -> dict[str, object]:
    return {"code": conflict.code, "params": [[key, value] for key, value in conflict.params]}
