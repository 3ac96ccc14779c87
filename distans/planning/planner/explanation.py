"""Why no plan fits: the hard rules behind assumption literals, and the smallest set that conflicts."""

import time

from ortools.sat.python import cp_model

from distans.planning.planner.constraints import (
    desk_limit,
    expected_on_team_day,
    halves,
    has_half_day,
    team_day_choice,
)
from distans.planning.planner.problem import WEEK, Conflict, Problem, Solution, grouped_by


def explain(problem: Problem, started: float) -> Solution:
    """No plan fits: the same hard rules at day level, each behind an assumption literal, so the
    solver's conflict set (made minimal) names the rules that cannot all hold."""
    model = cp_model.CpModel()
    x = {
        (person.id, day): model.new_bool_var(f"x_{person.id}_{day}")
        for person in problem.people
        for day in WEEK
    }
    assumptions: list[tuple[cp_model.IntVar, Conflict]] = []

    def rule(conflict: Conflict) -> cp_model.IntVar:
        literal = model.new_bool_var(f"rule_{len(assumptions)}")
        assumptions.append((literal, conflict))
        return literal

    for person in problem.people:
        for day in person.unavailable:
            model.add(x[person.id, day] == 0)
        available = [day for day in WEEK if day not in person.unavailable]
        # In half days, as in `constraints.patterns`: the half day (at most one) is one of the office days.
        half = {
            day: model.new_bool_var(f"half_{person.id}_{day}") for day in available if has_half_day(person)
        }
        for day, var in half.items():
            model.add(var <= x[person.id, day])
        model.add(sum(half.values()) <= 1)
        remote = 2 * (len(available) - sum(x[person.id, day] for day in available)) + sum(half.values())
        wanted = min(halves(person), 2 * len(available))
        literal = rule(Conflict("remote_days", (("person", person.name), ("days", person.remote_days))))
        if person.exact:
            model.add(remote == wanted).only_enforce_if(literal)
        else:
            model.add(remote <= halves(person)).only_enforce_if(literal)
        fixed = [day for day in person.fixed_remote if day in available]
        taken = [day for day in person.taken_remote if day in available]
        if fixed or taken:
            weekdays = tuple(sorted({*fixed, *taken}))
            literal = rule(Conflict("fixed_remote", (("person", person.name), ("weekdays", weekdays))))
            for day in fixed:  # at the office on a fixed remote day only for the half day
                if day in half:
                    model.add(x[person.id, day] <= half[day]).only_enforce_if(literal)
                else:
                    model.add(x[person.id, day] == 0).only_enforce_if(literal)
            for day in taken:
                model.add(x[person.id, day] == 0).only_enforce_if(literal)
        booked = [day for day in person.fixed_office if day in available]
        if booked:
            literal = rule(Conflict("fixed_office", (("person", person.name), ("weekdays", tuple(booked)))))
            for day in booked:
                model.add(x[person.id, day] == 1).only_enforce_if(literal)

    members = grouped_by(problem.people, "unit_id")

    chosen = {}
    for unit in problem.units:
        team = members[unit.id]
        if unit.choose_office_day:
            chosen[unit.id] = team_day_choice(model, unit, team)
            literal = rule(Conflict("office_day", (("unit", unit.name), ("weekday", None))))
            for day, picked in chosen[unit.id].items():
                for person in team:
                    if expected_on_team_day(person, day):
                        model.add_implication(picked, x[person.id, day]).only_enforce_if(literal)
        for day in unit.office_days:
            literal = rule(Conflict("office_day", (("unit", unit.name), ("weekday", day))))
            for person in team:
                if expected_on_team_day(person, day):
                    model.add(x[person.id, day] == 1).only_enforce_if(literal)
        for day, minimum in unit.coverage:
            literal = rule(Conflict("coverage", (("unit", unit.name), ("weekday", day), ("needed", minimum))))
            model.add(sum(x[person.id, day] for person in team) >= minimum).only_enforce_if(literal)

    at_site = grouped_by(problem.people, "site_id")
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
                model.add(loads[day] <= limit).only_enforce_if(literal)
                free = max(site.capacity - site.taken[day], 0)
                arrivals = [x[p.id, day] for p in at_site[site.id] if day not in p.current_office]
                if limit > free and arrivals:
                    within = model.new_bool_var(f"within_{site.id}_{day}")
                    model.add(loads[day] <= free).only_enforce_if([literal, within])
                    model.add(sum(arrivals) == 0).only_enforce_if([literal, within.negated()])

    model.add_assumptions([literal for literal, _conflict in assumptions])
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 30
    solver.parameters.num_workers = 2
    if solver.solve(model) != cp_model.INFEASIBLE:
        return Solution("stopped", seconds=time.monotonic() - started)
    core = _smallest_core(model, set(solver.sufficient_assumptions_for_infeasibility()))
    return Solution(
        "infeasible",
        seconds=time.monotonic() - started,
        conflicts=tuple(conflict for literal, conflict in assumptions if literal.Index() in core),
    )


def _smallest_core(model: cp_model.CpModel, core: set[int], limit: int = 40, seconds: float = 20) -> set[int]:
    """Drop each rule from the solver's conflict set while the others still conflict, so only rules
    that matter are named. A rule left out of the assumptions is free, so it is in effect off. Stops
    after `limit` tries or `seconds`, naming what is left."""
    trial_model = model.clone()
    trial_model.clear_objective()  # type: ignore[no-untyped-call]  # ortools leaves it unannotated
    deadline = time.monotonic() + seconds
    for index in sorted(core)[:limit]:
        if time.monotonic() > deadline:
            break
        trial = core - {index}
        trial_model.clear_assumptions()
        trial_model.add_assumptions(
            [trial_model.get_bool_var_from_proto_index(index) for index in sorted(trial)]
        )
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = 2
        solver.parameters.num_workers = 2
        if solver.solve(trial_model) == cp_model.INFEASIBLE:
            core = trial
    return core
