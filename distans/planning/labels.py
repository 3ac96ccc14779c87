"""Where a person is on a day, in words: one place for the week cards, the team grid and the feeds;
and time zones in words, for duties kept across them."""

import datetime
import functools
import zoneinfo

from django.utils import formats
from django.utils.translation import gettext as _

from distans.core import places
from distans.planning import rules

DEFAULT_TIME_ZONE = "Europe/Stockholm"
# The time zones a duty is kept in, offered first: the Nordic offices', then where colleagues often work
# from. The time zones of the unit's own people are added to them.
TIME_ZONES = (
    "Europe/Stockholm",
    "Europe/Oslo",
    "Europe/Copenhagen",
    "Europe/Helsinki",
    "Atlantic/Reykjavik",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Madrid",
    "America/New_York",
    "Asia/Bangkok",
)


def words() -> dict[str, str]:
    """The labels in the active language; pages translate them once, not once per cell."""
    return {
        "office": _("Office"),
        "remote": _("Remote"),
        "other": _("Other place"),
        "abroad": _("Abroad"),
        "away": _("Away"),
        "off": _("Not working"),
        "leave": _("Leave"),
        "sick": _("Sick"),
        "travel": _("Travel"),
    }


def day_label(
    day: rules.Day, words: dict[str, str], *, reasons: bool, sites: dict[int, str] | None = None
) -> str:
    """`reasons`: whether the reader may see why someone is away; `sites`: name the office on office days.
    Where someone works is no secret, so work from abroad shows its country to everyone. A value no
    choice offers (written before it was checked) is shown as it is rather than failing the page."""
    if day.kind == rules.HOLIDAY and day.detail:
        return day.detail
    if day.kind == rules.AWAY and reasons and day.detail:
        return f"{words['away']} · {words.get(day.detail, day.detail)}"
    if day.kind == rules.ABROAD and day.detail:
        return f"{words['abroad']} · {places.country_name(day.detail)}"
    if day.kind == rules.OFFICE and sites and day.site_id in sites:
        return f"{words['office']} · {sites[day.site_id]}"
    return words.get(day.kind, day.kind)


@functools.cache
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def time_zone_choices(extra=()) -> list[tuple[str, str]]:
    """The usual time zones, then any others in `extra` (the unit's people's, the duties' own)."""
    known = _known_zones()
    others = sorted({zone for zone in extra if zone and zone in known} - set(TIME_ZONES))
    return [(zone, places.zone_name(zone)) for zone in (*TIME_ZONES, *others)]


def week_number(monday: datetime.date) -> str:
    """A week as people name it in a sentence ("week 50, 2026"), not as ISO writes it (2026-W50)."""
    year, week, _day = monday.isocalendar()
    return f"{week}, {year}"


def hours(start: datetime.time, end: datetime.time) -> str:
    return f"{formats.time_format(start)}–{formats.time_format(end)}"


def cover_label(name: str, cover: rules.Cover, duty_zone: str) -> str:
    """Who covers a duty and when, in their own time and, when that differs, in the duty's:
    "Niklas Lindgren 13:00–18:00 Bangkok time = 07:00–12:00 Stockholm time"."""
    own = hours(cover.start, cover.end)
    if (cover.start, cover.end) == (cover.duty_start, cover.duty_end):  # the same clock (Oslo, Stockholm)
        return f"{name} {own}"
    return _("%(name)s %(hours)s %(city)s time = %(duty_hours)s %(duty_city)s time") % {
        "name": name,
        "hours": own,
        "city": places.zone_city(cover.time_zone),
        "duty_hours": hours(cover.duty_start, cover.duty_end),
        "duty_city": places.zone_city(duty_zone),
    }
