"""Background work for plans: planner runs, and telling people their week was changed."""

import datetime
import time

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from distans.core.mail import send_to_person, site_link
from distans.org.models import Person
from distans.planning import planner, planner_check, planner_data, rules


@task()
def planner_run(run_id: int) -> str:
    """Solve, writing progress to the run's row (at most once a second) and stopping early when asked;
    the best plan found so far is kept."""
    from distans.planning.models import PlannerRun

    run = PlannerRun.objects.select_related("unit", "site").get(pk=run_id)
    run.status = PlannerRun.Status.RUNNING
    run.save(update_fields=["status"])
    people = planner_data.people_of(unit=run.unit) if run.unit else planner_data.people_of(site=run.site)
    problem, names = planner_data.problem_for(
        people,
        run.week_start,
        weights=planner.Weights(**run.options.get("weights", {})),
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

    solution = planner.solve(problem, time_limit=run.options.get("time_limit", 10), report=report, stop=stop)
    chosen = solution.chosen_office_days
    team_days = {
        unit.id: (*unit.office_days, *((chosen[unit.id],) if unit.id in chosen else ()))
        for unit in problem.units
    }
    today = {person.id: person.current_office for person in problem.people}
    run.result = {
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
            "shortfalls": [_coded(found) for found in planner_check.shortfalls(problem, today, team_days)],
            "preferences": planner_check.preference_tally(problem, today),
        },
        "proposal": {
            "shortfalls": [
                _coded(found) for found in planner_check.shortfalls(problem, solution.office, team_days)
            ],
            "preferences": planner_check.preference_tally(problem, solution.office),
        }
        if solution.office
        else None,
    }
    run.status = PlannerRun.Status.DONE
    run.finished_at = timezone.now()
    run.save(update_fields=["result", "status", "finished_at"])
    return solution.status


def _coded(conflict: planner.Conflict) -> dict:
    return {"code": conflict.code, "params": [[key, value] for key, value in conflict.params]}


@task()
def plan_changed_notify(person_id: int, week_start: str) -> int:
    person = Person.objects.filter(pk=person_id).first()
    if person is None:
        return 0
    monday = datetime.date.fromisoformat(week_start)
    week = rules.iso_week(monday)
    send_to_person(
        person,
        subject=lambda: _("Your plan for week %(week)s has changed") % {"week": week},
        template="planning/email/changed.txt",
        context={"week": week, "url": site_link(f"/plans/?week={week}")},
    )
    return 1
