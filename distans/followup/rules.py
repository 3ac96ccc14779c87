"""Follow-up rules, pure: when the next evaluation falls, when a first response to a deviation is
due in working days, and whether someone's remote days weaken their attachment to the workplace."""

import datetime
from decimal import Decimal

from distans.agreements.rules import add_months


def first_evaluation(
    start: datetime.date, trial_weeks: int | None, every_months: int
) -> tuple[str, datetime.date]:
    """The end of the trial when there is one, else the first regular evaluation."""
    if trial_weeks:
        return "trial", start + datetime.timedelta(weeks=trial_weeks)
    return "periodic", add_months(start, every_months or 6)


def next_evaluation(held_on: datetime.date, every_months: int) -> datetime.date:
    return add_months(held_on, every_months or 6)


def add_working_days(
    day: datetime.date, count: int, holidays: frozenset[datetime.date] = frozenset()
) -> datetime.date:
    """`count` working days after `day`, skipping weekends and the given public holidays."""
    while count > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            count -= 1
    return day


def attachment(weekly_remote_days: list[int], warning: Decimal) -> tuple[Decimal, bool]:
    """The average remote days a week, and whether it is above the policy's warning level."""
    if not weekly_remote_days:
        return Decimal(0), False
    average = (Decimal(sum(weekly_remote_days)) / len(weekly_remote_days)).quantize(Decimal("0.1"))
    return average, average > warning
