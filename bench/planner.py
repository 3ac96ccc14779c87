"""Benchmark: the planner against a greedy baseline on seeded, realistic instances at one site.

    .venv/bin/python bench/planner.py [SIZES…] [--choose] [--whole | --blocks] [--time-limit S]
    .venv/bin/python bench/planner.py --across-sites TOTAL SITES [--time-limit S]

For each size (default 50 500 2000 5000 20000) it generates an instance: teams of 4–15, agreements
of 0–5 remote days (some with fixed weekdays), preferred and unwanted days, coverage minimums in some
teams, some leave, desks at 50–70 % of headcount; team office days given by the managers, or chosen
by the planner (--choose). It runs a greedy baseline (team days first, then preferences, then the
emptiest days) and the planner, checks both plans with the independent checker, and prints
feasibility, objective, preferences met, team-days used, the most unwanted days for one person,
time to the first solution, time to within 1 % of the bound, and the final gap.

The planner chooses its method by size (`planner.blocks.solve`); `--whole` plans with the whole model
at any size, `--blocks` as before the decomposition (the whole model, blocks above 3,000 people).
"""

import math
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from distans.planning.planner.blocks import solve  # noqa: E402
from distans.planning.planner.checker import score, violations  # noqa: E402
from distans.planning.planner.constraints import patterns  # noqa: E402
from distans.planning.planner.problem import WEEK, Person, Problem, Site, Solution, Unit, Weights  # noqa: E402

REMOTE_DAYS = [0] * 5 + [1] * 10 + [2] * 30 + [3] * 30 + [4] * 15 + [5] * 10


def can_also_come(person: Person, day: int, team_day: int) -> bool:
    """Whether the person can be at the office on `day` as well as on the team day."""
    if day in person.fixed_remote or day in person.unavailable or person.remote_days >= 5:
        return False
    office_days = 5 - len(person.unavailable) - person.remote_days
    return day == team_day or not person.exact or office_days >= 2


def instance(size: int, seed: int, choose: bool) -> Problem:
    """A consistent instance: every team has a day all its office-going members can attend (given to
    the planner, or hidden when it chooses), and coverage asks no more than the members who can come."""
    rng = random.Random(seed)
    people: list[Person] = []
    units: list[Unit] = []
    number = 0
    while number < size:
        unit_id = len(units) + 1
        team_size = min(rng.randint(4, 15), size - number)
        team_day = rng.randrange(5)
        team = []
        for _member in range(team_size):
            remote = rng.choice(REMOTE_DAYS)
            free = [day for day in WEEK if day != team_day]
            fixed = (
                tuple(sorted(rng.sample(free, min(remote, 2)))) if rng.random() < 0.3 and remote < 5 else ()
            )
            away = tuple(sorted(rng.sample(free, rng.randint(1, 2)))) if rng.random() < 0.05 else ()
            preferred = tuple(sorted(rng.sample(range(5), rng.randint(1, 2)))) if rng.random() < 0.4 else ()
            unwanted = (
                tuple(day for day in (rng.randrange(5),) if day not in preferred)
                if rng.random() < 0.3
                else ()
            )
            current = tuple(sorted(rng.sample(range(5), max(0, 5 - remote))))
            team.append(
                Person(
                    number,
                    f"P{number}",
                    unit_id,
                    1,
                    remote,
                    exact=bool(fixed) or rng.random() < 0.5,
                    fixed_remote=fixed,
                    unavailable=away,
                    preferred_office=preferred,
                    unwanted_office=unwanted,
                    current_office=current,
                )
            )
            number += 1
        coverage: tuple[tuple[int, int], ...] = ()
        if rng.random() < 0.3:
            days = sorted(rng.sample(range(5), 2))
            coverage = tuple(
                (
                    day,
                    min(
                        math.ceil(team_size * 0.3),
                        sum(1 for person in team if can_also_come(person, day, team_day)) // 2,
                    ),
                )
                for day in days
            )
        units.append(Unit(unit_id, f"Team {unit_id}", () if choose else (team_day,), choose, coverage))
        people += team
    office_days = sum(5 - min(person.remote_days, 5) for person in people)
    # Desks for the busiest team day too: everyone who comes in on their team's day must fit.
    given_day = {unit.id: (unit.office_days or (None,))[0] for unit in units}
    busiest = max(
        sum(1 for person in people if given_day[person.unit_id] == day and person.remote_days < 5)
        for day in WEEK
    )
    desks = max(
        int(size * rng.uniform(0.5, 0.7)), math.ceil(1.3 * office_days / 5), math.ceil(1.15 * busiest)
    )
    return Problem(tuple(people), tuple(units), (Site(1, "Office", desks),), Weights())


def greedy(problem: Problem) -> tuple[dict[int, tuple[int, ...]], dict[int, int]]:
    """What a careful person would do, team by team: set the team day (the emptiest day most of the
    team can attend, when the planner would choose it), give each member the allowed office days they
    like best that still fit the desks, then move members onto days their team's coverage lacks."""
    capacity = problem.sites[0].capacity
    assert capacity is not None, "the bench's office has a desk count"
    load = [0] * 5
    office: dict[int, tuple[int, ...]] = {}
    chosen = {}
    by_unit: dict[int, list[Person]] = {}
    for person in problem.people:
        by_unit.setdefault(person.unit_id, []).append(person)
    for unit in problem.units:
        team = by_unit.get(unit.id, [])
        team_days = unit.office_days
        if unit.choose_office_day:
            possible = [
                day
                for day in WEEK
                if 2 * sum(day not in p.unavailable for p in team) >= len(team)
                and all(patterns(p, (day,)) for p in team)
            ]
            day = min(possible or list(WEEK), key=lambda day: (load[day], day))
            chosen[unit.id] = day
            team_days = (day,)
        for person in team:
            options = patterns(person, team_days)
            if not options:
                options = patterns(person)  # the team day cannot be kept: keep the person's own rules

            def own(days, person=person):
                liked = len(set(days) & set(person.preferred_office)) - len(
                    set(days) & set(person.unwanted_office)
                )
                return (
                    any(load[day] >= capacity for day in days),
                    -liked,
                    max((load[day] for day in days), default=0),
                )

            office[person.id] = min(options, key=own)
            for day in office[person.id]:
                load[day] += 1
        for day, minimum in unit.coverage:
            for person in team:
                if sum(day in office[p.id] for p in team) >= minimum:
                    break
                if day in office[person.id]:
                    continue
                # keep the other coverage days this person is needed on
                needed = {
                    covered
                    for covered, least in unit.coverage
                    if covered in office[person.id] and sum(covered in office[p.id] for p in team) <= least
                }
                keep = {day, *needed}
                moves = [days for days in patterns(person, team_days) if keep <= set(days)]
                if moves:
                    for old in office[person.id]:
                        load[old] -= 1
                    office[person.id] = min(moves, key=lambda days: max(load[d] for d in days))
                    for new in office[person.id]:
                        load[new] += 1
    # Last, free the desks on a day that is over capacity: move whoever can go to a day with room.
    units = {unit.id: unit for unit in problem.units}
    for day in WEEK:
        for person in problem.people:
            if load[day] <= capacity:
                break
            if day not in office[person.id]:
                continue
            unit = units[person.unit_id]
            team_days = (chosen[unit.id],) if unit.id in chosen else unit.office_days
            covered = {covered for covered, _n in unit.coverage}
            moves = [
                days
                for days in patterns(person, team_days)
                if day not in days
                and covered & set(office[person.id]) <= set(days)
                and all(load[other] < capacity for other in set(days) - set(office[person.id]))
            ]
            if moves:
                for old in office[person.id]:
                    load[old] -= 1
                office[person.id] = moves[0]
                for new in office[person.id]:
                    load[new] += 1
    return office, chosen


def measures(problem, office, chosen) -> dict:
    solution = Solution("greedy", office=office, chosen_office_days=chosen)
    wanted = sum(len(person.preferred_office) for person in problem.people)
    met = sum(len(set(person.preferred_office) & set(office[person.id])) for person in problem.people)
    parts = score(problem, office)
    return {
        "feasible": not violations(problem, solution),
        "objective": sum(getattr(problem.weights, name) * value for name, value in parts.items()),
        "preferences": f"{100 * met / wanted:.0f} %" if wanted else "–",
        "team_days": parts["colocation"],
        "worst_unwanted": parts["fairness"],
    }


def _plan_site(args: tuple[int, int, float]) -> dict:
    """One site of an organisation, in its own process: greedy and planner, both checked."""
    size, seed, limit = args
    problem = instance(size, seed=seed, choose=False)
    office, chosen = greedy(problem)
    solution = solve(problem, time_limit=limit)
    ok = solution.status in ("optimal", "feasible")
    return {
        "greedy": measures(problem, office, chosen),
        "planner": measures(problem, solution.office, solution.chosen_office_days) if ok else None,
    }


def across_sites(total: int, sites: int, limit: float) -> None:
    """An organisation of `total` people at `sites` offices, each site planned on its own, in parallel
    on every core."""
    from multiprocessing import Pool

    started = time.monotonic()
    with Pool(os.cpu_count()) as pool:
        results = pool.map(_plan_site, [(total // sites, 1000 + number, limit) for number in range(sites)])
    seconds = time.monotonic() - started
    planned = [result["planner"] for result in results]
    print(
        f"{total} people at {sites} sites, {os.cpu_count()} processes, {limit:g} s per site: {seconds:.0f} s"
    )
    print(
        f"  greedy: feasible at {sum(r['greedy']['feasible'] for r in results)} of {sites} sites, "
        f"objective {sum(r['greedy']['objective'] for r in results)}"
    )
    if all(planned):
        print(
            f"  planner: feasible at {sum(p['feasible'] for p in planned)} of {sites} sites, "
            f"objective {sum(p['objective'] for p in planned)}"
        )
    else:
        print(f"  planner: no plan at {sum(p is None for p in planned)} sites")


def main():
    argv = sys.argv[1:]
    if "--across-sites" in argv:
        position = argv.index("--across-sites")
        total, sites = int(argv[position + 1]), int(argv[position + 2])
        limit = float(argv[argv.index("--time-limit") + 1]) if "--time-limit" in argv else 10.0
        across_sites(total, sites, limit)
        return
    limit = 10.0
    if "--time-limit" in argv:
        position = argv.index("--time-limit")
        limit = float(argv[position + 1])
        del argv[position : position + 2]
    choose = "--choose" in argv
    whole = {"whole_model_limit": 10**9, "decompose_from": 10**9} if "--whole" in argv else {}
    if "--blocks" in argv:  # the planner without the decomposition
        whole = {"decompose_from": 10**9}
    args = [arg for arg in argv if not arg.startswith("--")]
    sizes = [int(arg) for arg in args if arg.isdigit()] or [50, 500, 2000, 5000, 20000]
    print(f"team days {'chosen by the planner' if choose else 'given'}, time limit {limit:g} s")
    for size in sizes:
        problem = instance(size, seed=size, choose=choose)
        started = time.monotonic()
        office, chosen = greedy(problem)
        greedy_seconds = time.monotonic() - started
        baseline = measures(problem, office, chosen)
        clock = Clock()
        solution = solve(problem, time_limit=limit, report=clock.report, **whole)
        if solution.status in ("optimal", "feasible"):
            if clock.within is None and solution.gap is not None and solution.gap <= 0.01:
                clock.within = solution.seconds
            planned = measures(problem, solution.office, solution.chosen_office_days)
            gap = (
                f"{100 * solution.gap:.2f} % (bound {solution.bound:g})"
                if solution.gap is not None
                else "– (planned in blocks, no bound)"
            )
            if solution.bound is None:
                clock.within = None  # the callbacks came from single blocks: no claim for the site
        else:
            planned, gap = (
                dict.fromkeys(("feasible", "objective", "preferences", "team_days", "worst_unwanted"), "–"),
                "–",
            )
        print(f"{size:>6} people | greedy: {line(baseline)}, {greedy_seconds:.2f} s")
        print(
            f"{'':>6}        | planner ({solution.status}): {line(planned)}, first solution "
            f"{clock.seconds(clock.first)}, within 1 % {clock.seconds(clock.within)}, gap {gap}, "
            f"total {solution.seconds:.1f} s"
        )


class Clock:
    """Times to the first solution and to within 1 % of the bound, from the solver's callback."""

    def __init__(self):
        self.began, self.first, self.within = time.monotonic(), None, None

    def report(self, objective: float, bound: float) -> None:
        now = time.monotonic() - self.began
        self.first = self.first if self.first is not None else now
        if self.within is None and abs(objective - bound) <= 0.01 * max(1.0, abs(objective)):
            self.within = now

    @staticmethod
    def seconds(value: float | None) -> str:
        return "–" if value is None else f"{value:.1f} s"


def line(result: dict) -> str:
    return (
        f"feasible {result['feasible']}, objective {result['objective']}, "
        f"preferences {result['preferences']}, team-days {result['team_days']}, "
        f"worst unwanted {result['worst_unwanted']}"
    )


if __name__ == "__main__":
    main()
