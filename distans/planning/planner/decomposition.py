"""A large site by Lagrangian relaxation of its desk limits: teams planned apart, with a proven bound.

Teams share nothing but each office's desks on each day and its busiest day (the balance part).
Pricing each office-day lets every team plan on its own: its subproblem (each member one of their
allowed office-day sets, the team day given or chosen, the team's coverage) is solved exactly, and
the teams' optima, less the priced desks, are a lower bound on every plan's objective. The prices
(five an office for desks, five for the busiest day) come from cutting planes kept in a box around
the best point so far; each priced plan is repaired into one that keeps every rule, and the best
repaired plan is returned with the best bound.

Why the bound holds, part by part:
- preferences and stability are each person's, colocation (days a team is split over) each team's:
  inside the subproblems, exactly (a team's set of used days is enumerated, 32 of them).
- balance, b × the busiest day: for any μ ≥ 0 with Σμ ≤ b, b × max_d load_d ≥ Σ_d μ_d load_d
  (loads are never negative), linear in the loads, so priced like a desk.
- desks: load_d ≤ free_d, priced by λ_d ≥ 0, minus λ_d × free_d.
- fairness, f × the most unwanted office days of anyone, couples everyone through a maximum: with W
  the least level every team can keep (worked out first), a plan either keeps everyone at W or below
  (then at least f × W plus the subproblems restricted to W) or has someone above it (at least
  f × (W + 1) plus the unrestricted subproblems, at the same prices). The bound is the smaller.
- the objective is whole, so the bound is rounded up.

An office that people outside the plan already fill past its desks follows a different rule (nobody
new comes in that day) that couples everyone; there, and for coverage too large to count exactly,
the decomposition does not apply and the whole model plans.
"""

import math
import time
from collections.abc import Callable

import numpy as np
from ortools.linear_solver import pywraplp  # type: ignore[import-untyped]

from distans.planning.planner.constraints import desk_limit, half_day
from distans.planning.planner.problem import WEEK, Problem, Solution, grouped_by
from distans.planning.planner.repair import Repair
from distans.planning.planner.teams import BITS, INF, Teams

MAX_STATES = 512  # counts a team's coverage programme keeps apart (bench/planner.py: 36 at most)


def applies(problem: Problem) -> bool:
    """Every office's limit is its free desks, and every team's coverage can be counted exactly."""
    at_site = grouped_by(problem.people, "site_id")
    members = grouped_by(problem.people, "unit_id")
    within = all(
        desk_limit(site, at_site[site.id], day, problem.units) == site.capacity - site.taken[day]
        for site in problem.sites
        if site.capacity is not None
        for day in WEEK
    )
    rules = [(unit.coverage, len(members[unit.id])) for unit in problem.units if unit.coverage]
    cap = max((min(least, size + 1) for coverage, size in rules for _day, least in coverage), default=0)
    width = max((len(coverage) for coverage, _size in rules), default=0)
    return within and (cap + 1) ** width <= MAX_STATES


class Prices:
    """The desk prices λ and the busiest-day weights μ, five an office each, by cutting planes: the
    next point is the best the cuts promise within a box around the best point so far (the box
    grows after a good step, shrinks after a poor one)."""

    def __init__(self, limits: np.ndarray, balance: float) -> None:
        self.limits = limits  # office × day; inf: no desk count, so no desk price
        self.balance = balance
        self.center = (np.zeros(limits.shape), np.full(limits.shape, balance / 5))
        self.value = -INF
        self.box = 1.0
        self.cuts: list[tuple[float, np.ndarray, np.ndarray]] = []  # the teams' value, loads, prices

    def dual(self, teams_value: float, loads: np.ndarray, desk: np.ndarray, busy: np.ndarray) -> float:
        """The Lagrangian value at these prices (a lower bound, less the fairness part); its cut kept."""
        self.cuts.append((teams_value, loads, desk + busy))
        return teams_value - float((desk * np.where(np.isfinite(self.limits), self.limits, 0)).sum())

    def step(self, desk: np.ndarray, busy: np.ndarray, value: float, promised: float) -> None:
        if value > self.value + 0.1 * promised or self.value == -INF:
            good = value > self.value + 0.5 * promised
            self.center, self.value = (desk, busy), value
            self.box = min(self.box * (2 if good else 1), 1e3)
        else:
            self.box = max(self.box / 2, 1e-4)

    def next(self) -> tuple[np.ndarray, np.ndarray, float] | None:
        """The next prices to try and how much better than the best so far the cuts promise (None if
        the linear programme fails)."""
        solver = pywraplp.Solver.CreateSolver("GLOP")
        sites = range(self.limits.shape[0])
        priced = np.isfinite(self.limits)
        limits = np.where(priced, self.limits, 0)
        desk_at, busy_at = self.center

        def box(center: float, top: float) -> pywraplp.Variable:
            return solver.NumVar(max(0.0, center - self.box), min(top, center + self.box), "")

        desk = [[box(desk_at[s, d], INF if priced[s, d] else 0.0) for d in WEEK] for s in sites]
        busy = [[box(busy_at[s, d], self.balance) for d in WEEK] for s in sites]
        theta = solver.NumVar(-solver.infinity(), solver.infinity(), "")
        for s in sites:
            solver.Add(sum(busy[s]) <= self.balance)
        for value, loads, prices in self.cuts:
            slope = sum(float(loads[s, d]) * (desk[s][d] + busy[s][d]) for s in sites for d in WEEK)
            solver.Add(theta <= value - float((loads * prices).sum()) + slope)
        solver.Maximize(theta - sum(float(limits[s, d]) * desk[s][d] for s in sites for d in WEEK))
        if solver.Solve() != pywraplp.Solver.OPTIMAL:
            return None
        desk_values = np.maximum([[var.solution_value() for var in row] for row in desk], 0)
        busy_values = np.maximum([[var.solution_value() for var in row] for row in busy], 0)
        # What the bound rests on, whatever the solver's tolerances: μ ≥ 0, Σμ ≤ b.
        total = busy_values.sum(axis=1, keepdims=True)
        busy_values *= np.minimum(1, self.balance / np.maximum(total, 1e-12))
        return desk_values, busy_values, solver.Objective().Value() - self.value


def solve_decomposed(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    report: Callable[[float, float], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Solution | None:
    """The best repaired plan found in the time, with the bound; None when no team plan or no
    repaired plan was found (the whole model then plans, or explains why nothing fits)."""
    started = time.monotonic()
    teams = Teams(problem)
    weights = problem.weights
    limits = np.array(
        [
            [INF if site.capacity is None else site.capacity - site.taken[day] for day in WEEK]
            for site in problem.sites
        ]
    ).reshape(len(problem.sites), 5)
    zero = np.zeros(limits.shape)
    # The least level of unwanted days for the most burdened person that every team can keep.
    levels = range(int(teams.unwanted.max(initial=0)) + 1)
    least = next((level for level in levels if _feasible(teams, level, zero)), None)
    if least is None:
        return None
    worst, best, bound = least, None, -INF
    prices, point, promised, tries = Prices(limits, weights.balance), None, INF, 0
    while True:
        desk, busy = point[:2] if point else prices.center
        value, slot, chosen = teams.best(desk + busy)
        loads = np.zeros((len(limits) + 1, 5))
        np.add.at(loads, teams.site, BITS[chosen])
        dual = prices.dual(float(value.sum()), loads[:-1], desk, busy)
        bound = max(bound, dual + weights.fairness * least)
        if dual > prices.value or best is None:
            plan = Repair(teams, limits, weights.balance, slot, chosen)
            tries += 1
            if plan.fit():
                # The same prices with the busier days a little dearer: teams on a tie move off them.
                spread = plan.load[:-1] - plan.load[:-1].mean(axis=1, keepdims=True)
                _value, other_slot, other = teams.best(
                    desk + busy + 1e-3 * spread / max(1.0, np.abs(spread).max())
                )
                plan.blend(other_slot, other)
                plan.flatten(weights.fairness)
                plan.improve(np.arange(len(chosen)), plan.limits)
                if best is None or plan.objective(weights.fairness) < best.objective(weights.fairness):
                    best = plan
        prices.step(desk, busy, dual, promised)
        if best is None and tries >= 5 and worst < levels[-1]:
            # No plan fits with everyone at this level: allow one more unwanted day and start again.
            worst += 1
            teams.restrict(worst)
            prices, point, promised, tries, bound = Prices(limits, weights.balance), None, INF, 0, -INF
            continue
        proven = math.ceil(bound - 1e-6)
        if report and best is not None:
            report(best.objective(weights.fairness), proven)
        timeout = time.monotonic() - started > time_limit or (stop and stop())
        if timeout or (best is not None and best.objective(weights.fairness) <= proven):
            break
        point = prices.next()
        if point is None or point[2] < 1e-6:
            break
        promised = point[2]
    if best is None:
        return None
    if worst < levels[-1]:  # a plan with someone above the level: at least f more, unrestricted
        center = prices.center
        teams.restrict(None)
        value, _slot, chosen = teams.best(center[0] + center[1])
        loads = np.zeros((len(limits) + 1, 5))
        np.add.at(loads, teams.site, BITS[chosen])
        above = prices.dual(float(value.sum()), loads[:-1], *center) + weights.fairness * (worst + 1)
        bound = min(bound, above)
    return _solution(problem, best, math.ceil(bound - 1e-6), time.monotonic() - started)


def _feasible(teams: Teams, level: int, zero: np.ndarray) -> bool:
    teams.restrict(level)
    return bool(np.isfinite(teams.best(zero)[0]).all())


def _solution(problem: Problem, plan: Repair, bound: float, seconds: float) -> Solution:
    teams = plan.teams
    office = {
        person.id: tuple(day for day in WEEK if plan.mask[index] >> day & 1)
        for index, person in enumerate(teams.people)
    }
    chosen = {
        unit.id: int(plan.slot[number])
        for number, (unit, _team) in enumerate(teams.groups)
        if unit is not None and unit.choose_office_day
    }
    given = {unit.id: unit.office_days for unit in problem.units}
    half_days = {}
    for person in problem.people:
        team_days = (
            *given.get(person.unit_id, ()),
            *((chosen[person.unit_id],) if person.unit_id in chosen else ()),
        )
        if half := half_day(person, office[person.id], team_days):
            half_days[person.id] = half
    people = np.arange(len(plan.mask))
    parts = {
        "preferences": sum(
            len(set(office[p.id]) & set(p.unwanted_office)) - len(set(office[p.id]) & set(p.preferred_office))
            for p in teams.people
        ),
        "colocation": int(
            sum((plan.count[number] > 0).sum() for number, (unit, _t) in enumerate(teams.groups) if unit)
        ),
        "fairness": int(teams.unwanted[people, plan.mask].max(initial=0)),
        "stability": sum(len(set(office[p.id]) ^ set(p.current_office)) for p in teams.people),
        "balance": int(plan.load[:-1].max(axis=1).sum()),
    }
    objective = float(sum(getattr(problem.weights, name) * value for name, value in parts.items()))
    return Solution(
        "optimal" if objective <= bound else "feasible",
        office=office,
        half_days=half_days,
        chosen_office_days=chosen,
        objective=objective,
        bound=float(bound),
        seconds=seconds,
        parts=parts,
    )
