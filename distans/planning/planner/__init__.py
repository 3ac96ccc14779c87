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

Modules: `problem` (what goes in and out), `constraints` (the hard rules every part shares), `model`
(the CP-SAT model), `explanation` (why no plan fits), `decomposition` (a large site team by team, by
Lagrangian relaxation of the desks, with a proven bound; `teams` solves the teams' subproblems,
`repair` makes the priced plan fit), `blocks` (`solve`: the method by size, and blocks of whole teams
where the decomposition does not apply) and `checker` (an independent check of a plan).
"""

from typing import Any

from distans.planning.planner.problem import Conflict, Person, Problem, Site, Solution, Unit, Weights

__all__ = ["Conflict", "Person", "Problem", "Site", "Solution", "Unit", "Weights", "solve"]


def __getattr__(name: str) -> Any:
    # `solve` is loaded on first use: OR-Tools (and pandas under it) take seconds to import, which
    # every process that merely shows pages would pay at start-up.
    if name == "solve":
        from distans.planning.planner.blocks import solve

        return solve
    raise AttributeError(name)
