"""Who is at the office today, per site: for reception and for emergencies (who is in the building).

The people planned at the office of a site on the site's own date today, as planning computes their day
(a change, else the usual week, else the default), visitors from other sites included. Visible to the
groups the organisation names in REPORT_TODAY_ROLES (HR and administrators unless it says otherwise;
a "reception" group, say)."""

import datetime
import zoneinfo
from typing import NamedTuple

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html_join

from distans.core.permissions import group_names
from distans.org.models import Person, Site
from distans.planning import queries, rules
from distans.planning.models import DayChange, WorkPattern


def can_view_today(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser and "admin" in settings.REPORT_TODAY_ROLES:
        return True
    return bool(group_names(user) & set(settings.REPORT_TODAY_ROLES))


def site_today(site: Site) -> datetime.date:
    """Today where the site is: a reception in Oslo and a reader in Bangkok mean Oslo's day."""
    return timezone.localtime(timezone.now(), zoneinfo.ZoneInfo(site.time_zone)).date()


class Here(NamedTuple):
    id: int
    first_name: str
    last_name: str
    unit: str | None
    phone: str


def at_the_office(site: Site, date: datetime.date) -> list[Here]:
    """The people planned at the site's office on a date, by name, with their unit and phone.

    As `planning.queries.site_occupancy` for one date, with the same rules (`kinds_for`), but the people
    based at the site are read by a subquery on their site rather than as a list of thousands of ids,
    and visitors (a usual week or a change at the site) as the short list they are: at a site of 12,500
    people that halves the time."""
    based = Person.objects.filter(site=site, is_active=True)
    visiting = (
        WorkPattern.objects.filter(site=site)
        .exclude(person__site=site)
        .order_by()
        .values_list("person_id", flat=True)
        .union(
            DayChange.objects.filter(site=site, date=date)
            .exclude(person__site=site)
            .order_by()
            .values_list("person_id", flat=True)
        )
    )
    visitors = sorted(visiting)
    booked = (rules.OFFICE, site.pk)
    here: list[tuple] = []
    for people in (based, Person.objects.filter(pk__in=visitors, is_active=True)):
        rows, kinds = queries.kinds_for(people, [date])
        here += [row for row in rows if kinds[row[0]][0] == booked]
    here.sort(key=lambda row: (row[2], row[1], row[0]))
    details = {
        pk: (unit, phone)
        for pk, unit, phone in Person.objects.filter(Q(site=site) | Q(pk__in=visitors)).values_list(
            "pk", "unit__name", "phone"
        )
    }
    return [Here(row[0], row[1], row[2], *details[row[0]]) for row in here]


def rows_html(people: list[Here]) -> str:
    """The list's rows, drawn here rather than by the template: thousands of rows at a large site take
    the template engine a second."""
    return format_html_join(
        "",
        '<tr><th scope="row">{}, {}</th><td>{}</td><td class="today-phone">{}</td>'
        '<td class="today-check"></td></tr>',
        ((person.last_name, person.first_name, person.unit or "–", person.phone or "–") for person in people),
    )
