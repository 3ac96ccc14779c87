"""A request that would leave the unit below its coverage minimum says on which weekday and by how much,
from the unit's usual week (its members' usual weeks and its coverage rules), in the reader's language.

Support Sweden needs 3 at the office on Mondays and 4 on Tuesdays. Åsa, Björn and Cay are there on
Mondays; Dag does not work Mondays. So a request from Åsa for Mondays at home leaves 2: one short."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from distans.arrangements.models import Request
from distans.arrangements.testing import assessed, start
from distans.org.models import Person
from distans.planning import services as plan_services

MONDAY_SHORT = "On a usual Monday your unit would have 2 at the office, 1 fewer than the 3 it needs."
MONDAY_SHORT_SV = "En vanlig måndag skulle din enhet ha 2 på kontoret, 1 färre än de 3 som behövs."


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def support(cast):
    unit = cast["employee"].unit
    for first in ("Cay", "Dag"):
        colleague = Person.objects.create_user(
            f"{first.lower()}@example.com",
            "x",
            first_name=first,
            last_name="Lund",
            unit=unit,
            manager=cast["manager"],
            site=cast["employee"].site,
        )
    plan_services.pattern_set(  # Dag works Tuesday to Friday
        actor=cast["hr"],
        person=colleague,
        valid_from=datetime.date(2026, 12, 1),
        days=["off", "office", "office", "office", "office", "off", "off"],
    )
    plan_services.unit_settings_save(
        actor=cast["manager"],
        unit=unit,
        coverage={"0": {"min_people": 3, "min_share": 0}, "1": {"min_people": 4, "min_share": 0}},
    )
    assessed(cast["employee"], cast["manager"])
    return unit


def ask(days="1", weekdays=(0,), **extra):
    values = {
        "days_per_week": days,
        "pattern": "fixed" if weekdays else "flexible",
        "weekdays": [str(day) for day in weekdays],
        "location": "home",
        "start_date": start().isoformat(),
    }
    return {**values, **extra}


def _post(client, url, data):
    client.get(reverse("arrangements:new"))  # the page sets the CSRF cookie, as for a browser
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def test_mondays_at_home_would_leave_the_unit_one_short_on_mondays(cast, support):
    asa = Client(enforce_csrf_checks=True)
    asa.force_login(cast["employee"])
    response = _post(asa, reverse("arrangements:new"), ask())
    request = Request.objects.get(person=cast["employee"])
    assert response.status_code == 302 and response.url == reverse("arrangements:detail", args=[request.pk])
    page = asa.get(response.url).content.decode()
    assert MONDAY_SHORT in page and "On a usual Tuesday" not in page

    _post(asa, reverse("arrangements:act", args=[request.pk, "submit"]), {})
    request.refresh_from_db()
    assert request.status == "in_review"
    recorded = [finding for finding in request.findings if finding["code"] == "coverage_shortfall"]
    assert len(recorded) == 1 and recorded[0]["params"]["weekday"] == 0
    assert (recorded[0]["params"]["available"], recorded[0]["params"]["needed"]) == (2, 3)


def test_the_manager_reads_the_shortfall_in_swedish(cast, support):
    manager = cast["manager"]
    manager.language = "sv"
    manager.save()
    asa = Client(enforce_csrf_checks=True)
    asa.force_login(cast["employee"])
    _post(asa, reverse("arrangements:new"), ask())
    request = Request.objects.get(person=cast["employee"])
    _post(asa, reverse("arrangements:act", args=[request.pk, "submit"]), {})
    bjorn = Client()
    bjorn.force_login(manager)
    page = bjorn.get(reverse("arrangements:detail", args=[request.pk])).content.decode()
    assert MONDAY_SHORT_SV in page


def test_the_live_findings_say_it_while_the_form_is_filled_in(cast, support):
    asa = Client(enforce_csrf_checks=True)
    asa.force_login(cast["employee"])
    page = _post(asa, reverse("arrangements:evaluate"), ask()).content.decode()
    assert MONDAY_SHORT in page


def test_days_the_unit_can_spare_give_no_finding(cast, support):
    """Wednesdays need nobody in particular; with one flexible day Åsa can keep to such days."""
    asa = Client(enforce_csrf_checks=True)
    asa.force_login(cast["employee"])
    for data in (ask(weekdays=(2,)), ask(weekdays=())):
        page = _post(asa, reverse("arrangements:evaluate"), data).content.decode()
        assert "your unit" not in page and "Your unit" not in page


def test_flexible_days_count_only_when_they_cannot_all_avoid_the_short_days(cast, support):
    """Without Åsa, Monday has 2 of 3 and Tuesday 3 of 4; Wednesday to Friday can spare her. Three
    flexible days fit there; four cannot, so one falls on a Monday or a Tuesday."""
    asa = Client(enforce_csrf_checks=True)
    asa.force_login(cast["employee"])
    page = _post(asa, reverse("arrangements:evaluate"), ask(days="3", weekdays=())).content.decode()
    assert "Your unit needs you" not in page
    page = _post(asa, reverse("arrangements:evaluate"), ask(days="4", weekdays=())).content.decode()
    assert (
        "Your unit needs you at the office on a usual Monday: without you it would have 2 there, 1 fewer "
        "than the 3 it needs, and the days asked for cannot all fall on other days."
    ) in page
    assert "on a usual Tuesday: without you it would have 3 there, 1 fewer than the 4 it needs" in page
    page = _post(asa, reverse("arrangements:evaluate"), ask(days="2", weekdays=(0, 1))).content.decode()
    assert MONDAY_SHORT in page
    assert "On a usual Tuesday your unit would have 3 at the office, 1 fewer than the 4 it needs." in page
