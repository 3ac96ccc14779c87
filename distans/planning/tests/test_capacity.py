"""Every office day takes a desk, however it is chosen: a change to the office, "office" at one's usual
office, or back to a usual week that says office. A full office refuses with 409 and a clear reason,
and two people taking the last desk at once cannot both have it."""

import datetime
import json
import threading

import pytest
import time_machine
from django.db import connection
from django.test import Client

from distans.core.errors import Conflict, DomainError
from distans.core.models import ApiToken
from distans.core.services import token_create
from distans.org.models import Person, Site
from distans.planning import queries, services
from distans.planning.models import DayChange, WorkPattern

NEXT_MONDAY = datetime.date(2026, 12, 7)
DESKS = 88


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def office(db):
    return Site.objects.create(code="GBG", name="Gothenburg", country="SE", desk_capacity=DESKS)


def based_at(site, count: int, prefix: str) -> None:
    """People based at the office with no usual week written: there Monday to Friday."""
    Person.objects.bulk_create(
        [
            Person(email=f"{prefix}{n}@example.com", first_name=prefix, last_name=f"{n:03}", site=site)
            for n in range(count)
        ]
    )


def usually_remote_on_monday(person, site) -> None:
    WorkPattern.objects.create(person=person, valid_from=datetime.date(2026, 1, 5), mon="remote", site=site)


def api_put(person, date, body):
    _token, raw = token_create(actor=person, person=person, name="Script", scope=ApiToken.Scope.READ_WRITE)
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client.put(
        f"/api/v1/plans/{person.pk}/{date.isoformat()}", json.dumps(body), content_type="application/json"
    )


def test_office_at_the_usual_office_is_refused_when_the_office_is_full(cast, office):
    """88 desks: Åsa usually works there on Mondays but has moved this Monday home; meanwhile 88 others
    have the desks. Choosing the office again, or going back to her usual week, is refused."""
    asa = cast["employee"]
    asa.site = office
    asa.save()
    based_at(office, DESKS - 1, "filler")
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="remote")  # a flexible day at home
    olav = cast["outsider"]
    usually_remote_on_monday(olav, office)
    services.day_set(actor=olav, person=olav, date=NEXT_MONDAY, kind="office", site=office)  # the last desk
    assert queries.office_count(office, NEXT_MONDAY) == DESKS

    for kind in ("office", "usual"):
        with pytest.raises(Conflict) as refused:
            services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind=kind)
        assert refused.value.code == "site_full" and refused.value.status == 409
    response = api_put(asa, NEXT_MONDAY, {"kind": "office", "site": office.pk})
    assert response.status_code == 409 and response.json()["message"] == (
        "All 88 desks at Gothenburg are taken on 7 December 2026. Choose another day or another way to work."
    )
    assert queries.office_count(office, NEXT_MONDAY) == DESKS
    assert DayChange.objects.get(person=asa).kind == "remote"  # her day stays as it was


def test_someone_usually_remote_choosing_the_usual_office_when_full_is_refused(cast, office):
    based_at(office, DESKS, "filler")
    olav = cast["outsider"]
    usually_remote_on_monday(olav, office)
    response = api_put(olav, NEXT_MONDAY, {"kind": "office"})
    assert response.status_code == 409 and response.json()["code"] == "site_full"
    assert queries.office_count(office, NEXT_MONDAY) == DESKS and not DayChange.objects.exists()


def test_an_office_day_goes_to_the_usual_weeks_office_not_the_home_site(cast, office):
    olav = cast["outsider"]
    olav.site = cast["employee"].site  # based in Stockholm; his usual week is in Gothenburg
    olav.save()
    usually_remote_on_monday(olav, office)
    day = services.day_set(actor=olav, person=olav, date=NEXT_MONDAY, kind="office")
    assert day.site_id == office.pk


def test_someone_already_at_the_office_keeps_the_desk_when_choosing_it_again(cast, office):
    """A desk already held is not taken twice: confirming the office on a full day is no refusal."""
    asa = cast["employee"]
    asa.site = office
    asa.save()
    based_at(office, DESKS - 1, "filler")
    day = services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="office")
    assert day.kind == "office" and queries.office_count(office, NEXT_MONDAY) == DESKS
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="usual")
    assert queries.office_count(office, NEXT_MONDAY) == DESKS


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's row locks: SQLite serialises every writer, so two bookings can never "
    "overlap there (test_office_at_the_usual_office_is_refused_when_the_office_is_full covers the count)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_back_to_the_usual_office_and_a_change_to_it_race_for_the_last_desk_and_one_wins(cast):
    office = Site.objects.create(code="ONE", name="One desk", country="SE", desk_capacity=1)
    asa, olav = cast["employee"], cast["outsider"]
    asa.site = office
    asa.save()
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="remote")  # her desk is free
    usually_remote_on_monday(olav, office)
    barrier, outcomes = threading.Barrier(2), []

    def book(person, kind):
        try:
            barrier.wait()
            services.day_set(actor=person, person=person, date=NEXT_MONDAY, kind=kind)
            outcomes.append("ok")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=book, args=(asa, "usual")),
        threading.Thread(target=book, args=(olav, "office")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "site_full"]
    assert queries.office_count(office, NEXT_MONDAY) == 1
