"""Who is at the office today, per site: for reception and for emergencies (who is in the building).

The people planned at the office of a site on the site's own date today, as planning computes their day
(a change, else the usual week, else the default), visitors from other sites included. Visible to the
groups the organisation names in REPORT_TODAY_ROLES (HR and administrators unless it says otherwise;
a "reception" group, say)."""

import datetime
import zoneinfo

from django.conf import settings
from django.utils import timezone

from distans.core.permissions import group_names
from distans.org.models import Person, Site
from distans.planning import queries


def can_view_today(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser and "admin" in settings.REPORT_TODAY_ROLES:
        return True
    return bool(group_names(user) & set(settings.REPORT_TODAY_ROLES))


def site_today(site: Site) -> datetime.date:
    """Today where the site is: a reception in Oslo and a reader in Bangkok mean Oslo's day."""
    return timezone.localtime(timezone.now(), zoneinfo.ZoneInfo(site.time_zone)).date()


def at_the_office(site: Site, date: datetime.date) -> list[Person]:
    """The people planned at the site's office on a date, by name, with their unit: seven queries."""
    booked = queries.site_occupancy(site, [date])["days"][0]["people"]
    return list(
        Person.objects.filter(pk__in=[row[0] for row in booked])
        .select_related("unit")
        .only("first_name", "last_name", "phone", "unit__name")
        .order_by("last_name", "first_name", "pk")
    )
