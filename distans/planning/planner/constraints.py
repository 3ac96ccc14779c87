"""The hard rules the model, the explanation, the blocks and the checker share, and half days."""

import functools

from ortools.sat.python import cp_model

from distans.planning.planner.problem import WEEK, Person, Site, Unit, grouped_by


def halves(person: Person) -> int:
    """The remote days allowed a week, counted in half days (2.5 days: 5)."""
    return round(2 * person.remote_days)


def has_half_day(person: Person) -> bool:
    return halves(person) % 2 == 1


def desk_limit(site: Site, people: list[Person], day: int, units: tuple[Unit, ...] = ()) -> int:
    """How many of the problem's people may be at the site on a day: the desks that people outside the
    problem leave free; where those hold more than their share, as many as are there today, or as the
    teams' own rules need (the team day, the minimum at the office). A team's plan cannot free desks
    others hold, so it never makes a full office fuller than it must. On a day the blocks of a large
    site settled as one that must end within its desks (`Site.within`), the free desks alone."""
    assert site.capacity is not None, "only a site with a desk count has a limit"
    if day in site.within:
        return site.capacity - site.taken[day]
    today = sum(1 for person in people if day in person.current_office)
    needed = 0
    members = grouped_by(people, "unit_id")
    for unit in units:
        team = members[unit.id]
        on_team_day = sum(
            1 for person in team if day in unit.office_days and expected_on_team_day(person, day)
        )
        minimum = max((least for weekday, least in unit.coverage if weekday == day), default=0)
        needed += max(on_team_day, min(minimum, len(team)))
    return max(site.capacity - site.taken[day], today, needed)


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
def _patterns(
    unavailable: tuple[int, ...],
    halves: int,
    exact: bool,
    fixed_remote: tuple[int, ...],
    taken_remote: tuple[int, ...],
    must: tuple[int, ...],
) -> list[tuple[int, ...]]:
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


def joins_team_days(person: Person) -> bool:
    """Someone whose agreement is remote every day they work (e.g. from abroad) does not come in."""
    return person.remote_days < 5 - len(person.unavailable)


def expected_on_team_day(person: Person, day: int) -> bool:
    """At the office on the team's day, unless away then, remote every day, or already booked to work
    elsewhere that day (a change the planner does not undo; the team week shows it as a problem)."""
    return day not in person.unavailable and day not in person.taken_remote and joins_team_days(person)


def team_day_choice(model: cp_model.CpModel, unit: Unit, team: list[Person]) -> dict[int, cp_model.IntVar]:
    """One Boolean per weekday, exactly one true: the team day, a day most of the team is there."""
    picks = {day: model.new_bool_var(f"team_{unit.id}_{day}") for day in WEEK}
    model.add_exactly_one(picks.values())
    for day, picked in picks.items():
        if 2 * sum(day not in person.unavailable for person in team) < len(team):
            model.add(picked == 0)
    return picks
