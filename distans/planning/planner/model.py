"""The CP-SAT model of a group: each person picks one allowed set of office days; soft goals weighted."""

import threading
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from distans.planning.planner.constraints import (
    desk_limit,
    expected_on_team_day,
    half_day,
    patterns,
    team_day_choice,
)
from distans.planning.planner.explanation import explain
from distans.planning.planner.problem import WEEK, Person, Problem, Solution, grouped_by

OVER_DESK_COST = 100  # per person beyond the free desks: a plan removes this before any soft goal


class _Progress(cp_model.CpSolverSolutionCallback):
    """Notes each better plan. It runs on the solver's threads, so it only records; `_run` reports
    and asks whether to stop from the caller's own thread (which may use the database)."""

    def __init__(self) -> None:
        super().__init__()
        self.latest: tuple[float, float] | None = None

    def on_solution_callback(self) -> None:
        self.latest = (self.objective_value, self.best_objective_bound)


def _run(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    report: Callable[[float, float], None] | None,
    stop: Callable[[], bool] | None,
    every: float = 0.5,
) -> cp_model.CpSolverStatus:
    """Solve in a worker thread; meanwhile pass progress on and stop the search when asked."""
    progress = _Progress()
    result: list[cp_model.CpSolverStatus] = []
    worker = threading.Thread(target=lambda: result.append(solver.solve(model, progress)))
    worker.start()
    reported = None
    while worker.is_alive():
        worker.join(every)
        if report and progress.latest is not None and progress.latest != reported:
            reported = progress.latest
            report(*reported)
        if stop and worker.is_alive() and stop():
            solver.stop_search()
    if report and progress.latest is not None and progress.latest != reported:
        report(*progress.latest)
    return result[0]


def _no_plan(problem: Problem, started: float, explained: bool) -> Solution:
    if explained:
        return explain(problem, started)
    return Solution("infeasible", seconds=time.monotonic() - started)


def solve_whole(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    report: Callable[[float, float], None] | None = None,
    stop: Callable[[], bool] | None = None,
    explained: bool = True,
) -> Solution:
    """Each person chooses one of their allowed office-day sets (a tight formulation: its linear
    relaxation is exact per person); when no plan fits, `explain` names the conflicting rules (unless
    not `explained`: a block of a larger site, which is then planned whole)."""
    started = time.monotonic()
    units = {unit.id: unit for unit in problem.units}
    allowed = {
        person.id: patterns(person, units[person.unit_id].office_days if person.unit_id in units else ())
        for person in problem.people
    }
    if any(not options for options in allowed.values()):
        return _no_plan(problem, started, explained)
    model = cp_model.CpModel()
    y = {
        person.id: [model.new_bool_var(f"y_{person.id}_{index}") for index in range(len(allowed[person.id]))]
        for person in problem.people
    }
    for choices in y.values():
        model.add_exactly_one(choices)

    # Built once: which chosen-set indicators put each person at the office on each day.
    on_day = {
        (person.id, day): [
            var for var, days in zip(y[person.id], allowed[person.id], strict=True) if day in days
        ]
        for person in problem.people
        for day in WEEK
    }

    def office(person: Person, day: int) -> cp_model.LinearExpr:
        """1 when the person is at the office on the day: the sum of the chosen set's indicators."""
        return cp_model.LinearExpr.sum(on_day[person.id, day])

    members = grouped_by(problem.people, "unit_id")
    chosen = {}
    for unit in problem.units:
        team = members[unit.id]
        if unit.choose_office_day:
            chosen[unit.id] = team_day_choice(model, unit, team)
            for day, picked in chosen[unit.id].items():
                for person in team:
                    if expected_on_team_day(person, day):
                        model.add(office(person, day) >= picked)
        for day, minimum in unit.coverage:
            model.add(sum(office(person, day) for person in team) >= minimum)

    at_site = grouped_by(problem.people, "site_id")
    peaks, overflows = [], []
    for site in problem.sites:
        loads = []
        for day in WEEK:
            load = model.new_int_var(0, len(at_site[site.id]), f"load_{site.id}_{day}")
            model.add(
                load
                == cp_model.LinearExpr.sum(
                    [var for person in at_site[site.id] for var in on_day[person.id, day]]
                )
            )
            loads.append(load)
        if site.capacity is not None:
            for day in WEEK:
                limit = desk_limit(site, at_site[site.id], day, problem.units)
                free = site.capacity - site.taken[day]
                model.add(loads[day] <= limit)
                arrivals = [
                    var
                    for person in at_site[site.id]
                    if day not in person.current_office
                    for var in on_day[person.id, day]
                ]
                if day in site.closed:
                    model.add(cp_model.LinearExpr.sum(arrivals) == 0)
                if limit > free:  # people outside the plan hold more than their share of the desks
                    over = model.new_int_var(0, limit - max(free, 0), f"over_{site.id}_{day}")
                    model.add(over >= loads[day] - max(free, 0))
                    overflows.append(over)
                    if arrivals:  # nobody new takes a desk on a day that stays over its desks
                        fits = model.new_bool_var(f"fits_{site.id}_{day}")
                        model.add(loads[day] <= max(free, 0)).only_enforce_if(fits)
                        model.add(cp_model.LinearExpr.sum(arrivals) == 0).only_enforce_if(fits.negated())
        peak = model.new_int_var(0, len(at_site[site.id]), f"peak_{site.id}")
        for load in loads:
            model.add(peak >= load)
        peaks.append(peak)

    # Soft goals: each person's chosen set carries its own costs; the rest are unit- and site-wide.
    def cost(person: Person, days: tuple[int, ...], kind: str) -> int:
        chosen_days = set(days)
        if kind == "preferences":
            return len(chosen_days & set(person.unwanted_office)) - len(
                chosen_days & set(person.preferred_office)
            )
        if kind == "fairness":
            return len(chosen_days & set(person.unwanted_office))
        return len(chosen_days ^ set(person.current_office))

    costs = {
        kind: {
            person.id: [cost(person, days, kind) for days in allowed[person.id]] for person in problem.people
        }
        for kind in ("preferences", "fairness", "stability")
    }

    def per_person(kind: str) -> cp_model.LinearExpr:
        terms = [
            (var, weight)
            for person in problem.people
            for var, weight in zip(y[person.id], costs[kind][person.id], strict=True)
            if weight
        ]
        return cp_model.LinearExpr.weighted_sum([var for var, _w in terms], [weight for _v, weight in terms])

    used = []
    for unit in problem.units:
        for day in WEEK:
            flag = model.new_bool_var(f"used_{unit.id}_{day}")
            for person in members[unit.id]:  # linear, not a clause, so the relaxation sees it
                model.add(flag >= office(person, day))
            used.append(flag)
    worst = model.new_int_var(0, 5, "worst_unwanted")
    for person in problem.people:
        if person.unwanted_office:
            model.add(
                worst
                >= sum(
                    cost(person, days, "fairness") * var
                    for var, days in zip(y[person.id], allowed[person.id], strict=True)
                )
            )
    parts = {
        "preferences": per_person("preferences"),
        "colocation": sum(used),
        "fairness": worst,
        "stability": per_person("stability"),
        "balance": sum(peaks),
    }
    weights = problem.weights
    model.minimize(
        sum(getattr(weights, name) * expression for name, expression in parts.items())
        + OVER_DESK_COST * sum(overflows)
    )
    # A first guess for the search: each person's set that best fits their own preferences and today.
    for person in problem.people:
        options = allowed[person.id]
        best = min(
            range(len(options)),
            key=lambda index: (
                weights.preferences * cost(person, options[index], "preferences")
                + weights.stability * cost(person, options[index], "stability")
            ),
        )
        for index, var in enumerate(y[person.id]):
            model.add_hint(var, index == best)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 2
    # Measured with bench/planner.py: presolve's inclusion step costs seconds from 5,000 people up and
    # gains nothing on this model.
    solver.parameters.presolve_inclusion_work_limit = 0
    status = _run(solver, model, report, stop)
    seconds = time.monotonic() - started
    if status == cp_model.INFEASIBLE:
        return _no_plan(problem, started, explained)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Solution("stopped", seconds=seconds)
    office_days = {
        person.id: next(
            days for var, days in zip(y[person.id], allowed[person.id], strict=True) if solver.value(var)
        )
        for person in problem.people
    }
    chosen_days = {
        unit_id: next(day for day, picked in days.items() if solver.value(picked))
        for unit_id, days in chosen.items()
    }

    def team_days(person: Person) -> tuple[int, ...]:
        given = units[person.unit_id].office_days if person.unit_id in units else ()
        return (*given, *((chosen_days[person.unit_id],) if person.unit_id in chosen_days else ()))

    return Solution(
        "optimal" if status == cp_model.OPTIMAL else "feasible",
        office=office_days,
        half_days={
            person.id: half
            for person in problem.people
            if (half := half_day(person, office_days[person.id], team_days(person)))
        },
        chosen_office_days=chosen_days,
        objective=solver.objective_value,
        bound=solver.best_objective_bound,
        seconds=seconds,
        parts={
            name: int(expression if isinstance(expression, int) else solver.value(expression))
            for name, expression in parts.items()
        },
    )
