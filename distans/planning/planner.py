"""The planner: propose who is at the office on which weekday, with OR-Tools CP-SAT.

Pure: dataclasses in, dataclasses out, no Django. `planning.planner_data` builds a `Problem` from the
database and turns a `Solution` into words.

Hard rules: each person's remote days (exactly, or at most, as agreed, counted in half days), their
fixed remote days, days already taken (leave, holidays, changes), each unit's team office day (set, or
chosen by the planner), coverage minimums, and site capacity. Soft, weighted: preferred and unwanted days,
colleagues of a team on the same days, fairness of unwanted days, few changes from today, and an
even load on each office across the week. When no plan fits, the conflicting rules are named from
the solver's assumptions, not a bare "infeasible".

Half days: plans are kept in whole days, so a half day is an office day (it takes a desk) whose other
half is worked remotely. An allowance of 2.5 days is two whole remote days and one half day; with
fixed weekdays (three for 2.5) the half day falls on one of them, the only way to be at the office on
a fixed remote day. `Solution.half_days` names each person's half day.
"""

import functools
import threading
import time
from collections import defaultdict
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
    remote_days: float  # a week, in half days: 2.5 is two whole remote days and a half day
    exact: bool = True  # exactly this many remote days, else at most
    fixed_remote: tuple[int, ...] = ()  # weekdays the agreement fixes as remote (one may be the half day)
    fixed_office: tuple[int, ...] = ()  # weekdays already booked at the office
    unavailable: tuple[int, ...] = ()  # leave, holidays, days off: neither office nor remote
    preferred_office: tuple[int, ...] = ()
    unwanted_office: tuple[int, ...] = ()
    current_office: tuple[int, ...] = ()  # where the person is at the office today
    taken_remote: tuple[int, ...] = ()  # days already changed to remote work: never at the office


def halves(person: Person) -> int:
    """The remote days allowed a week, counted in half days (2.5 days: 5)."""
    return round(2 * person.remote_days)


def has_half_day(person: Person) -> bool:
    return halves(person) % 2 == 1


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


def desk_limit(site: Site, people: list, day: int, units: tuple = ()) -> int:
    """How many of the problem's people may be at the site on a day: the desks that people outside the
    problem leave free; where those hold more than their share, as many as are there today, or as the
    teams' own rules need (the team day, the minimum at the office). A team's plan cannot free desks
    others hold, so it never makes a full office fuller than it must."""
    today = sum(1 for person in people if day in person.current_office)
    needed = 0
    for unit in units:
        team = [person for person in people if person.unit_id == unit.id]
        on_team_day = sum(
            1
            for person in team
            if day in unit.office_days and expected_on_team_day(person, day)
        )
        minimum = max((least for weekday, least in unit.coverage if weekday == day), default=0)
        needed += max(on_team_day, min(minimum, len(team)))
    return max(site.capacity - site.taken[day], today, needed)


OVER_DESK_COST = 100  # per person beyond the free desks: a plan removes this before any soft goal


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
    half_days: dict[int, tuple[int, ...]] = field(default_factory=dict)  # office days worked half remotely
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
    """Notes each better plan. It runs on the solver's threads, so it only records; `_run` reports
    and asks whether to stop from the caller's own thread (which may use the database)."""

    def __init__(self):
        super().__init__()
        self.latest: tuple[float, float] | None = None

    def on_solution_callback(self):
        self.latest = (self.ObjectiveValue(), self.BestObjectiveBound())


def _run(solver: cp_model.CpSolver, model: cp_model.CpModel, report, stop, every: float = 0.5) -> int:
    """Solve in a worker thread; meanwhile pass progress on and stop the search when asked."""
    progress, result = _Progress(), []
    worker = threading.Thread(target=lambda: result.append(solver.Solve(model, progress)))
    worker.start()
    reported = None
    while worker.is_alive():
        worker.join(every)
        if report and progress.latest is not None and progress.latest != reported:
            reported = progress.latest
            report(*reported)
        if stop and worker.is_alive() and stop():
            solver.StopSearch()
    if report and progress.latest is not None and progress.latest != reported:
        report(*progress.latest)
    return result[0]


def patterns(person: Person, team_days: tuple[int, ...] = ()) -> list[tuple[int, ...]]:
    """Every set of office days that keeps the person's own rules: days available, fixed remote days
    out (but for the half day), days changed to remote out, booked office days in, the agreed remote
    days in half days (exactly or at most), and the team's given office days when the person comes in
    at all."""
    must = set(person.fixed_office) | {day for day in team_days if expected_on_team_day(person, day)}
    return _patterns(
        person.unavailable,
        halves(person),
        person.exact,
        person.fixed_remote,
        person.taken_remote,
        tuple(sorted(must)),
    )


@functools.cache
def _patterns(unavailable, halves, exact, fixed_remote, taken_remote, must) -> list[tuple[int, ...]]:
    """The same for one combination of rules: many people share one, so it is worked out once.

    Counted in half days: a week with office days has its half day (when the allowance has one) on
    one of them, so 2 × the remote days + the half day is what the agreement allows (exactly: all of
    it, as far as the days available reach; at most: no more)."""
    available = [day for day in WEEK if day not in unavailable]
    wanted = min(halves, 2 * len(available))
    half = halves % 2
    needed = {day for day in must if day in available}
    result = []
    for mask in range(1 << len(available)):
        days = tuple(day for bit, day in enumerate(available) if mask >> bit & 1)
        remote = 2 * (len(available) - len(days)) + (half if days else 0)
        if remote != wanted if exact else remote > halves:
            continue
        # At the office on a fixed remote day only for the half day, so on one such day at most.
        if len(set(days) & set(fixed_remote)) > half or set(days) & set(taken_remote):
            continue
        if not needed <= set(days):
            continue
        result.append(days)
    return result


def half_day(person: Person, office: tuple[int, ...], team_days: tuple[int, ...] = ()) -> tuple[int, ...]:
    """Which of the person's office days is the half day: the fixed remote day they come in on, else
    a day they would rather not be in, else one that is not a team day or booked, latest first."""
    if not has_half_day(person) or not office:
        return ()
    on_fixed = [day for day in office if day in person.fixed_remote]
    if on_fixed:
        return (on_fixed[0],)
    return (
        min(
            office,
            key=lambda day: (
                day not in person.unwanted_office,
                day in team_days,
                day in person.fixed_office,
                -day,
            ),
        ),
    )


def _by(people, attribute: str) -> defaultdict[int, list[Person]]:
    groups = defaultdict(list)
    for person in people:
        groups[getattr(person, attribute)].append(person)
    return groups


def joins_team_days(person: Person) -> bool:
    """Someone whose agreement is remote every day they work (e.g. from abroad) does not come in."""
    return person.remote_days < 5 - len(person.unavailable)


def expected_on_team_day(person: Person, day: int) -> bool:
    """At the office on the team's day, unless away then, remote every day, or already booked to work
    elsewhere that day (a change the planner does not undo; the team week shows it as a problem)."""
    return day not in person.unavailable and day not in person.taken_remote and joins_team_days(person)


# Measured with bench/planner.py on 2 cores: above about 3,000 people the whole model takes longer than
# a manager waits for a first plan, so a large site is planned in blocks of whole teams.
WHOLE_MODEL_LIMIT = 3000
BLOCK = 1500
MIN_BLOCK_SECONDS = 2.5  # what a block of that size needs for a first plan on 2 cores (bench/planner.py)


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    report: Callable[[float, float], None] | None = None,
    stop: Callable[[], bool] | None = None,
    whole_model_limit: int = WHOLE_MODEL_LIMIT,
    block: int = BLOCK,
) -> Solution:
    """The best plan found in the time; a large site is planned in blocks of whole teams."""
    if len(problem.people) > whole_model_limit:
        return _solve_in_blocks(problem, time_limit=time_limit, report=report, stop=stop, block=block)
    return _solve(problem, time_limit=time_limit, report=report, stop=stop)


def _blocks(problem: Problem, block: int) -> list[Problem]:
    """Whole teams, in order, grouped into blocks of at most about `block` people."""
    members = _by(problem.people, "unit_id")
    blocks, units, people = [], [], []
    for unit in problem.units:
        if people and len(people) + len(members[unit.id]) > block:
            blocks.append((units, people))
            units, people = [], []
        units.append(unit)
        people.extend(members[unit.id])
    in_units = {unit.id for unit in problem.units}
    people.extend(person for person in problem.people if person.unit_id not in in_units)
    blocks.append((units, people))
    return [Problem(tuple(people), tuple(units), problem.sites, problem.weights) for units, people in blocks]


def _solve_in_blocks(problem: Problem, *, time_limit: float, report, stop, block: int) -> Solution:
    """Each block in turn, with the desks the blocks before it left; the parts are summed (the
    fairness part is the worst block's, the balance part the peaks of the merged plan). Blocks are not
    jointly optimal, so no bound, and no gap, is claimed for the whole site."""
    started = time.monotonic()
    blocks = _blocks(problem, block)
    taken = {site.id: list(site.taken) for site in problem.sites}
    # Desks the later blocks cannot do without (team days, booked days, coverage) are held back.
    held = [_needed_desks(part) for part in blocks]
    merged = Solution(
        "feasible", parts=dict.fromkeys(("preferences", "colocation", "fairness", "stability"), 0)
    )
    for index, block in enumerate(blocks):
        later = held[index + 1 :]
        sites = tuple(
            Site(
                site.id,
                site.name,
                site.capacity,
                tuple(taken[site.id][day] + sum(need[site.id][day] for need in later) for day in WEEK),
            )
            for site in problem.sites
        )
        left = time_limit - (time.monotonic() - started)
        seconds = max(MIN_BLOCK_SECONDS, left / (len(blocks) - index))
        for _attempt in range(3):  # a block that found no plan in its time gets twice the time, twice
            part = _solve(
                Problem(block.people, block.units, sites, problem.weights),
                time_limit=seconds,
                report=report,
                stop=stop,
            )
            if part.status != "stopped" or (stop and stop()):
                break
            seconds *= 2
        if part.status not in ("optimal", "feasible"):
            part.seconds = time.monotonic() - started
            return part
        merged.office.update(part.office)
        merged.half_days.update(part.half_days)
        merged.chosen_office_days.update(part.chosen_office_days)
        for name in ("preferences", "colocation", "stability"):
            merged.parts[name] += part.parts[name]
        merged.parts["fairness"] = max(merged.parts["fairness"], part.parts["fairness"])
        for person in block.people:
            if person.site_id in taken:
                for day in part.office[person.id]:
                    taken[person.site_id][day] += 1
    at_site = _by(problem.people, "site_id")
    merged.parts["balance"] = sum(
        max(sum(day in merged.office[person.id] for person in at_site[site.id]) for day in WEEK)
        for site in problem.sites
    )
    merged.objective = float(
        sum(getattr(problem.weights, name) * value for name, value in merged.parts.items())
    )
    merged.seconds = time.monotonic() - started
    return merged


def _team_day_choice(model: cp_model.CpModel, unit: Unit, team: list[Person]) -> dict:
    """One Boolean per weekday, exactly one true: the team day, a day most of the team is there."""
    picks = {day: model.NewBoolVar(f"team_{unit.id}_{day}") for day in WEEK}
    model.AddExactlyOne(picks.values())
    for day, picked in picks.items():
        if 2 * sum(day not in person.unavailable for person in team) < len(team):
            model.Add(picked == 0)
    return picks


def _needed_desks(problem: Problem) -> dict[int, list[int]]:
    """Per site and day, the desks this block needs whatever the plan: people every allowed set puts
    at the office that day, and what a team's coverage asks beyond them."""
    units = {unit.id: unit for unit in problem.units}
    needed = {site.id: [0] * 5 for site in problem.sites}
    for unit_id, team in _by(problem.people, "unit_id").items():
        unit = units.get(unit_id)
        fixed = [0] * 5
        for person in team:
            options = patterns(person, unit.office_days if unit else ())
            for day in WEEK:
                if options and all(day in days for days in options):
                    fixed[day] += 1
                    if person.site_id in needed:
                        needed[person.site_id][day] += 1
        site_id = next((person.site_id for person in team if person.site_id in needed), None)
        for day, minimum in unit.coverage if unit and site_id is not None else ():
            needed[site_id][day] += max(0, minimum - fixed[day])
    return needed


def _solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    report: Callable[[float, float], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Solution:
    """Each person chooses one of their allowed office-day sets (a tight formulation: its linear
    relaxation is exact per person); when no plan fits, `_explain` names the conflicting rules."""
    started = time.monotonic()
    units = {unit.id: unit for unit in problem.units}
    allowed = {
        person.id: patterns(person, units[person.unit_id].office_days if person.unit_id in units else ())
        for person in problem.people
    }
    if any(not options for options in allowed.values()):
        return _explain(problem, started)
    model = cp_model.CpModel()
    y = {
        person.id: [model.NewBoolVar(f"y_{person.id}_{index}") for index in range(len(allowed[person.id]))]
        for person in problem.people
    }
    for choices in y.values():
        model.AddExactlyOne(choices)

    # Built once: which chosen-set indicators put each person at the office on each day.
    on_day = {
        (person.id, day): [
            var for var, days in zip(y[person.id], allowed[person.id], strict=True) if day in days
        ]
        for person in problem.people
        for day in WEEK
    }

    def office(person: Person, day: int):
        """1 when the person is at the office on the day: the sum of the chosen set's indicators."""
        return cp_model.LinearExpr.sum(on_day[person.id, day])

    members = _by(problem.people, "unit_id")
    chosen = {}
    for unit in problem.units:
        team = members[unit.id]
        if unit.choose_office_day:
            chosen[unit.id] = _team_day_choice(model, unit, team)
            for day, picked in chosen[unit.id].items():
                for person in team:
                    if expected_on_team_day(person, day):
                        model.Add(office(person, day) >= picked)
        for day, minimum in unit.coverage:
            model.Add(sum(office(person, day) for person in team) >= minimum)

    at_site = _by(problem.people, "site_id")
    peaks, overflows = [], []
    for site in problem.sites:
        loads = []
        for day in WEEK:
            load = model.NewIntVar(0, len(at_site[site.id]), f"load_{site.id}_{day}")
            model.Add(
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
                model.Add(loads[day] <= limit)
                if limit > free:  # people outside the plan hold more than their share of the desks
                    over = model.NewIntVar(0, limit - max(free, 0), f"over_{site.id}_{day}")
                    model.Add(over >= loads[day] - max(free, 0))
                    overflows.append(over)
                    arrivals = [
                        var
                        for person in at_site[site.id]
                        if day not in person.current_office
                        for var in on_day[person.id, day]
                    ]
                    if arrivals:  # nobody new takes a desk on a day that stays over its desks
                        within = model.NewBoolVar(f"within_{site.id}_{day}")
                        model.Add(loads[day] <= max(free, 0)).OnlyEnforceIf(within)
                        model.Add(cp_model.LinearExpr.sum(arrivals) == 0).OnlyEnforceIf(within.Not())
        peak = model.NewIntVar(0, len(at_site[site.id]), f"peak_{site.id}")
        for load in loads:
            model.Add(peak >= load)
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

    def per_person(kind: str):
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
            flag = model.NewBoolVar(f"used_{unit.id}_{day}")
            for person in members[unit.id]:  # linear, not a clause, so the relaxation sees it
                model.Add(flag >= office(person, day))
            used.append(flag)
    worst = model.NewIntVar(0, 5, "worst_unwanted")
    for person in problem.people:
        if person.unwanted_office:
            model.Add(
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
    model.Minimize(
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
            model.AddHint(var, index == best)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 2
    # Measured with bench/planner.py: presolve's inclusion step costs seconds from 5,000 people up and
    # gains nothing on this model.
    solver.parameters.presolve_inclusion_work_limit = 0
    status = _run(solver, model, report, stop)
    seconds = time.monotonic() - started
    if status == cp_model.INFEASIBLE:
        return _explain(problem, started)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Solution("stopped", seconds=seconds)
    office_days = {
        person.id: next(
            days for var, days in zip(y[person.id], allowed[person.id], strict=True) if solver.Value(var)
        )
        for person in problem.people
    }
    chosen_days = {
        unit_id: next(day for day, picked in days.items() if solver.Value(picked))
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
        objective=solver.ObjectiveValue(),
        bound=solver.BestObjectiveBound(),
        seconds=seconds,
        parts={
            name: int(expression if isinstance(expression, int) else solver.Value(expression))
            for name, expression in parts.items()
        },
    )


def _explain(problem: Problem, started: float) -> Solution:
    """No plan fits: the same hard rules at day level, each behind an assumption literal, so the
    solver's conflict set (made minimal) names the rules that cannot all hold."""
    model = cp_model.CpModel()
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
        # In half days, as in `_patterns`: the half day (at most one) is one of the office days.
        half = {day: model.NewBoolVar(f"half_{person.id}_{day}") for day in available if has_half_day(person)}
        for day, var in half.items():
            model.Add(var <= x[person.id, day])
        model.Add(sum(half.values()) <= 1)
        remote = 2 * (len(available) - sum(x[person.id, day] for day in available)) + sum(half.values())
        wanted = min(halves(person), 2 * len(available))
        literal = rule(Conflict("remote_days", (("person", person.name), ("days", person.remote_days))))
        if person.exact:
            model.Add(remote == wanted).OnlyEnforceIf(literal)
        else:
            model.Add(remote <= halves(person)).OnlyEnforceIf(literal)
        fixed = [day for day in person.fixed_remote if day in available]
        taken = [day for day in person.taken_remote if day in available]
        if fixed or taken:
            weekdays = tuple(sorted({*fixed, *taken}))
            literal = rule(Conflict("fixed_remote", (("person", person.name), ("weekdays", weekdays))))
            for day in fixed:  # at the office on a fixed remote day only for the half day
                if day in half:
                    model.Add(x[person.id, day] <= half[day]).OnlyEnforceIf(literal)
                else:
                    model.Add(x[person.id, day] == 0).OnlyEnforceIf(literal)
            for day in taken:
                model.Add(x[person.id, day] == 0).OnlyEnforceIf(literal)
        booked = [day for day in person.fixed_office if day in available]
        if booked:
            literal = rule(Conflict("fixed_office", (("person", person.name), ("weekdays", tuple(booked)))))
            for day in booked:
                model.Add(x[person.id, day] == 1).OnlyEnforceIf(literal)

    members = _by(problem.people, "unit_id")

    chosen = {}
    for unit in problem.units:
        team = members[unit.id]
        if unit.choose_office_day:
            chosen[unit.id] = _team_day_choice(model, unit, team)
            literal = rule(Conflict("office_day", (("unit", unit.name), ("weekday", None))))
            for day, picked in chosen[unit.id].items():
                for person in team:
                    if expected_on_team_day(person, day):
                        model.AddImplication(picked, x[person.id, day]).OnlyEnforceIf(literal)
        for day in unit.office_days:
            literal = rule(Conflict("office_day", (("unit", unit.name), ("weekday", day))))
            for person in team:
                if expected_on_team_day(person, day):
                    model.Add(x[person.id, day] == 1).OnlyEnforceIf(literal)
        for day, minimum in unit.coverage:
            literal = rule(Conflict("coverage", (("unit", unit.name), ("weekday", day), ("needed", minimum))))
            model.Add(sum(x[person.id, day] for person in team) >= minimum).OnlyEnforceIf(literal)

    at_site = _by(problem.people, "site_id")
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
                limit = desk_limit(site, at_site[site.id], day, problem.units)
                model.Add(loads[day] <= limit).OnlyEnforceIf(literal)
                free = max(site.capacity - site.taken[day], 0)
                arrivals = [x[p.id, day] for p in at_site[site.id] if day not in p.current_office]
                if limit > free and arrivals:
                    within = model.NewBoolVar(f"within_{site.id}_{day}")
                    model.Add(loads[day] <= free).OnlyEnforceIf([literal, within])
                    model.Add(sum(arrivals) == 0).OnlyEnforceIf([literal, within.Not()])

    model.AddAssumptions([literal for literal, _conflict in assumptions])
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 30
    solver.parameters.num_workers = 2
    if solver.Solve(model) != cp_model.INFEASIBLE:
        return Solution("stopped", seconds=time.monotonic() - started)
    core = _smallest_core(model, set(solver.SufficientAssumptionsForInfeasibility()))
    return Solution(
        "infeasible",
        seconds=time.monotonic() - started,
        conflicts=tuple(conflict for literal, conflict in assumptions if literal.Index() in core),
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
