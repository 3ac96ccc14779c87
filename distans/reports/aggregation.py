"""Privacy by aggregation: a figure about a group is shown only for a group of at least
REPORT_MIN_GROUP people (by default PULSE_MIN_GROUP), everywhere in the reports, so that no figure
tells about one person. Individuals appear only on lists a manager or HR may already see."""

from django.conf import settings


def min_group() -> int:
    return settings.REPORT_MIN_GROUP


def large_enough(people: int) -> bool:
    return people >= min_group()


def shown(value, people: int):
    """The figure, or None (drawn as "too few to show") for a group smaller than the threshold."""
    return value if large_enough(people) else None
