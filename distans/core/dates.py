"""The dates Distans works with, in forms, the API and the services alike: a year typed as 0001 or 9999
is a slip, not a plan."""

import datetime

DATE_MIN, DATE_MAX = datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)


def day_start(date: datetime.date) -> datetime.datetime:
    """The moment a day begins in the current time zone, as `__date` counts days. Filtering a column by
    these moments (`at__gte=day_start(first), at__lt=day_start(last + 1 day)`) keeps the comparison in
    SQL and on the index, where `__date` calls a Python function for each row on SQLite."""
    from django.utils import timezone

    return datetime.datetime.combine(date, datetime.time(), timezone.get_current_timezone())
