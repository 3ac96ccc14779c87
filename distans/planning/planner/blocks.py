"""The entry point `solve`: the whole model for a small site; a larger one by Lagrangian decomposition
(teams planned apart, with a proven bound), or where that does not apply, blocks of whole teams."""

import time
from collections.abc import Callable

from distans.planning.planner.constraints import desk_limit, patterns
from distans.planning.planner.decomposition import applies, solve_decomposed
from distans.planning.planner.model import solve_whole
from distans.planning.planner.problem import WEEK, Person, Problem, Site, Solution, Unit, grouped_by

# Measured with bench/planner.py on 2 cores: above about 3,000 people the whole model takes longer than
# a manager waits for a first plan, so a large site is planned in blocks of whole teams.
WHOLE_MODEL_LIMIT = 3000
BLOCK = 1500
MIN_BLOCK_SECONDS = 2.5  # what a block of that size needs for a first plan on 2 cores (bench/planner.py)
# Measured with bench/planner.py: from these sizes the decomposition proves a plan optimal (or within
# a fraction of a percent) sooner than the whole model; below, the whole model proves optimality in a
# second or two where the decomposition may stop a point or two above its bound. With team days
# chosen the whole model's bound is weak (11 % at 500 people after 30 s, the decomposition optimal in 1 s).
DECOMPOSE_FROM = 1000
DECOMPOSE_CHOSEN_FROM = 200


def solve(
    problem: Problem,
    *,
    time_limit: float = 10.0,
    report: Callable[[float, float], None] | None = None,
    stop: Callable[[], bool] | None = None,
    whole_model_limit: int = WHOLE_MODEL_LIMIT,
    block: int = BLOCK,
    decompose_from: int | None = None,
) -> Solution:
    """The best plan found in the time. A large site is planned by decomposition; where that does not
    apply or finds no plan, by the whole model, or above its limit in blocks of whole teams (and by the
    whole model after all when the blocks find none)."""
    started = time.monotonic()
    deadline = started + time_limit
    if decompose_from is None:
        choosing = any(unit.choose_office_day for unit in problem.units)
        decompose_from = DECOMPOSE_CHOSEN_FROM if choosing else DECOMPOSE_FROM
    if len(problem.people) >= decompose_from and applies(problem):
        solution = solve_decomposed(problem, time_limit=time_limit, report=report, stop=stop)
        if solution is not None:
            solution.seconds = time.monotonic() - started
            return solution
    if len(problem.people) > whole_model_limit:
        solution = _solve_in_blocks(
            problem, time_limit=_left(deadline), report=report, stop=stop, block=block
        )
        if solution.status in ("optimal", "feasible"):
            solution.seconds = time.monotonic() - started
            return solution
        if stop and stop():  # stopped while planning in blocks: no plan, and nothing to explain
            return Solution("stopped", seconds=time.monotonic() - started)
        # Blocks share the desks out in turn and can miss a plan the site as a whole has (or a block
        # may run out of time): the whole model decides in the time left, at least a block's, and
        # names the conflict for the whole site if there is one.
    solution = solve_whole(problem, time_limit=_left(deadline), report=report, stop=stop)
    solution.seconds = time.monotonic() - started
    return solution


def _left(deadline: float) -> float:
    """The seconds left until the deadline, and never less than a block needs for a first plan."""
    return max(MIN_BLOCK_SECONDS, deadline - time.monotonic())


def _blocks(problem: Problem, block: int) -> list[Problem]:
    """Whole teams, in order, grouped into blocks of at most about `block` people."""
    members = grouped_by(problem.people, "unit_id")
    blocks: list[tuple[list[Unit], list[Person]]] = []
    units: list[Unit] = []
    people: list[Person] = []
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


def _solve_in_blocks(
    problem: Problem,
    *,
    time_limit: float,
    report: Callable[[float, float], None] | None,
    stop: Callable[[], bool] | None,
    block: int,
) -> Solution:
    """Each block in turn, with the desks the blocks before it left and the site's full days settled
    for all of them (`_full_days`); the parts are summed (the fairness part is the worst block's, the
    balance part the peaks of the merged plan). Blocks are not jointly optimal, so no bound, and no
    gap, is claimed for the whole site."""
    started = time.monotonic()
    blocks = _blocks(problem, block)
    taken = {site.id: list(site.taken) for site in problem.sites}
    # Desks the later blocks cannot do without (team days, booked days, coverage) are held back.
    held = [_needed_desks(part) for part in blocks]
    within, closed = _full_days(problem)
    merged = Solution(
        "feasible", parts=dict.fromkeys(("preferences", "colocation", "fairness", "stability"), 0)
    )
    for index, piece in enumerate(blocks):
        later = held[index + 1 :]
        sites = tuple(
            Site(
                site.id,
                site.name,
                site.capacity,
                tuple(taken[site.id][day] + sum(need[site.id][day] for need in later) for day in WEEK),
                within[site.id],
                closed[site.id],
            )
            for site in problem.sites
        )
        left = time_limit - (time.monotonic() - started)
        seconds = max(MIN_BLOCK_SECONDS, left / (len(blocks) - index))
        for _attempt in range(3):  # a block that found no plan in its time gets twice the time, twice
            part = solve_whole(
                Problem(piece.people, piece.units, sites, problem.weights),
                time_limit=seconds,
                report=report,
                stop=stop,
                explained=False,  # the whole site is explained, should it come to that
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
        for person in piece.people:
            if person.site_id in taken:
                for day in part.office[person.id]:
                    taken[person.site_id][day] += 1
    at_site = grouped_by(problem.people, "site_id")
    merged.parts["balance"] = sum(
        max(sum(day in merged.office[person.id] for person in at_site[site.id]) for day in WEEK)
        for site in problem.sites
    )
    merged.objective = float(
        sum(getattr(problem.weights, name) * value for name, value in merged.parts.items())
    )
    merged.seconds = time.monotonic() - started
    return merged


def _full_days(problem: Problem) -> tuple[dict[int, tuple[int, ...]], dict[int, tuple[int, ...]]]:
    """Per site, the days every block must keep within the free desks and the days nobody new comes in.

    A block cannot see whether the site's day ends over its desks, so the rule "nobody new on a day
    that stays over" is settled before the blocks: a day with room for today's people is kept within
    the desks; a day over them gets nobody new (each block still sheds what it can), unless a team day
    or a minimum brings someone new, when the whole site must get within its desks that day."""
    within: dict[int, tuple[int, ...]] = {}
    closed: dict[int, tuple[int, ...]] = {}
    at_site = grouped_by(problem.people, "site_id")
    for site in problem.sites:
        within[site.id] = closed[site.id] = ()
        if site.capacity is None:
            continue
        for day in WEEK:
            room = desk_limit(site, at_site[site.id], day, problem.units) == site.capacity - site.taken[day]
            if room or _brings_someone_new(problem, at_site[site.id], day):
                within[site.id] += (day,)
            else:
                closed[site.id] += (day,)
    return within, closed


def _brings_someone_new(problem: Problem, people: list[Person], day: int) -> bool:
    """Whether the people's own rules or their team's (team day, minimum at the office) put someone at
    the office on the day who is not there today. A team that chooses its day picks one the settled
    days allow."""
    units = {unit.id: unit for unit in problem.units}
    for unit_id, team in grouped_by(people, "unit_id").items():
        unit = units.get(unit_id, Unit(unit_id, ""))
        options = {person.id: patterns(person, unit.office_days) for person in team}
        # Those there today who may still come that day (not away, not changed to remote work).
        there = sum(
            day in person.current_office and any(day in days for days in options[person.id])
            for person in team
        )
        if any(minimum > there for weekday, minimum in unit.coverage if weekday == day):
            return True
        for person in team:
            sets = options[person.id]
            if day not in person.current_office and sets and all(day in days for days in sets):
                return True
    return False


def _needed_desks(problem: Problem) -> dict[int, list[int]]:
    """Per site and day, the desks this block needs whatever the plan: people every allowed set puts
    at the office that day, and what a team's coverage asks beyond them."""
    units = {unit.id: unit for unit in problem.units}
    needed = {site.id: [0] * 5 for site in problem.sites}
    for unit_id, team in grouped_by(problem.people, "unit_id").items():
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
        if unit is None or site_id is None:
            continue
        for day, minimum in unit.coverage:
            needed[site_id][day] += max(0, minimum - fixed[day])
    return needed
