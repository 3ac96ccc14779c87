"""Privacy's pure rules: the deadlines of an access request (GDPR Art. 12(3))."""

import calendar
import datetime

ANSWER_WITHIN_MONTHS = 1
EXTEND_AT_MOST_MONTHS = 2


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or that month's last day when it is shorter (31 January + 1: 28 or
    29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def deadline(received_on: datetime.date) -> datetime.date:
    return add_months(received_on, ANSWER_WITHIN_MONTHS)


def latest_extension(deadline: datetime.date) -> datetime.date:
    return add_months(deadline, EXTEND_AT_MOST_MONTHS)
