"""What the planning pages accept: the choices and dates the service accepts, a usual week whose day
ends after it starts, with the refusal beside the field and nothing stored; and a day stored before
its values were checked is shown as it is, never failing a page."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from distans.core.testing import html
from distans.planning import services
from distans.planning.forms import duties_fingerprint
from distans.planning.models import DayChange, UnitPlanSettings, WorkPattern

NEXT_MONDAY = datetime.date(2026, 12, 7)
USUAL_WEEK = {f"day{n}": "office" for n in range(5)} | {"day5": "off", "day6": "off"}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def signed_in(person) -> Client:
    """A browser's client: CSRF enforced, with the token the page's cookie gives."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    client.get(reverse("planning:my_week"))
    return client


def post(client, url, data, **extra):
    return client.post(url, data, HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value, **extra)


@pytest.mark.parametrize(
    "values",
    [
        {"kind": "teleport"},
        {"kind": ""},
        {"kind": "OFFICE"},
        {"kind": "holiday"},
        {"kind": "off"},
        {"kind": "away", "away_reason": "party"},
        {"kind": "abroad", "country": "Thailand"},
        {"kind": "remote", "date": "0001-01-01"},
        {"kind": "remote", "date": "2101-01-03"},
    ],
)
def test_a_day_with_junk_is_refused_in_place_and_nothing_is_stored(cast, values):
    asa = cast["employee"]
    client = signed_in(asa)
    response = post(
        client,
        reverse("planning:day_set", args=[asa.pk]),
        {"date": NEXT_MONDAY.isoformat(), **values},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422 and response.content.decode() == "Choose a day and where you will be."
    assert not DayChange.objects.exists()


def test_a_day_too_far_ahead_is_refused_in_its_cell(cast):
    asa = cast["employee"]
    response = post(
        signed_in(asa),
        reverse("planning:day_set", args=[asa.pk]),
        {"date": "2030-01-07", "kind": "remote"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422 and "Days can be planned up to" in response.content.decode()
    assert 'role="alert"' in response.content.decode() and not DayChange.objects.exists()


@pytest.mark.parametrize(("start", "end"), [("17:00", "08:00"), ("09:00", "09:00")])
def test_a_usual_week_ending_before_it_starts_is_refused_beside_the_field(cast, start, end):
    asa = cast["employee"]
    response = post(
        signed_in(asa),
        reverse("planning:pattern_set", args=[asa.pk]),
        {"valid_from": "2026-12-07", "work_start": start, "work_end": end, **USUAL_WEEK},
    )
    page = response.content.decode()
    assert response.status_code == 422 and "The working day must end after it starts." in page
    assert f'value="{start}"' in page  # what she typed is kept to correct
    assert not WorkPattern.objects.exists()


def test_a_usual_week_from_the_year_1_is_refused_beside_the_field(cast):
    asa = cast["employee"]
    response = post(
        signed_in(asa),
        reverse("planning:pattern_set", args=[asa.pk]),
        {"valid_from": "0001-01-01", "work_start": "08:00", "work_end": "16:00", **USUAL_WEEK},
    )
    assert response.status_code == 422
    assert "Choose a date between 2000-01-01 and 2100-12-31." in response.content.decode()
    assert not WorkPattern.objects.exists()


def test_a_usual_week_the_service_refuses_is_shown_on_the_page_too(cast):
    asa = cast["employee"]
    response = post(
        signed_in(asa),
        reverse("planning:pattern_set", args=[asa.pk]),
        {
            "valid_from": "2026-12-07",
            "work_start": "08:00",
            "work_end": "16:00",
            **USUAL_WEEK,
            "day1": "remote",
        },
    )
    assert response.status_code == 422 and "need a remote work agreement" in response.content.decode()
    assert not WorkPattern.objects.exists()


def test_team_office_dates_outside_the_window_are_refused(cast):
    unit = cast["employee"].unit
    response = post(
        signed_in(cast["manager"]),
        reverse("planning:unit_settings", args=[unit.pk]),
        {
            "office_dates": "0001-01-01",
            "duties_seen": duties_fingerprint([]),
            "duty-TOTAL_FORMS": "0",
            "duty-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 422
    assert "Choose a date between 2000-01-01 and 2100-12-31." in response.content.decode()
    assert not UnitPlanSettings.objects.exists()


@pytest.mark.parametrize(
    ("kind", "away_reason"), [("teleport", ""), ("OFFICE", ""), ("holiday", ""), ("away", "party")]
)
def test_a_week_with_a_day_stored_before_it_was_checked_still_renders(client, cast, kind, away_reason):
    """Written by an earlier version that checked nothing: shown as it is, to her and to her team."""
    asa = cast["employee"]
    DayChange.objects.create(person=asa, date=NEXT_MONDAY, kind=kind, away_reason=away_reason)
    shown = kind if kind != "away" else "Away · party"
    client.force_login(asa)
    my_week = client.get(reverse("planning:my_week"), {"week": "2026-W50"})
    assert my_week.status_code == 200 and shown in html(my_week)
    client.force_login(cast["manager"])
    team = client.get(reverse("planning:team", args=[asa.unit_id]), {"week": "2026-W50"})
    assert team.status_code == 200 and shown in html(team)
    token = services.feed_reset(actor=asa, person=asa).token
    feed = Calendar.from_ical(client.get(reverse("planning:feed", args=[token])).content)
    assert any(event.decoded("dtstart") == NEXT_MONDAY for event in feed.walk("VEVENT"))


def test_a_stored_kind_is_escaped_in_the_team_grid(client, cast):
    asa = cast["employee"]
    DayChange.objects.create(person=asa, date=NEXT_MONDAY, kind='"><b>x')
    client.force_login(cast["manager"])
    page = html(client.get(reverse("planning:team", args=[asa.unit_id]), {"week": "2026-W50"}))
    assert '"><b>x' not in page and "&quot;&gt;&lt;b&gt;x" in page


@pytest.mark.parametrize("week", ["0001-W01", "9999-W52", "2026-W60", "week"])
def test_a_week_out_of_reach_opens_the_current_week(client, cast, week):
    client.force_login(cast["employee"])
    for url in (reverse("planning:my_week"), reverse("planning:my_team")):
        page = html(client.get(url, {"week": week}))
        assert "Week 49, 2026" in page
