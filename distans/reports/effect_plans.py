"""The plans part of "Does it work?" (remote share against the agreements, team office days, coverage,
attachment), kept (`reports.kept`): counting a whole large organisation's plans takes longer than a page
may (seconds at 100,000 people), so above `effect_queries.PLAN_PERSON_WEEKS` the task worker counts them
and the page shows the last count, saying when it was made."""

import datetime
import pickle  # nosec: only figures `compute` made are read back
from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace

from distans.org.models import Person, Unit
from distans.org.permissions import own_or_reports
from distans.planning.queries import unit_and_below
from distans.reports import effect_queries as queries
from distans.reports import kept
from distans.reports.effect_forms import MOST_UNITS_IN_LIST


@dataclass(frozen=True)
class PlanChoice:
    reader: int | None  # the manager whose people are counted; None: the whole organisation
    unit: int | None  # with the units under it
    start: datetime.date
    end: datetime.date
    warning: Decimal  # the policy's attachment level


def choice(user, unit: Unit | None, start, end, warning: Decimal, *, everyone: bool) -> PlanChoice:
    return PlanChoice(None if everyone else user.pk, unit.pk if unit else None, start, end, warning)


@dataclass
class PlanFigures:
    """The counted plans as the page draws them: above MOST_UNITS_IN_LIST units, the top two levels only
    (thousands of teams take long to draw and help nobody). Every unit is kept beside them as pickled
    bytes, read back only for a download: loading 10,000 units × 17 weeks back took the page a second."""

    shown: dict  # `effect_queries.plan_weeks`, its units those the page draws
    every_unit: bytes | None = None  # the units in full, pickled, when `shown` leaves some out

    @property
    def trimmed(self) -> bool:
        return self.every_unit is not None

    def in_full(self) -> dict:
        if self.every_unit is None:
            return self.shown
        return {**self.shown, "units": pickle.loads(self.every_unit)}  # nosec: written by `compute`


@kept.computes("effect-plans")
def compute(chosen: PlanChoice) -> PlanFigures:
    people = Person.objects.all()
    if chosen.reader is not None:  # as `effect_permissions.people_for`, from the reader's id
        people = own_or_reports(people, SimpleNamespace(pk=chosen.reader), "pk")
    if chosen.unit is not None:
        people = people.filter(unit__in=unit_and_below(Unit(pk=chosen.unit)))
    plans = queries.plan_weeks(people, queries.mondays(chosen.start, chosen.end), chosen.warning)
    if len(plans["units"]) <= MOST_UNITS_IN_LIST:
        return PlanFigures(plans)
    top = [row for row in plans["units"] if " › " not in row.path]
    return PlanFigures({**plans, "units": top}, pickle.dumps(plans["units"]))


def plans(chosen: PlanChoice, active_people) -> kept.Kept:
    """The counted plans: on this request up to PLAN_PERSON_WEEKS, else by the task worker."""
    size = active_people.count() * len(queries.mondays(chosen.start, chosen.end))
    return kept.kept("effect-plans", chosen, compute_first=lambda: size <= queries.PLAN_PERSON_WEEKS)
