"""Weekday names, Monday first (0) as in the ISO week and in the Nordic calendar."""

from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
WORKDAYS = WEEKDAYS[:5]
NAMES = [name for _number, name in WEEKDAYS]
