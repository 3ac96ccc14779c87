"""The planner: propose who is at the office on which weekday, with OR-Tools CP-SAT.

Pure: dataclasses in, dataclasses out, no Django. `planning.planner_data` builds a `Problem` from the
database and turns a `Solution` into words.

Hard rules: each person's remote days (exactly, or at most, as agreed), their fixed remote days,
days already taken (leave, holidays, changes), each unit's team office day (set, or chosen by the
planner), coverage minimums, and site capacity. Soft, weighted: preferred and unwanted days,
colleagues of a team on the same days, fairness of unwanted days, few changes from today, and an
even load on each office across the week. When no plan fits, the conflicting rules are named from
the solver's assumptions, not a bare "infeasible".
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

WEEK = range(5)


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    unit_id: int
    site_id: int | None
    remote_days: int
    exact: bool = True  # exactly this many remote days, else at most
    fixed_remote: tuple[int, ...] = ()  # weekdays the agreement fixes as remote
    fixed_office: tuple[int, ...] = ()  # weekdays already booked at the office
    unavailable: tuple[int, ...] = ()  # leave, holidays, days off: neither office nor remote
    preferred_office: tuple[int, ...] = ()
    unwanted_office: tuple[int, ...] = ()
    current_office: tuple[int, ...] = ()  # where the person is at the office today


@dataclass(frozen=True)
class Unit:
    id: int
    name: str
    office_days: tuple[int, ...] = ()
    choose_office_day: bool = False
    coverage: tuple[tuple[int, int], ...] = ()  # (weekday, at least this many at the office)


@dataclass(frozen=True)
class Site:
    id: int
    name: str
    capacity: int | None
    taken: tuple[int, ...] = (0, 0, 0, 0, 0)  # desks taken each weekday by people outside the problem


@dataclass(frozen=True)
class Weights:
    preferences: int = 3
    colocation: int = 2
    fairness: int = 2
    stability: int = 1
    balance: int = 1


@dataclass(frozen=True)
class Problem:
    people: tuple[Person, ...]
    units: tuple[Unit, ...] = ()
    sites: tuple[Site, ...] = ()
    weights: Weights = Weights()


@dataclass(frozen=True)
class Conflict:
    """One rule in a set that cannot all hold; `code` is remote_days, fixed_remote, fixed_office,
    office_day, coverage or capacity."""

    code: str
    params: tuple = ()


@dataclass
class Solution:
    status: str  # optimal, feasible, infeasible, stopped (no plan found in time)
    office: dict[int, tuple[int, ...]] = field(default_factory=dict)
    chosen_office_days: dict[int, int] = field(default_factory=dict)
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    parts: dict[str, int] = field(default_factory=dict)
    conflicts: tuple[Conflict, ...] = ()

    @property
    def gap(self) -> float | None:
        if self.objective is None or self.bound is None:
            return None
        return abs(self.objective - self.bound) / max(1.0, abs(self.objective))

    def changes(self, problem: Problem) -> dict[int, tuple[tuple[int, ...], tuple[int, ...]]]:
        """Per person whose office days change: (today's, proposed)."""
        return {
            person.id: (person.current_office, self.office[person.id])
            for person in problem.people
            if person.id in self.office and tuple(sorted(person.current_office)) != self.office[person.id]
        }


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, report: Callable[[float, float], None] | None, stop: Callable[[], bool] | None):
        super().__init__()
        self._report, self._stop = report, stop

    def on_solution_callback(self):
        if self._report:
            self._report(self.ObjectiveValue(), self.BestObjectiveBound())
        if self._stop and self._stop():
            self.StopSearch()


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    report: Callable[[float, float], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Solution:
    started = time.monotonic()
    model = cp_model.CpModel()
    people = {person.id: person for person in problem.people}
    x = {
        (person.id, day): model.NewBoolVar(f"x_{person.id}_{day}")
        for person in problem.people
        for day in WEEK
    }
    assumptions: list[tuple[cp_model.IntVar, Conflict]] = []

    def rule(conflict: Conflict):
        literal = model.NewBoolVar(f"rule_{len(assumptions)}")
        assumptions.append((literal, conflict))
        return literal

    for person in problem.people:
        for day in person.unavailable:
            model.Add(x[person.id, day] == 0)
        available = [day for day in WEEK if day not in person.unavailable]
        remote = len(available) - sum(x[person.id, day] for day in available)
        wanted = min(person.remote_days, len(available))
        literal = rule(Conflict("remote_days", (("person", person.name), ("days", person.remote_days))))
        if person.exact:
            model.Add(remote == wanted).OnlyEnforceIf(literal)
        else:
            model.Add(remote <= wanted).OnlyEnforceIf(literal)
        fixed = [day for day in person.fixed_remote if day in available]
        if fixed:
            literal = rule(Conflict("fixed_remote", (("person", person.name), ("weekdays", tuple(fixed)))))
            for day in fixed:
                model.Add(x[person.id, day] == 0).OnlyEnforceIf(literal)
        booked = [day for day in person.fixed_office if day in available]
        if booked:
            literal = rule(Conflict("fixed_office", (("person", person.name), ("weekdays", tuple(booked)))))
            for day in booked:
                model.Add(x[person.id, day] == 1).OnlyEnforceIf(literal)

    members = {
        unit.id: [person for person in problem.people if person.unit_id == unit.id] for unit in problem.units
    }

    def joins_team_days(person: Person) -> bool:
        """Someone whose agreement is remote every day they work (e.g. from abroad) does not come in."""
        return person.remote_days < 5 - len(person.unavailable)

    chosen = {}
    for unit in problem.units:
        team = members[unit.id]
        if unit.choose_office_day:
            chosen[unit.id] = {day: model.NewBoolVar(f"team_{unit.id}_{day}") for day in WEEK}
            model.AddExactlyOne(chosen[unit.id].values())
            for day, picked in chosen[unit.id].items():  # a team day is a day most of the team is there
                if 2 * sum(day not in person.unavailable for person in team) < len(team):
                    model.Add(picked == 0)
            literal = rule(Conflict("office_day", (("unit", unit.name), ("weekday", None))))
            for day, picked in chosen[unit.id].items():
                for person in team:
                    if day not in person.unavailable and joins_team_days(person):
                        model.AddImplication(picked, x[person.id, day]).OnlyEnforceIf(literal)
        for day in unit.office_days:
            literal = rule(Conflict("office_day", (("unit", unit.name), ("weekday", day))))
            for person in team:
                if day not in person.unavailable and joins_team_days(person):
                    model.Add(x[person.id, day] == 1).OnlyEnforceIf(literal)
        for day, minimum in unit.coverage:
            literal = rule(Conflict("coverage", (("unit", unit.name), ("weekday", day), ("needed", minimum))))
            model.Add(sum(x[person.id, day] for person in team) >= minimum).OnlyEnforceIf(literal)

    at_site = {
        site.id: [person for person in problem.people if person.site_id == site.id] for site in problem.sites
    }
    peaks = []
    for site in problem.sites:
        loads = [sum(x[person.id, day] for person in at_site[site.id]) for day in WEEK]
        if site.capacity is not None:
            for day in WEEK:
                literal = rule(
                    Conflict(
                        "capacity",
                        (
                            ("site", site.name),
                            ("weekday", day),
                            ("desks", site.capacity),
                            ("taken", site.taken[day]),
                        ),
                    )
                )
                model.Add(loads[day] + site.taken[day] <= site.capacity).OnlyEnforceIf(literal)
        peak = model.NewIntVar(0, len(at_site[site.id]), f"peak_{site.id}")
        for load in loads:
            model.Add(peak >= load)
        peaks.append(peak)

    # Soft goals, each an expression whose value is reported as a part of the objective.
    preferences = sum(x[person.id, day] for person in problem.people for day in person.unwanted_office) - sum(
        x[person.id, day] for person in problem.people for day in person.preferred_office
    )
    used = []
    for unit in problem.units:
        for day in WEEK:
            flag = model.NewBoolVar(f"used_{unit.id}_{day}")
            for person in members[unit.id]:
                model.AddImplication(x[person.id, day], flag)
            used.append(flag)
    worst = model.NewIntVar(0, 5, "worst_unwanted")
    for person in problem.people:
        if person.unwanted_office:
            model.Add(worst >= sum(x[person.id, day] for day in person.unwanted_office))
    changes = sum(
        (1 - x[person.id, day]) if day in person.current_office else x[person.id, day]
        for person in problem.people
        for day in WEEK
    )
    parts = {
        "preferences": preferences,
        "colocation": sum(used),
        "fairness": worst,
        "stability": changes,
        "balance": sum(peaks),
    }
    weights = problem.weights
    model.Minimize(sum(getattr(weights, name) * expression for name, expression in parts.items()))
    model.AddAssumptions([literal for literal, _conflict in assumptions])

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 2
    status = solver.Solve(model, _Progress(report, stop))
    seconds = time.monotonic() - started
    if status == cp_model.INFEASIBLE:
        core = _smallest_core(model, set(solver.SufficientAssumptionsForInfeasibility()))
        return Solution(
            "infeasible",
            seconds=time.monotonic() - started,
            conflicts=tuple(conflict for literal, conflict in assumptions if literal.Index() in core),
        )
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Solution("stopped", seconds=seconds)
    office = {
        person_id: tuple(day for day in WEEK if solver.Value(x[person_id, day])) for person_id in people
    }
    return Solution(
        "optimal" if status == cp_model.OPTIMAL else "feasible",
        office=office,
        chosen_office_days={
            unit_id: next(day for day, picked in days.items() if solver.Value(picked))
            for unit_id, days in chosen.items()
        },
        objective=solver.ObjectiveValue(),
        bound=solver.BestObjectiveBound(),
        seconds=seconds,
        parts={
            name: int(expression if isinstance(expression, int) else solver.Value(expression))
            for name, expression in parts.items()
        },
    )


def _smallest_core(model: cp_model.CpModel, core: set[int], limit: int = 40, seconds: float = 20) -> set[int]:
    """Drop each rule from the solver's conflict set while the others still conflict, so only rules
    that matter are named. A rule left out of the assumptions is free, so it is in effect off. Stops
    after `limit` tries or `seconds`, naming what is left."""
    trial_model = model.Clone()
    trial_model.ClearObjective()
    deadline = time.monotonic() + seconds
    for index in sorted(core)[:limit]:
        if time.monotonic() > deadline:
            break
        trial = core - {index}
        trial_model.ClearAssumptions()
        trial_model.AddAssumptions([trial_model.GetBoolVarFromProtoIndex(index) for index in sorted(trial)])
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = 2
        solver.parameters.num_workers = 2
        if solver.Solve(trial_model) == cp_model.INFEASIBLE:
            core = trial
    return core
