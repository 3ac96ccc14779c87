"""My page's share of "Problems ahead": what the problems page lists that the reader can act on, in a
line, and the planner where a plan would fix it. A manager sees her units' problems, computed as the
problems page computes them (`queries.problems_ahead_for`). HR, who plans whole offices, sees the offices
over capacity (`queries.site_occupancy`, the office pages' count, which is also where the problems page
finds them); the rest of the organisation's problems are its managers' to act on.

Bounded: an employee's My page runs no query here; a manager's two (the plan stamp and her units), HR's
one (the stamp). The computing itself (a manager's: about eight queries and four per office her people
are booked at; HR's: six per office with desks) runs once after anything plans are made from changes:
the result is kept in the cache under the plan stamp and the day, as the team week is."""

import datetime
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from distans.core.home import AttentionItem
from distans.core.permissions import is_hr, is_manager
from distans.org.models import Site
from distans.planning import queries, rules
from distans.planning.forms import week_choices

# What moving office days can fix; a duty is short of working hours, which no plan of office days changes.
FIXED_BY_A_PLAN = frozenset({"capacity", "coverage", "office_day"})


def attention_for(user) -> list[AttentionItem]:
    manages, plans_offices = is_manager(user), is_hr(user)  # HR plans offices (`can_plan_site`)
    if not manages and not plans_offices:
        return []
    today = timezone.localdate()
    dates = [today + datetime.timedelta(days=offset) for offset in range(queries.PROBLEM_WEEKS * 7)]
    plannable = {value for value, _label in week_choices(today)}
    stamp = queries.plan_stamp()
    items: list[AttentionItem] = []
    if manages:
        units = list(queries.managed_units(user))
        ids = ",".join(str(unit.pk) for unit in units)
        ahead = _kept(f"units:{ids}", today, stamp, lambda: queries.problems_ahead_for(units, dates))
        for unit in units:
            items += _unit_items(unit, rules.group_problems(ahead.get(unit.pk, [])), plannable)
    if plans_offices:
        items += _office_items(_kept("offices", today, stamp, lambda: _offices_over(dates)), plannable)
    return items


def _kept(what: str, today: datetime.date, stamp: int | None, compute: Callable[[], Any]) -> Any:
    """Computed once until a plan changes (the stamp) or the day does."""
    key = f"planning-attention:{what}:{today}:{stamp}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, queries.TEAM_WEEK_KEPT)
    return found


def _offices_over(dates: list[datetime.date]) -> list[dict]:
    """Each office with desks and the days it is over capacity, by name."""
    found = []
    for site in Site.objects.filter(desk_capacity__gt=0).order_by("name"):
        over = [day["date"] for day in queries.site_occupancy(site, dates)["days"] if day["over"]]
        if over:
            found.append({"id": site.pk, "name": site.name, "dates": over})
    return found


def _plan_item(
    subject: str, url: str, dates: list[datetime.date], plannable: set[str]
) -> list[AttentionItem]:
    """Propose a plan for the first week, among those the planner can still plan, with a day to fix."""
    first = next((date for date in sorted(dates) if rules.iso_week(date) in plannable), None)
    if first is None:
        return []
    return [
        {
            "text": _("Propose a plan for %(subject)s, week %(week)s")
            % {"subject": subject, "week": first.isocalendar()[1]},
            "url": f"{url}?week={rules.iso_week(first)}",
            "due": first,
        }
    ]


def _problem_words(group: dict) -> str:
    days = len(group["days"])
    if group["code"] == "capacity":
        return ngettext(
            "%(site)s over capacity on %(days)s day", "%(site)s over capacity on %(days)s days", days
        ) % {"site": group["site"], "days": days}
    if group["code"] == "coverage":
        return ngettext(
            "fewer at the office than needed on %(days)s day",
            "fewer at the office than needed on %(days)s days",
            days,
        ) % {"days": days}
    if group["code"] == "duty":
        return ngettext(
            "%(duty)s short of people on %(days)s day", "%(duty)s short of people on %(days)s days", days
        ) % {"duty": group["duty"], "days": days}
    return ngettext(
        "some elsewhere on the team office day (%(days)s day)",
        "some elsewhere on the team office day (%(days)s days)",
        days,
    ) % {"days": days}


def _unit_items(unit, groups: list[dict], plannable: set[str]) -> list[AttentionItem]:
    """One line with the unit's problems, due on the first; the planner for the first week a plan fixes."""
    if not groups:
        return []
    items: list[AttentionItem] = [
        {
            "text": _("Problems ahead in %(unit)s: %(problems)s.")
            % {"unit": unit.name, "problems": "; ".join(_problem_words(group) for group in groups)},
            "url": reverse("planning:problems"),
            "due": min(day["date"] for group in groups for day in group["days"]),
        }
    ]
    fixable = [day["date"] for group in groups if group["code"] in FIXED_BY_A_PLAN for day in group["days"]]
    return items + _plan_item(unit.name, reverse("planning:planner", args=[unit.pk]), fixable, plannable)


def _office_items(offices: list[dict], plannable: set[str]) -> list[AttentionItem]:
    """One line with every office over capacity, the most days first; the planner for the office over it
    first (of those, the one over it most)."""
    if not offices:
        return []
    offices = sorted(offices, key=lambda office: -len(office["dates"]))
    words = "; ".join(
        ngettext("%(site)s on %(days)s day", "%(site)s on %(days)s days", len(office["dates"]))
        % {"site": office["name"], "days": len(office["dates"])}
        for office in offices
    )
    soonest = min(offices, key=lambda office: office["dates"][0])  # the first of equals: the most days
    items: list[AttentionItem] = [
        {
            "text": ngettext(
                "Over capacity in the next %(weeks)s week: %(offices)s.",
                "Over capacity in the next %(weeks)s weeks: %(offices)s.",
                queries.PROBLEM_WEEKS,
            )
            % {"weeks": queries.PROBLEM_WEEKS, "offices": words},
            "url": reverse("planning:problems"),
            "due": soonest["dates"][0],
        }
    ]
    url = reverse("planning:site_planner", args=[soonest["id"]])
    return items + _plan_item(soonest["name"], url, soonest["dates"], plannable)
