"""A priced plan from the decomposition made into one that keeps every rule, at least cost."""

import math
from collections.abc import Callable

import numpy as np

from distans.planning.planner.teams import BITS, INF, Teams


class Repair:
    """A priced plan made to fit: people moved off days over the desks where it costs least, whole
    teams moved to another priced plan of theirs where that pays (`blend`), people moved off the
    busiest day while that pays, then single moves that lower the objective. Every move keeps the
    person's own rules (their allowed sets), the team day and the team's coverage."""

    def __init__(
        self, teams: Teams, limits: np.ndarray, balance: float, slot: np.ndarray, chosen: np.ndarray
    ) -> None:
        self.teams = teams
        self.slot = slot
        self.mask = chosen.copy()
        self.cost = teams.base[np.arange(len(chosen)), slot[teams.team]]  # person × set
        self.site = teams.site  # -1: at no office of the problem, the last row below
        self.limits = np.vstack([limits, np.full((1, 5), INF)])
        self.balance = np.array([balance] * len(limits) + [0.0])
        self.load = np.zeros((len(limits) + 1, 5))
        np.add.at(self.load, self.site, BITS[self.mask])
        self.count = np.zeros((len(teams.groups), 5))
        np.add.at(self.count, teams.team, BITS[self.mask])
        self.need = np.zeros((len(teams.groups), 5))
        for number, rules in enumerate(teams.coverage):
            for day, least in rules:
                self.need[number, day] = max(self.need[number, day], least)

    def deltas(self, people: np.ndarray, caps: np.ndarray, leave: int | None = None) -> np.ndarray:
        """For these people and each set: what moving them to it changes in the objective (inf where
        it breaks a rule, adds someone to a day at its cap, or keeps them on the day to `leave`)."""
        team, site = self.teams.team[people], self.site[people]
        old = BITS[self.mask[people]][:, None, :]
        after = self.count[team][:, None, :] - old + BITS[None]
        used = (after > 0).sum(axis=2) - (self.count[team] > 0).sum(axis=1)[:, None]
        load = self.load[site][:, None, :] - old + BITS[None]
        peak = load.max(axis=2) - self.load[site].max(axis=1)[:, None]
        ok = (after >= self.need[team][:, None, :]).all(axis=2)
        ok &= ((load <= caps[site][:, None, :]) | (BITS[None] <= old)).all(axis=2)
        if leave is not None:
            ok &= BITS[None, :, leave] == 0
        own = self.cost[people] - self.cost[people, self.mask[people]][:, None]
        delta = own + self.teams.colocation[team][:, None] * used + self.balance[site][:, None] * peak
        return np.where(ok, delta, INF)

    def improve(
        self,
        people: np.ndarray,
        caps: np.ndarray,
        leave: int | None = None,
        until: Callable[[], bool] | None = None,
    ) -> float:
        """Moves among these people, cheapest first, each priced again when its turn comes: until
        `until()` holds (inf if it cannot), or without it while a move lowers the objective. Returns
        what the moves changed."""
        total = 0.0
        while until is None or not until():
            if leave is not None:  # only those still on the day: each move takes one off it
                people = people[(self.mask[people] >> leave) & 1 == 1]
            if not len(people):
                return INF if until is not None else total
            delta = self.deltas(people, caps, leave)
            best = delta.min(axis=1)
            moved = False
            for rank in np.argsort(best)[: max(1, len(people) // 4)]:
                if not best[rank] < (INF if until else -1e-9):
                    break
                again = self.deltas(people[rank : rank + 1], caps, leave)[0]
                to = int(again.argmin())
                if again[to] > best[rank] + 1e-9:  # dearer now: price everyone again
                    break
                change = BITS[to] - BITS[self.mask[people[rank]]]
                self.load[self.site[people[rank]]] += change
                self.count[self.teams.team[people[rank]]] += change
                self.mask[people[rank]] = to
                total, moved = total + float(again[to]), True
                if until is not None and until():
                    return total
            if not moved:
                return INF if until is not None else total
        return total

    def clear(self, site: int, day: int, caps: np.ndarray, shortlist: dict[int, np.ndarray]) -> bool:
        """Move people off a day at an office until it is within `caps` (False if that cannot be done).
        The people whose move costs least are tried first (a short list, kept while it serves)."""
        on_day = np.flatnonzero((self.site == site) & ((self.mask >> day) & 1 == 1))
        done = lambda: self.load[site, day] <= caps[site, day]  # noqa: E731
        if day not in shortlist:
            shortlist[day] = on_day[np.argsort(self.deltas(on_day, caps, day).min(axis=1))[:200]]
        if math.isfinite(self.improve(shortlist[day], caps, day, until=done)):
            return True
        del shortlist[day]  # the short list ran dry: everyone on the day
        return math.isfinite(self.improve(on_day, caps, day, until=done))

    def fit(self) -> bool:
        """Every office within its desks on every day."""
        over = zip(*np.nonzero(self.load[:-1] > self.limits[:-1]), strict=True)
        return all(self.clear(int(site), int(day), self.limits, {}) for site, day in over)

    def flatten(self, fairness: int) -> None:
        """Lower each office's busiest day by one while the moves that takes cost less than it gains."""
        for site in range(len(self.load) - 1):
            shortlist: dict[int, np.ndarray] = {}
            while self.balance[site] > 0:
                before = self.objective(fairness)
                peak = self.load[site].max()
                saved = (self.mask.copy(), self.load.copy(), self.count.copy())
                caps = self.limits.copy()
                caps[site] = np.minimum(caps[site], peak - 1)
                busiest = map(int, np.flatnonzero(self.load[site] == peak))
                if not all(self.clear(site, day, caps, shortlist) for day in busiest) or not (
                    self.objective(fairness) < before
                ):
                    self.mask, self.load, self.count = saved
                    break

    def blend(self, slot: np.ndarray, chosen: np.ndarray) -> None:
        """Whole teams moved to their plan in another priced plan (near ties broken the other way)
        where that lowers the objective: it evens out busy days that moving one person cannot."""
        people_all = np.arange(len(self.mask))
        worst = self.teams.unwanted[people_all, self.mask].max(initial=0)
        differs = np.add.reduceat((chosen != self.mask).astype(int), self.teams.starts) > 0
        for number in np.flatnonzero((slot == self.slot) & differs):
            people = self.teams.members[number]
            old, new = self.mask[people], chosen[people]
            if self.teams.unwanted[people, new].max() > worst:  # the fairness part stays as it is
                continue
            load = self.load.copy()
            np.add.at(load, self.site[people], BITS[new] - BITS[old])
            count = self.count[number] + (BITS[new] - BITS[old]).sum(axis=0)
            if (load > self.limits).any() or (count < self.need[number]).any():
                continue
            delta = (
                self.cost[people, new].sum()
                - self.cost[people, old].sum()
                + self.teams.colocation[number] * ((count > 0).sum() - (self.count[number] > 0).sum())
                + self.balance @ (load.max(axis=1) - self.load.max(axis=1))
            )
            if delta < -1e-9:
                self.mask[people], self.load, self.count[number] = new, load, count

    def objective(self, fairness: int) -> float:
        people = np.arange(len(self.mask))
        used = (self.count > 0).sum(axis=1) @ self.teams.colocation
        worst = self.teams.unwanted[people, self.mask].max(initial=0)
        peaks = self.balance[:-1] @ self.load[:-1].max(axis=1)
        return float(self.cost[people, self.mask].sum() + used + peaks + fairness * worst)
