"""Who sees whose plan in the pages and the calendar feeds: a person's own unit, their managers at any
depth and HR; anyone else is told there is no such plan (404). Who is at an office is shown per site,
names only, unless the organisation switches it off."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from icalendar import Calendar

from distans.core.testing import html
from distans.org.models import Person
from distans.planning import services
from distans.planning.models import FeedToken

NEXT_MONDAY = datetime.date(2026, 12, 7)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def sick_monday(cast):
    asa = cast["employee"]
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="away", away_reason="sick")
    return asa


def team_page(client, user, unit_id):
    client.force_login(user)
    return client.get(reverse("planning:team", args=[unit_id]), {"week": "2026-W50"})


def test_a_colleague_in_another_unit_and_country_gets_404_for_her_team_week(client, cast, sick_monday):
    response = team_page(client, cast["outsider"], sick_monday.unit_id)
    assert response.status_code == 404 and "Öberg" not in response.content.decode()
    assert team_page(client, cast["outsider"], cast["outsider"].unit_id).status_code == 200  # his own


def test_her_own_unit_sees_where_she_is_never_why(client, cast, sick_monday):
    colleague = Person.objects.create_user(
        "cay@example.com", "x", first_name="Cay", last_name="Lee", unit=sick_monday.unit
    )
    page = html(team_page(client, colleague, sick_monday.unit_id))
    assert "Åsa Öberg" in page and "Away" in page and "Sick" not in page


@pytest.mark.parametrize("who", ["manager", "skip", "hr"])
def test_her_managers_at_any_depth_and_hr_see_her_days_and_the_reason(client, cast, sick_monday, who):
    response = team_page(client, cast[who], sick_monday.unit_id)
    assert response.status_code == 200 and "Away · Sick" in html(response)


def test_the_hr_approver_in_another_unit_does_not_see_a_team_week_she_has_no_part_in(
    client, cast, sick_monday
):
    assert team_page(client, cast["hr_approver"], sick_monday.unit_id).status_code == 404


def test_a_unit_feed_stops_when_its_reader_moves_to_another_unit(client, cast):
    asa = cast["employee"]
    token = services.feed_reset(actor=asa, person=asa, unit=asa.unit).token
    assert client.get(reverse("planning:feed", args=[token])).status_code == 200
    asa.unit = cast["outsider"].unit
    asa.save()
    assert client.get(reverse("planning:feed", args=[token])).status_code == 404
    assert FeedToken.objects.filter(token=token).exists()  # the address is dead, not deleted


def test_who_is_at_the_office_shows_names_without_reasons_unless_switched_off(client, cast, sick_monday):
    url = reverse("planning:site", args=[sick_monday.site_id])
    client.force_login(cast["outsider"])
    page = html(client.get(url, {"week": "2026-W50"}))
    assert "Björn Ekström" in page and "Åsa Öberg" in page and "Sick" not in page
    with override_settings(OFFICE_PRESENCE_VISIBLE=False):
        page = html(client.get(url, {"week": "2026-W50"}))
        assert "Björn Ekström" not in page and "Åsa Öberg" not in page
        assert "shows how many are at the office, not who" in page and "40 desks" in page
        client.force_login(cast["hr"])
        assert "Björn Ekström" in html(client.get(url, {"week": "2026-W50"}))


def test_the_personal_feed_says_away_never_why(client, cast, sick_monday):
    token = services.feed_reset(actor=sick_monday, person=sick_monday).token
    feed = Calendar.from_ical(client.get(reverse("planning:feed", args=[token])).content)
    monday = next(event for event in feed.walk("VEVENT") if event.decoded("dtstart") == NEXT_MONDAY)
    assert str(monday["summary"]) == "Away"
