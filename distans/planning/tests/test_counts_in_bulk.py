"""The organisation's counts per unit and day and a site's occupancy are computed in bulk (people grouped by
their usual week in the database, day changes counted there): they must stay exactly what planning each
person day by day gives. A small organisation counted by hand, and the demo against the plans person by
person."""

import datetime
from collections import Counter

import pytest
from django.core.management import call_command

from distans.org.models import Person, Site, Unit
from distans.planning import queries, rules
from distans.planning.models import DayChange, WorkPattern

pytestmark = pytest.mark.django_db

# Christmas week 2026: Thursday 24 (Christmas Eve) and Friday 25 are days off in Sweden; in Norway only the
# 25th and the 26th.
MONDAY = datetime.date(2026, 12, 21)
WEEK = [MONDAY + datetime.timedelta(days=offset) for offset in range(7)]
LONG_AGO = datetime.date(2025, 1, 6)


def person(email, unit, site, **extra):
    return Person.objects.create_user(
        email, "x", first_name=email[0].upper(), last_name=email[:2].upper(), unit=unit, site=site, **extra
    )


@pytest.fixture
def organisation(db):
    here = Site.objects.create(code="S", name="Here", country="SE", desk_capacity=5)
    there = Site.objects.create(code="T", name="There", country="SE", desk_capacity=50)
    unit, other = Unit.objects.create(code="U", name="U"), Unit.objects.create(code="V", name="V")
    people = {}
    people["a"] = person("a@example.com", unit, here)  # the default week at its site
    people["b"] = person("b@example.com", unit, None)  # the default week with no site: remote
    people["c"] = person("c@example.com", unit, here)  # the later of two usual weeks, at the other office
    WorkPattern.objects.create(person=people["c"], valid_from=LONG_AGO, mon="remote", tue="remote")
    WorkPattern.objects.create(
        person=people["c"], valid_from=datetime.date(2026, 6, 1), tue="remote", wed="remote", site=there
    )
    people["d"] = person("d@example.com", unit, here)  # a first usual week from Wednesday: all remote
    WorkPattern.objects.create(
        person=people["d"],
        valid_from=MONDAY + datetime.timedelta(days=2),
        **dict.fromkeys(("mon", "tue", "wed", "thu", "fri"), "remote"),
    )
    people["e"] = person("e@example.com", unit, here)  # changes, one on Christmas Eve
    WorkPattern.objects.create(person=people["e"], valid_from=LONG_AGO, mon="remote")
    DayChange.objects.create(person=people["e"], date=WEEK[0], kind="office", site=here)
    DayChange.objects.create(person=people["e"], date=WEEK[1], kind="away", away_reason="leave")
    DayChange.objects.create(person=people["e"], date=WEEK[3], kind="office", site=here)
    gone = person("f@example.com", unit, here, is_active=False)  # left: counted nowhere
    DayChange.objects.create(person=gone, date=WEEK[0], kind="office", site=here)
    people["g"] = person("g@example.com", None, here)  # no unit
    people["h"] = person("h@example.com", other, there)  # comes here on Monday
    DayChange.objects.create(person=people["h"], date=WEEK[0], kind="office", site=here)
    people["i"] = person("i@example.com", other, there)  # a usual week here
    WorkPattern.objects.create(person=people["i"], valid_from=LONG_AGO, site=here)
    people["j"] = person("j@example.com", other, there, country="NO")  # works on Christmas Eve
    return {"here": here, "there": there, "unit": unit, "other": other, **people}


def test_counts_per_unit_and_day_as_counted_by_hand(organisation):
    counts = queries.unit_counts(WEEK)
    office, remote, away, off = "office", "remote", "away", "off"
    weekend = [Counter({off: 5})] * 2
    assert counts[organisation["unit"].pk] == [
        Counter({office: 4, remote: 1}),  # a, c (there), d, e (a change); b
        Counter({office: 2, remote: 2, away: 1}),  # a, d; b, c; e on leave
        Counter({office: 2, remote: 3}),  # a, e; b, c, d (its usual week from today)
        Counter({office: 1, off: 4}),  # e's change wins over Christmas Eve
        Counter({off: 5}),
        *weekend,
    ]
    assert counts[organisation["other"].pk] == [
        Counter({office: 3}),
        Counter({office: 3}),
        Counter({office: 3}),
        Counter({office: 1, off: 2}),  # j, in Norway
        Counter({off: 3}),
        Counter({off: 3}),
        Counter({off: 3}),
    ]
    assert counts[None] == [Counter({office: 1})] * 3 + [Counter({off: 1})] * 4
    assert set(counts) == {organisation["unit"].pk, organisation["other"].pk, None}


def test_a_sites_occupancy_as_counted_by_hand(organisation):
    days = queries.site_occupancy(organisation["here"], WEEK)["days"]
    who = [sorted(row[0] for row in day["people"]) for day in days]
    ids = {key: organisation[key].pk for key in "adeghi"}
    assert who[:4] == [
        sorted(ids[key] for key in "adeghi"),
        sorted(ids[key] for key in "adgi"),
        sorted(ids[key] for key in "aegi"),
        [ids["e"]],
    ]
    assert who[4:] == [[], [], []]
    assert [day["count"] for day in days] == [6, 4, 4, 1, 0, 0, 0]
    assert [day["over"] for day in days] == [True, False, False, False, False, False, False]
    there = queries.site_occupancy(organisation["there"], WEEK)["days"]
    assert [day["count"] for day in there] == [2, 2, 2, 1, 0, 0, 0]  # c or h, and j, in Norway


def planned_counts(dates):
    """The counts as the team week makes them: every active person planned day by day."""
    rows, days = queries.plan_for(Person.objects.filter(is_active=True), dates)
    found: dict = {}
    for row in rows:
        tallies = found.setdefault(row[6], [Counter() for _date in dates])
        for tally, day in zip(tallies, days[row[0]], strict=True):
            tally[rules.bucket(day.kind)] += 1
    return found, rows, days


def test_the_demos_counts_and_occupancy_are_those_of_the_plans_person_by_person():
    call_command("demo", "--people", "300")
    today = datetime.date.today()
    monday = today - datetime.timedelta(days=today.weekday())
    christmas = datetime.date(today.year, 12, 21)
    for first in (
        monday - datetime.timedelta(weeks=3),
        monday,
        monday + datetime.timedelta(weeks=1),
        christmas,
    ):
        dates = [first + datetime.timedelta(days=offset) for offset in range(28 if first == monday else 7)]
        expected, rows, days = planned_counts(dates)
        counts = queries.unit_counts(dates)
        assert counts == expected
        for unit_id, tallies in counts.items():  # the same keys too: no bucket counted as zero
            assert [sorted(tally) for tally in tallies] == [sorted(tally) for tally in expected[unit_id]]
        for site in Site.objects.all():
            occupancy = queries.site_occupancy(site, dates)["days"]
            for index, day in enumerate(occupancy):
                booked = [
                    row
                    for row in rows
                    if days[row[0]][index].kind == rules.OFFICE and days[row[0]][index].site_id == site.pk
                ]
                assert day["people"] == booked and day["count"] == len(booked)
