"""An independent check of a plan: every hard rule recomputed from the problem alone, without the model."""

from distans.planning.planner.constraints import desk_limit, expected_on_team_day, joins_team_days
from distans.planning.planner.problem import WEEK, Conflict, Problem, Solution, grouped_by


def violations(problem: Problem, solution: Solution) -> list[str]:
    found = []
    office = solution.office
    for person in problem.people:
        days = set(office.get(person.id, ()))
        half = set(solution.half_days.get(person.id, ()))
        available = [day for day in WEEK if day not in person.unavailable]
        if days & set(person.unavailable):
            found.append(f"{person.name} is at the office on a day away")
        # Remote work in half days: whole days away from the office, and the half day, an office day.
        allowed = round(2 * person.remote_days)
        if not half <= days or len(half) > 1:
            found.append(f"{person.name} has half days {sorted(half)} that are not one of the office days")
        if half and allowed % 2 == 0:
            found.append(f"{person.name} has a half day the agreement does not give")
        if not half and days and allowed % 2 == 1:
            found.append(f"{person.name} has no half day planned though the agreement gives one")
        remote = 2 * (len(available) - len(days & set(available))) + len(half & days)
        wanted = min(allowed, 2 * len(available))
        if (person.exact and remote != wanted) or (not person.exact and remote > allowed):
            found.append(f"{person.name} has {remote / 2} remote days, not {wanted / 2}")
        if (days - half) & set(person.fixed_remote):
            found.append(f"{person.name} is at the office on a fixed remote day, not as the half day")
        if days & set(person.taken_remote):
            found.append(f"{person.name} is at the office on a day changed to remote work")
        if set(day for day in person.fixed_office if day in available) - days:
            found.append(f"{person.name} is not at the office on a booked day")
    teams = grouped_by(problem.people, "unit_id")
    for unit in problem.units:
        team = teams[unit.id]
        joining = [person for person in team if person.remote_days < 5 - len(person.unavailable)]
        team_days = list(unit.office_days)
        chosen = solution.chosen_office_days.get(unit.id)
        if unit.choose_office_day and chosen is None:
            found.append(f"{unit.name} has no team day chosen")
        elif unit.choose_office_day and chosen is not None:
            team_days.append(chosen)
        for day in team_days:
            missing = [
                person.name
                for person in joining
                if expected_on_team_day(person, day) and day not in office.get(person.id, ())
            ]
            if missing:
                found.append(f"{unit.name}: {', '.join(missing)} away from the team day {day}")
        for day, minimum in unit.coverage:
            present = sum(1 for person in team if day in office.get(person.id, ()))
            if present < minimum:
                found.append(f"{unit.name} has {present} at the office on day {day}, needs {minimum}")
    for site in problem.sites:
        if site.capacity is None:
            continue
        for day in WEEK:
            booked = sum(
                1
                for person in problem.people
                if person.site_id == site.id and day in office.get(person.id, ())
            )
            at_site = [person for person in problem.people if person.site_id == site.id]
            if booked > desk_limit(site, at_site, day, problem.units):
                found.append(f"{site.name} is over capacity on day {day}")
            arrived = [p for p in at_site if day in office.get(p.id, ()) and day not in p.current_office]
            if arrived and booked + site.taken[day] > site.capacity:
                found.append(f"{site.name} takes new people on day {day} though it stays over its desks")
    return found


def score(problem: Problem, office: dict[int, tuple[int, ...]]) -> dict[str, int]:
    """The objective's parts for any plan (the planner's or another's), computed independently."""
    days = {person.id: set(office.get(person.id, ())) for person in problem.people}
    preferences = sum(
        len(days[person.id] & set(person.unwanted_office))
        - len(days[person.id] & set(person.preferred_office))
        for person in problem.people
    )
    used = {(person.unit_id, day) for person in problem.people for day in days[person.id]}
    worst = max((len(days[person.id] & set(person.unwanted_office)) for person in problem.people), default=0)
    changes = sum(len(days[person.id] ^ set(person.current_office)) for person in problem.people)
    peaks = sum(
        max(
            (
                sum(1 for person in problem.people if person.site_id == site.id and day in days[person.id])
                for day in WEEK
            ),
            default=0,
        )
        for site in problem.sites
    )
    return {
        "preferences": preferences,
        "colocation": len(used),
        "fairness": worst,
        "stability": changes,
        "balance": peaks,
    }


def shortfalls(
    problem: Problem, office: dict[int, tuple[int, ...]], team_days: dict[int, tuple[int, ...]]
) -> list[Conflict]:
    """Where a plan falls short for the group: an office over its desks on a day (`capacity`), members
    away from the office on their team's day (`office_day`), fewer at the office than the unit's minimum
    (`coverage`). `team_days` are each unit's team days to judge by (given or chosen)."""
    found = []
    for site in problem.sites:
        if site.capacity is None:
            continue
        for day in WEEK:
            booked = site.taken[day] + sum(
                1
                for person in problem.people
                if person.site_id == site.id and day in office.get(person.id, ())
            )
            if booked > site.capacity:
                found.append(
                    Conflict(
                        "capacity",
                        (("site", site.name), ("weekday", day), ("booked", booked), ("desks", site.capacity)),
                    )
                )
    teams = grouped_by(problem.people, "unit_id")
    for unit in problem.units:
        team = teams[unit.id]
        for day in sorted(set(team_days.get(unit.id, ()))):
            missing = sum(
                1
                for person in team
                if joins_team_days(person)
                and day not in person.unavailable
                and day not in office.get(person.id, ())
            )
            if missing:
                found.append(
                    Conflict("office_day", (("unit", unit.name), ("weekday", day), ("missing", missing)))
                )
        for day, minimum in unit.coverage:
            present = sum(1 for person in team if day in office.get(person.id, ()))
            if present < minimum:
                found.append(
                    Conflict(
                        "coverage",
                        (("unit", unit.name), ("weekday", day), ("present", present), ("needed", minimum)),
                    )
                )
    return found


def preference_tally(problem: Problem, office: dict[int, tuple[int, ...]]) -> dict[str, int]:
    """Office days people would rather not have, and preferred office days they miss (on days they work)."""
    unwanted = missed = 0
    for person in problem.people:
        days = set(office.get(person.id, ()))
        unwanted += len(days & set(person.unwanted_office))
        missed += len(set(person.preferred_office) - days - set(person.unavailable))
    return {"unwanted": unwanted, "missed": missed}
