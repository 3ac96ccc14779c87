"""An independent check of a planner's answer: every hard rule, recomputed from the problem alone,
without the solver's model. Used by the tests on every returned plan."""

from distans.planning.planner import WEEK, Problem, Solution


def violations(problem: Problem, solution: Solution) -> list[str]:
    found = []
    office = solution.office
    for person in problem.people:
        days = set(office.get(person.id, ()))
        available = [day for day in WEEK if day not in person.unavailable]
        if days & set(person.unavailable):
            found.append(f"{person.name} is at the office on a day away")
        remote = len(available) - len(days & set(available))
        wanted = min(person.remote_days, len(available))
        if (person.exact and remote != wanted) or (not person.exact and remote > wanted):
            found.append(f"{person.name} has {remote} remote days, not {wanted}")
        if days & set(person.fixed_remote):
            found.append(f"{person.name} is at the office on a fixed remote day")
        if set(day for day in person.fixed_office if day in available) - days:
            found.append(f"{person.name} is not at the office on a booked day")
    for unit in problem.units:
        team = [person for person in problem.people if person.unit_id == unit.id]
        joining = [person for person in team if person.remote_days < 5 - len(person.unavailable)]
        team_days = list(unit.office_days)
        if unit.choose_office_day:
            team_days.append(solution.chosen_office_days.get(unit.id))
        for day in team_days:
            missing = [
                person.name
                for person in joining
                if day not in person.unavailable and day not in office.get(person.id, ())
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
            if booked + site.taken[day] > site.capacity:
                found.append(f"{site.name} is over capacity on day {day}")
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
