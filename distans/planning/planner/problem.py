"""What the planner is given (people, units, sites, weights) and what it returns (a solution)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

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
    # Set only by the blocks of a large site (`blocks._full_days`), which settle each full day for
    # all blocks at once, for the model (a block that cannot keep them is not explained; the whole
    # site is): weekdays on which only the free desks may be used, however many are there today, and
    # weekdays on which nobody comes in who is not there today.
    within: tuple[int, ...] = ()
    closed: tuple[int, ...] = ()


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
    params: tuple[tuple[str, Any], ...] = ()  # names and values for the message (str, int, float, tuple)


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


def grouped_by(people: Iterable[Person], attribute: str) -> defaultdict[Any, list[Person]]:
    """People by one of their fields (`unit_id`, `site_id`). Here, beside the data, and not with the
    rules, so that building a problem for a page does not load OR-Tools."""
    groups: defaultdict[Any, list[Person]] = defaultdict(list)
    for person in people:
        groups[getattr(person, attribute)].append(person)
    return groups
