"""The teams of a site as arrays for the decomposition: each person's cost for every set of office
days (a mask of five bits) under each team day, and each team's exact optimum at given day prices."""

from collections.abc import Iterable
from typing import Any

import numpy as np

from distans.planning.planner.constraints import expected_on_team_day, patterns
from distans.planning.planner.problem import Person, Problem, Unit, grouped_by

MASKS = np.arange(32)  # a set of office days as five bits
BITS = ((MASKS[:, None] >> np.arange(5)[None, :]) & 1).astype(float)  # mask × day
SIZE = BITS.sum(axis=1)
SUBSET = (MASKS[None, :] & ~MASKS[:, None]) == 0  # SUBSET[used, mask]: all the mask's days are used
INF = np.inf


def mask(days: Iterable[int]) -> int:
    return sum(1 << day for day in days)


class Teams:
    """The problem in arrays: people in team order, each with a cost for every set of office days
    under each team day the team may choose (one slot when team days are given)."""

    def __init__(self, problem: Problem) -> None:
        weights = problem.weights
        units = {unit.id: unit for unit in problem.units}
        members = grouped_by(problem.people, "unit_id")
        self.groups: list[tuple[Unit | None, list[Person]]] = [
            (unit, members[unit.id]) for unit in problem.units if members[unit.id]
        ]
        self.groups += [(None, [person]) for person in problem.people if person.unit_id not in units]
        self.people = [person for _unit, team in self.groups for person in team]
        self.slots = 5 if any(unit and unit.choose_office_day for unit, _team in self.groups) else 1
        site_index: dict[int | None, int] = {site.id: index for index, site in enumerate(problem.sites)}
        self.site: np.ndarray = np.array([site_index.get(person.site_id, -1) for person in self.people])
        count = len(self.people)
        self.unrestricted = np.full((count, self.slots, 32), INF)
        self.unwanted = np.zeros((count, 32))
        self.team = np.zeros(count, dtype=int)
        self.members: list[np.ndarray] = []
        self.colocation = np.zeros(len(self.groups))
        self.allowed_slot = np.zeros((len(self.groups), self.slots), dtype=bool)
        self.coverage: list[tuple[tuple[int, int], ...]] = []
        index = 0
        for number, (unit, team) in enumerate(self.groups):
            self.members.append(np.arange(index, index + len(team)))
            choose = bool(unit and unit.choose_office_day)
            self.colocation[number] = weights.colocation if unit else 0
            self.coverage.append(unit.coverage if unit else ())
            for slot in range(self.slots):  # a team day only where most of the team is there
                here = sum(slot not in person.unavailable for person in team)
                self.allowed_slot[number, slot] = 2 * here >= len(team) if choose else slot == 0
            for person in team:
                self.team[index] = number
                for days in patterns(person, unit.office_days if unit else ()):
                    unwanted = len(set(days) & set(person.unwanted_office))
                    self.unwanted[index, mask(days)] = unwanted
                    cost = weights.preferences * (
                        unwanted - len(set(days) & set(person.preferred_office))
                    ) + weights.stability * len(set(days) ^ set(person.current_office))
                    for slot in map(int, np.flatnonzero(self.allowed_slot[number])):
                        if not (choose and slot not in days and expected_on_team_day(person, slot)):
                            self.unrestricted[index, slot, mask(days)] = cost
                index += 1
        self.starts = np.array([members[0] for members in self.members], dtype=int)
        self.base = self.unrestricted

    def restrict(self, worst: int | None) -> None:
        """Only sets with at most `worst` unwanted days (None: any)."""
        self.base = (
            self.unrestricted
            if worst is None
            else np.where(self.unwanted[:, None, :] > worst, INF, self.unrestricted)
        )

    def best(self, prices: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The teams' exact optima with each office-day priced (prices: site × day): each team's value
        and slot, each person's set."""
        day_prices = np.zeros((len(self.people), 5))
        located = self.site >= 0
        day_prices[located] = prices[self.site[located]]
        cost = self.base + (day_prices @ BITS.T)[:, None, :]
        lowest = _within(cost)  # lowest[i, slot, used]: the cheapest set within the used days
        teams = np.add.reduceat(lowest, self.starts, axis=0) + self.colocation[:, None, None] * SIZE
        teams[~self.allowed_slot] = INF
        flat = teams.reshape(len(self.groups), -1)
        choice = flat.argmin(axis=1)
        value = flat[np.arange(len(self.groups)), choice]
        slot, used = np.divmod(choice, 32)
        own = np.where(SUBSET[used[self.team]], cost[np.arange(len(self.people)), slot[self.team]], INF)
        chosen = own.argmin(axis=1)
        # Coverage: the teams whose optimum falls short of a minimum are solved again with it.
        short = [
            number
            for number, rules in enumerate(self.coverage)
            if any(((chosen[self.members[number]] >> day) & 1).sum() < least for day, least in rules)
        ]
        for start in range(0, len(short), 32):
            batch = short[start : start + 32]
            value[batch], slot[batch], plans = self._covered(batch, cost, flat[batch])
            for number, plan in zip(batch, plans, strict=True):
                chosen[self.members[number]] = plan
        return value, slot, chosen

    def _covered(
        self, batch: list[int], cost: np.ndarray, unconstrained: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
        """Teams with coverage, exactly, all at once: a dynamic programme over members whose state is
        how many are at the office on each covered day (counted up to the largest minimum), for every
        slot and set of used days that holds the covered days. A member's options are grouped by which
        covered days they include; the plan is read back from the tables of the best slot and days."""
        count, rows = len(batch), np.arange(len(batch))
        rules = [self.coverage[number] for number in batch]
        sizes = [len(self.members[number]) for number in batch]
        width, longest = max(map(len, rules)), max(sizes)
        need, days = np.zeros((count, width), dtype=int), np.full((count, width), -1)
        for row, (team_rules, size) in enumerate(zip(rules, sizes, strict=True)):
            for column, (day, least) in enumerate(team_rules):
                need[row, column], days[row, column] = min(least, size + 1), day
        cap = int(need.max())
        axes = (cap + 1,) * width
        covered = np.array([mask(day for day, least in team_rules if least) for team_rules in rules])
        holds = (np.tile(MASKS, self.slots)[None, :] & covered[:, None]) == covered[:, None]
        fits = np.isfinite(unconstrained) & holds
        tries = max(1, int(fits.sum(axis=1).max()))
        order = np.argsort(~fits, axis=1, kind="stable")[:, :tries]  # team × try: slot × 32 + used
        open_ = np.take_along_axis(fits, order, axis=1)
        slots, useds = np.divmod(order, 32)
        bit = (MASKS[None, None, :] >> np.maximum(days, 0)[:, :, None]) & 1
        kind = (np.where(days[:, :, None] >= 0, bit, 0) << np.arange(width)[None, :, None]).sum(axis=1)
        members = np.full((count, longest), -1)
        for row, number in enumerate(batch):
            members[row, : sizes[row]] = self.members[number]
        own = np.where((members >= 0)[..., None, None], cost[np.maximum(members, 0)], INF)
        own[members < 0, :, 0] = 0  # a missing member: no office days, no cost
        classes = 1 << width
        grouped = np.empty((classes, count, longest, tries))
        for group in range(classes):
            lowest = _within(np.where((kind == group)[:, None, None, :], own, INF))
            grouped[group] = lowest[
                rows[:, None, None], np.arange(longest)[None, :, None], slots[:, None, :], useds[:, None, :]
            ]

        def run(start: np.ndarray, prices: np.ndarray, keep: bool) -> list[np.ndarray]:
            tables = [start]
            for member in range(longest):
                new = np.full_like(start, INF)
                for group in range(classes):
                    shifted = tables[-1]
                    for column in range(width):
                        if group >> column & 1:
                            shifted = _shift(shifted, start.ndim - width + column)
                    np.minimum(new, shifted + prices[group, :, member][(...,) + (None,) * width], out=new)
                tables = [*tables, new] if keep else [new]
            return tables

        start = np.full((count, tries, *axes), INF)
        start[(slice(None), slice(None)) + (0,) * width] = np.where(
            open_, self.colocation[batch][:, None] * SIZE[useds], INF
        )
        states = np.array(np.unravel_index(np.arange(int(np.prod(axes))), axes)).T  # state × column
        met = np.asarray((states[None, :, :] >= need[:, None, :]).all(axis=2))  # team × state
        final = np.where(met[:, None, :], run(start, grouped, False)[-1].reshape(count, tries, -1), INF)
        pick = final.min(axis=2).argmin(axis=1)
        value = final[rows, pick].min(axis=1)
        slot, used = slots[rows, pick], useds[rows, pick]
        # The same programme for each team's best slot and used days only, its tables kept.
        picked = np.moveaxis(grouped[:, rows, :, pick], 0, 1)  # class × team × member
        start = np.full((count, *axes), INF)
        start[(slice(None),) + (0,) * width] = self.colocation[batch] * SIZE[used]
        tables = [table.reshape(count, -1) for table in run(start, picked, True)]
        state = np.where(met, tables[-1], INF).argmin(axis=1)
        leads_to = {
            group: np.ravel_multi_index(
                tuple(np.minimum(states + ((group >> np.arange(width)) & 1), cap).T), axes
            )
            for group in range(classes)
        }  # the state a member of the class leads to, from each state
        choice = np.zeros((count, longest), dtype=int)
        for member in reversed(range(longest)):
            reached = tables[member + 1][rows, state]
            found = ~np.isfinite(value)
            for group in range(classes):
                match = (leads_to[group][None, :] == state[:, None]) & (
                    tables[member] + picked[group, :, member][:, None] == reached[:, None]
                )
                hit = match.any(axis=1) & ~found
                choice[hit, member] = group
                state = np.where(hit, match.argmax(axis=1), state)
                found |= hit
        plans = []
        for row, size in enumerate(sizes):
            within = SUBSET[used[row]][None, :] & (kind[row][None, :] == choice[row, :size, None])
            plans.append(np.where(within, cost[members[row, :size], slot[row]], INF).argmin(axis=1))
        return value, slot, plans


def _within(cost: np.ndarray) -> np.ndarray:
    """For every set of used days (the last axis, a mask), the least cost of a set within it: the
    mask's five bits as five axes of two, the minimum carried along each."""
    lowest = cost.reshape(*cost.shape[:-1], 2, 2, 2, 2, 2).copy()
    for axis in range(5):
        without = (..., 0) + (slice(None),) * (4 - axis)
        with_day = (..., 1) + (slice(None),) * (4 - axis)
        np.minimum(lowest[with_day], lowest[without], out=lowest[with_day])
    return lowest.reshape(cost.shape)


def _shift(table: np.ndarray, axis: int) -> np.ndarray:
    """One more at the office on a covered day: each count moves up one; the top one stays."""
    result = np.empty_like(table)

    def index(part: Any) -> tuple[Any, ...]:
        return tuple(part if dim == axis else slice(None) for dim in range(table.ndim))

    result[index(0)] = INF
    result[index(slice(1, None))] = table[index(slice(None, -1))]
    np.minimum(result[index(-1)], table[index(-1)], out=result[index(-1)])
    return result
