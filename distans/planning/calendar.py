"""Calendar feeds in iCalendar (RFC 5545): one all-day event a day with where the person is, the team
office days and the public holidays. UIDs are stable, so calendar programs update events in place."""

import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from distans.org.models import Person, Unit
from distans.planning import labels, queries, rules

PAST_DAYS, FUTURE_DAYS = 14, 56
DOMAIN = "distans"


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Distans//Weekly plans//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def _event(uid: str, date: datetime.date, summary: str, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", date)  # a date: an all-day event (VALUE=DATE)
    event.add("dtend", date + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    return event


def _dates() -> list[datetime.date]:
    today = timezone.localdate()
    return [today + datetime.timedelta(days=offset) for offset in range(-PAST_DAYS, FUTURE_DAYS)]


def person_feed(person: Person) -> bytes:
    with translation.override(person.language or settings.LANGUAGE_CODE):
        dates = _dates()
        days = queries.placed_abroad({person.pk: queries.person_days(person, dates)}, dates[0], dates[-1])[
            person.pk
        ]
        # A calendar is often shared, so the feed says "Away", never why.
        sites, words = queries.site_names(), labels.words()
        unit_settings = queries.unit_settings(person.unit) if person.unit else {}
        stamp = timezone.now()
        cal = _calendar(_("My plan in Distans"))
        for day in days:
            summary = (
                "" if day.kind == rules.OFF else labels.day_label(day, words, reasons=False, sites=sites)
            )
            if rules.is_office_day(day.date, unit_settings) and day.kind not in (rules.HOLIDAY, rules.OFF):
                summary = _("%(where)s · team office day") % {"where": summary}
            if summary:
                cal.add_component(
                    _event(f"plan-{person.pk}-{day.date.isoformat()}", day.date, summary, stamp)
                )
        return cal.to_ical()


def unit_feed(unit: Unit, reader: Person) -> bytes:
    """The unit's team office days, holidays and how many are at the office each working day."""
    with translation.override(reader.language or settings.LANGUAGE_CODE):
        dates = _dates()
        rows, days = queries.plan_for(queries.unit_members(unit), dates)
        unit_settings = queries.unit_settings(unit)
        stamp = timezone.now()
        cal = _calendar(_("%(unit)s in Distans") % {"unit": unit.name})
        for index, date in enumerate(dates):
            todays = [days[row[0]][index] for row in rows]
            tally = rules.counts(todays)
            if not any(day.working for day in todays):
                holiday = next((day.detail for day in todays if day.kind == rules.HOLIDAY), "")
                if holiday:
                    cal.add_component(_event(f"unit-{unit.pk}-{date.isoformat()}", date, holiday, stamp))
                continue
            summary = _("Office %(office)s · remote %(remote)s · away %(away)s") % {
                "office": tally["office"],
                "remote": tally["remote"],
                "away": tally["away"],
            }
            if rules.is_office_day(date, unit_settings):
                summary = _("Team office day · %(counts)s") % {"counts": summary}
            cal.add_component(_event(f"unit-{unit.pk}-{date.isoformat()}", date, summary, stamp))
        return cal.to_ical()
