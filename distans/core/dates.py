"""The dates Distans works with, in forms, the API and the services alike: a year typed as 0001 or 9999
is a slip, not a plan."""

import datetime

DATE_MIN, DATE_MAX = datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)
