"""Changing days and patterns: agreement limits, flexible days, capacity under concurrency, history."""

import datetime
import threading

import pytest
import time_machine
from django.db import connection

from distans.agreements.testing import agreement_in_force
from distans.core.errors import DomainError
from distans.org.models import Person, Site
from distans.planning import queries, services
from distans.planning.models import DayChange, WorkPattern

TODAY = datetime.date(2026, 12, 1)  # a Tuesday
NEXT_MONDAY = datetime.date(2026, 12, 7)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def test_a_change_outside_the_agreement_is_refused_with_the_reason(cast):
    asa = cast["employee"]
    agreement_in_force(cast, days="2")
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="remote")
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY + datetime.timedelta(days=1), kind="remote")
    with pytest.raises(DomainError) as error:
        services.day_set(actor=asa, person=asa, date=NEXT_MONDAY + datetime.timedelta(days=2), kind="remote")
    assert error.value.message == "Your agreement covers 2 days a week; this would be 3."
    assert DayChange.objects.filter(person=asa).count() == 2
    # Her manager planning the same day (as the planner's "apply" does) reads of her agreement, not his.
    with pytest.raises(DomainError) as error:
        day = NEXT_MONDAY + datetime.timedelta(days=2)
        services.day_set(actor=cast["manager"], person=asa, date=day, kind="remote")
    assert error.value.message == "The agreement covers 2 days a week; this would be 3."


def test_without_an_agreement_remote_days_are_flexible_days_within_the_allowance(cast):
    asa = cast["employee"]
    for offset in range(4):
        day = services.day_set(
            actor=asa, person=asa, date=NEXT_MONDAY + datetime.timedelta(days=offset), kind="remote"
        )
        assert day.flexible
    with pytest.raises(DomainError) as error:
        services.day_set(actor=asa, person=asa, date=NEXT_MONDAY + datetime.timedelta(days=4), kind="remote")
    assert error.value.code == "flexible_days_used"


def test_abroad_needs_an_agreement_for_work_abroad(cast):
    with pytest.raises(DomainError) as error:
        services.day_set(
            actor=cast["employee"],
            person=cast["employee"],
            date=NEXT_MONDAY,
            kind="abroad",
            country="TH",
        )
    assert error.value.code == "abroad_needs_agreement"


def test_as_usual_removes_the_change(cast):
    asa = cast["employee"]
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="away", away_reason="leave")
    day = services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="usual")
    assert day.kind == "office" and not DayChange.objects.exists()


def test_the_last_desk_goes_to_one_person(cast):
    site = Site.objects.create(code="TINY", name="Tiny office", country="SE", desk_capacity=1)
    asa, olav = cast["employee"], cast["outsider"]
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="office", site=site)
    with pytest.raises(DomainError) as error:
        services.day_set(actor=olav, person=olav, date=NEXT_MONDAY, kind="office", site=site)
    assert "All 1 desks at Tiny office are taken" in error.value.message
    assert queries.office_count(site, NEXT_MONDAY) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need PostgreSQL; SQLite serialises "
    "writers, and test_the_last_desk_goes_to_one_person covers the count",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_people_taking_the_last_desk_at_once_cannot_both_succeed(cast):
    site = Site.objects.create(code="TINY", name="Tiny office", country="SE", desk_capacity=1)
    barrier, outcomes = threading.Barrier(2), []

    def book(person):
        try:
            barrier.wait()
            services.day_set(actor=person, person=person, date=NEXT_MONDAY, kind="office", site=site)
            outcomes.append("ok")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(cast[role],)) for role in ("employee", "outsider")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "site_full"]
    assert DayChange.objects.filter(site=site, date=NEXT_MONDAY).count() == 1


def test_a_new_pattern_never_rewrites_the_past(cast):
    asa = cast["employee"]
    agreement_in_force(cast, days="2")
    old = WorkPattern.objects.create(person=asa, valid_from=datetime.date(2026, 1, 5), mon="remote")
    with pytest.raises(DomainError):
        services.pattern_set(
            actor=asa, person=asa, valid_from=datetime.date(2026, 11, 30), days=["office"] * 5 + ["off"] * 2
        )
    services.pattern_set(
        actor=asa,
        person=asa,
        valid_from=NEXT_MONDAY,
        days=["office", "remote", "remote", "office", "office", "off", "off"],
    )
    days = queries.person_days(
        asa, [datetime.date(2026, 11, 30), NEXT_MONDAY, NEXT_MONDAY + datetime.timedelta(1)]
    )
    assert [day.kind for day in days] == ["remote", "office", "remote"]
    old.refresh_from_db()
    assert old.mon == "remote"


def test_a_usual_week_s_remote_days_must_fit_the_agreement_whoever_sets_it(cast):
    asa = cast["employee"]
    monday_remote = ["remote", "office", "office", "office", "office", "off", "off"]
    for actor in (asa, cast["manager"]):
        with pytest.raises(DomainError) as error:
            services.pattern_set(actor=actor, person=asa, valid_from=NEXT_MONDAY, days=monday_remote)
        assert error.value.code == "pattern_needs_agreement"
    agreement_in_force(cast, days="2", flexible=False, weekdays=[0, 4])
    with pytest.raises(DomainError) as error:
        services.pattern_set(
            actor=asa,
            person=asa,
            valid_from=NEXT_MONDAY,
            days=["office", "remote", "office", "office", "office", "off", "off"],
        )
    assert error.value.message == "The agreement fixes the remote days to Monday, Friday."
    services.pattern_set(actor=cast["manager"], person=asa, valid_from=NEXT_MONDAY, days=monday_remote)
    assert WorkPattern.objects.get(person=asa, valid_from=NEXT_MONDAY).mon == "remote"


def test_organisation_counts_match_each_team_week(cast):
    asa, bjorn = cast["employee"], cast["manager"]
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="away", away_reason="leave")
    WorkPattern.objects.create(person=bjorn, valid_from=datetime.date(2026, 1, 5), tue="remote")
    WorkPattern.objects.create(
        person=bjorn, valid_from=datetime.date(2026, 6, 1), wed="remote"
    )  # the one in force
    for number in range(3):  # three people who share one usual week are grouped by the database
        person = Person.objects.create_user(f"s{number}@example.com", "x", unit=asa.unit, site=asa.site)
        WorkPattern.objects.create(person=person, valid_from=datetime.date(2026, 1, 5), thu="remote")
    WorkPattern.objects.create(
        person=person, valid_from=NEXT_MONDAY + datetime.timedelta(days=2), fri="remote"
    )
    week = queries.week_of(NEXT_MONDAY)
    counts = queries.unit_counts(week)
    grid = queries.team_week(asa.unit, week)
    assert [counts[asa.unit_id][index] for index in range(7)] == [
        column["counts"] for column in grid["columns"]
    ]
    assert counts[asa.unit_id][0]["away"] == 1
    assert counts[asa.unit_id][2]["remote"] == 1 and counts[asa.unit_id][3]["remote"] == 2
