"""My week, Team week, Site day, Problems ahead, settings, feeds and the API."""

import datetime
import json
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from distans.core.models import ApiToken
from distans.core.services import token_create
from distans.core.testing import html
from distans.org.models import Person
from distans.planning import queries, services
from distans.planning.forms import duties_fingerprint
from distans.planning.models import DayChange, FeedToken, UnitPlanSettings

NEXT_MONDAY = datetime.date(2026, 12, 7)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def test_changing_a_day_in_my_week_answers_the_new_cell(client, cast):
    client.force_login(cast["employee"])
    response = client.post(
        reverse("planning:day_set", args=[cast["employee"].pk]),
        {"date": NEXT_MONDAY.isoformat(), "kind": "away", "away_reason": "leave"},
        HTTP_HX_REQUEST="true",
    )
    page = html(response)
    assert response.status_code == 200 and 'id="day-2026-12-07"' in page and "Away · Leave" in page
    assert "<html" not in page


def test_a_refused_change_says_why_in_the_cell(client, cast):
    site = cast["employee"].site
    site.desk_capacity = 1  # Åsa's usual office day takes the only desk
    site.save()
    client.force_login(cast["outsider"])
    response = client.post(
        reverse("planning:day_set", args=[cast["outsider"].pk]),
        {"date": NEXT_MONDAY.isoformat(), "kind": "office", "site": site.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 409 and "desks at Stockholm are taken" in response.content.decode()


def test_nobody_changes_a_colleagues_days(client, cast):
    url = reverse("planning:day_set", args=[cast["employee"].pk])
    colleague = Person.objects.create_user(
        "cay@example.com", "x", first_name="Cay", unit=cast["employee"].unit
    )
    client.force_login(colleague)  # sees Åsa's days, may not change them
    assert client.post(url, {"date": NEXT_MONDAY.isoformat(), "kind": "remote"}).status_code == 403
    client.force_login(cast["outsider"])  # another unit: her plan is not his to know of
    assert client.post(url, {"date": NEXT_MONDAY.isoformat(), "kind": "remote"}).status_code == 404
    assert not DayChange.objects.exists()


def test_my_week_shows_the_week_and_team_office_days_in_swedish(client, cast):
    UnitPlanSettings.objects.create(unit=cast["employee"].unit, office_weekdays=[1])
    cast["employee"].language = "sv"
    cast["employee"].save()
    client.force_login(cast["employee"])
    page = html(client.get(reverse("planning:my_week"), {"week": "2026-W50"}))
    assert "Vecka 50, 2026" in page and "Gruppens kontorsdagar: tisdag." in page
    assert "Kontor" in page and "Office" not in page


def test_a_colleague_sees_away_never_the_reason(client, cast):
    asa = cast["employee"]
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="away", away_reason="sick")
    url = reverse("planning:team", args=[asa.unit_id])
    colleague = Person.objects.create_user(
        "colleague@example.com", "x", first_name="Cay", last_name="Lee", unit=asa.unit
    )
    client.force_login(colleague)
    page = html(client.get(url, {"week": "2026-W50"}))
    assert "Away" in page and "Sick" not in page
    client.force_login(cast["manager"])
    assert "Sick" in html(client.get(url, {"week": "2026-W50"}))
    api = client.get(
        reverse("api:plans"), {"person": asa.pk, "from": "2026-12-07", "to": "2026-12-07"}
    ).json()
    assert api[0]["detail"] == "sick"
    client.force_login(colleague)
    api = client.get(
        reverse("api:plans"), {"person": asa.pk, "from": "2026-12-07", "to": "2026-12-07"}
    ).json()
    assert api[0]["kind"] == "away" and api[0]["detail"] == ""


def test_team_week_for_200_people_runs_the_same_few_queries_as_for_2(client, cast):
    unit = cast["employee"].unit
    UnitPlanSettings.objects.create(
        unit=unit, office_weekdays=[1], coverage={"0": {"min_people": 150, "min_share": 0}}
    )
    client.force_login(cast["manager"])
    url = reverse("planning:team", args=[unit.pk])

    def queries_for_page():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, {"week": "2026-W50"})
        assert response.status_code == 200
        return len(captured), html(response)

    small, _page = queries_for_page()
    Person.objects.bulk_create(
        [
            Person(
                email=f"p{n}@example.com",
                first_name="P",
                last_name=f"{n:03}",
                unit=unit,
                site=cast["employee"].site,
                search_text=f"p{n}",
            )
            for n in range(198)
        ]
    )
    large, page = queries_for_page()
    assert large == small
    # Asked again, the week is kept (planning.queries.team_week_kept): the session, the user with her roles
    # and whether she manages anyone, the unit, and the plan stamp.
    kept, again = queries_for_page()
    assert kept <= 4 and again.split("<table")[1:] == page.split("<table")[1:]
    assert page.count('class="cell kind-office') >= 200 * 5 - 5  # the team office day's cells marked too


def test_site_day_counts_bookings_against_desks(client, cast):
    client.force_login(cast["outsider"])
    page = html(client.get(reverse("planning:site", args=[cast["employee"].site_id]), {"week": "2026-W50"}))
    assert "40 desks" in page and "Åsa Öberg" in page


def test_problems_ahead_lists_a_coverage_shortfall_for_the_manager(client, cast):
    UnitPlanSettings.objects.create(
        unit=cast["employee"].unit, coverage={"2": {"min_people": 5, "min_share": 0}}
    )
    client.force_login(cast["manager"])
    page = html(client.get(reverse("planning:problems")))
    assert "Fewer at the office than the coverage needs" in page and "Support Sweden" in page
    assert "2 of 5 at the office" in page  # Åsa and Björn, every Wednesday, one line with its days
    assert page.count("Fewer at the office than the coverage needs") == 1


def test_manager_saves_team_office_days_coverage_and_a_duty(client, cast):
    unit = cast["employee"].unit
    client.force_login(cast["manager"])
    response = client.post(
        reverse("planning:unit_settings", args=[unit.pk]),
        {
            "office_weekdays": ["1", "3"],
            "office_dates": "2026-12-11, 2026-12-18",
            "min_people_0": "2",
            "duties_seen": duties_fingerprint([]),
            "duty-TOTAL_FORMS": "1",
            "duty-INITIAL_FORMS": "0",
            "duty-0-name": "Telephone",
            "duty-0-weekdays": ["0"],
            "duty-0-start": "09:00",
            "duty-0-end": "12:00",
            "duty-0-time_zone": "Europe/Stockholm",
            "duty-0-min_people": "1",
        },
    )
    assert response.status_code == 302
    settings = queries.unit_settings(unit)
    assert settings["office_weekdays"] == [1, 3] and settings["coverage"]["0"]["min_people"] == 2
    assert settings["duties"][0]["name"] == "Telephone"
    assert settings["office_dates"] == ["2026-12-11", "2026-12-18"]
    grid = queries.team_week(unit, queries.week_of(datetime.date(2026, 12, 11)))
    assert [column["office_day"] for column in grid["columns"]][:5] == [False, True, False, True, True]
    client.force_login(cast["outsider"])
    assert client.get(reverse("planning:unit_settings", args=[unit.pk])).status_code == 403


def test_a_duty_without_its_hours_is_refused(client, cast):
    client.force_login(cast["manager"])
    response = client.post(
        reverse("planning:unit_settings", args=[cast["employee"].unit_id]),
        {
            "duties_seen": duties_fingerprint([]),
            "duty-TOTAL_FORMS": "1",
            "duty-INITIAL_FORMS": "0",
            "duty-0-name": "Telephone",
            "duty-0-time_zone": "Europe/Stockholm",
            "duty-0-min_people": "1",
        },
    )
    assert response.status_code == 422
    assert "Choose the days the duty is needed." in response.content.decode()


def test_the_calendar_feed_parses_matches_the_plan_and_keeps_its_uids(client, cast):
    asa = cast["employee"]
    UnitPlanSettings.objects.create(unit=asa.unit, office_weekdays=[1])
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="away", away_reason="leave")
    token = services.feed_reset(actor=asa, person=asa).token
    first = Calendar.from_ical(client.get(reverse("planning:feed", args=[token])).content)
    events = {event["uid"]: event for event in first.walk("VEVENT")}
    monday = next(event for event in events.values() if event.decoded("dtstart") == NEXT_MONDAY)
    assert str(monday["summary"]) == "Away"
    assert monday["dtstart"].params.get("VALUE") == "DATE" or isinstance(
        monday.decoded("dtstart"), datetime.date
    )
    tuesday = next(
        event for event in events.values() if event.decoded("dtstart") == NEXT_MONDAY + datetime.timedelta(1)
    )
    assert "team office day" in str(tuesday["summary"])
    assert all(event.get("dtstamp") for event in events.values())
    again = Calendar.from_ical(client.get(reverse("planning:feed", args=[token])).content)
    assert {str(event["uid"]) for event in again.walk("VEVENT")} == {str(uid) for uid in events}


def test_resetting_the_feed_address_stops_the_old_one(client, cast):
    asa = cast["employee"]
    old = services.feed_reset(actor=asa, person=asa).token
    client.force_login(asa)
    client.post(reverse("planning:feed_reset"))
    assert client.get(reverse("planning:feed", args=[old])).status_code == 404
    new = FeedToken.objects.get(person=asa).token
    assert client.get(reverse("planning:feed", args=[new])).status_code == 200


def test_api_day_change_is_refused_with_a_reason(client, cast):
    asa = cast["employee"]
    _token, raw = token_create(actor=asa, person=asa, name="Script", scope=ApiToken.Scope.READ_WRITE)
    client.force_login(asa)
    url = reverse("api:plan_day", args=[asa.pk, "2026-12-07"])
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {raw}", "content_type": "application/json"}
    response = client.put(url, json.dumps({"kind": "abroad", "country": "TH"}), **bearer)
    assert response.status_code == 422 and response.json()["code"] == "abroad_needs_agreement"
    response = client.put(url, json.dumps({"kind": "remote"}), **bearer)
    assert response.json()["kind"] == "remote"
    coverage = client.get(
        reverse("api:unit_coverage", args=[asa.unit_id]), {"from": "2026-12-07", "to": "2026-12-11"}
    ).json()
    assert coverage[0]["remote"] == 1 and len(coverage) == 5
    occupancy = client.get(
        reverse("api:site_occupancy", args=[asa.site_id]), {"from": "2026-12-07", "to": "2026-12-08"}
    ).json()
    assert [day["booked"] for day in occupancy] == [1, 2] and occupancy[0]["capacity"] == 40


def test_the_unit_feed_has_counts_and_team_office_days(client, cast):
    asa = cast["employee"]
    UnitPlanSettings.objects.create(unit=asa.unit, office_weekdays=[1])
    client.force_login(asa)
    client.post(reverse("planning:feed_reset"), {"unit": "1"})
    token = FeedToken.objects.get(person=asa, unit=asa.unit).token
    feed = Calendar.from_ical(client.get(reverse("planning:feed", args=[token])).content)
    tuesday = next(
        event
        for event in feed.walk("VEVENT")
        if event.decoded("dtstart") == NEXT_MONDAY + datetime.timedelta(1)
    )
    assert str(tuesday["summary"]).startswith("Team office day · Office 2")


def test_a_manager_runs_the_planner_in_the_background_and_applies_the_proposal(client, cast):
    from django.core import mail

    from distans.agreements.testing import agreement_in_force
    from distans.core.testing import run_due_tasks
    from distans.planning.models import PlannerRun

    unit = cast["employee"].unit
    UnitPlanSettings.objects.create(unit=unit, office_weekdays=[2])
    for person in (cast["employee"], cast["manager"]):
        agreement_in_force(cast, person, days="1")
        services.pattern_set(
            actor=cast["hr"],
            person=person,
            valid_from=NEXT_MONDAY,
            days=["office", "office", "remote", "office", "office", "off", "off"],
        )
    client.force_login(cast["manager"])
    response = client.post(
        reverse("planning:planner", args=[unit.pk]),
        {
            "week": "2026-W50",
            "time_limit": 5,
            "preferences": 3,
            "colocation": 2,
            "fairness": 2,
            "stability": 1,
            "balance": 1,
        },
    )
    run = PlannerRun.objects.get()
    assert response.url == reverse("planning:planner_run", args=[run.pk])
    waiting = client.get(reverse("planning:planner_run", args=[run.pk]), HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 2s"' in html(waiting)  # the page polls while the task works

    run_due_tasks()
    run.refresh_from_db()
    assert run.status == "done" and run.result["status"] in ("optimal", "feasible")
    page = html(client.get(reverse("planning:planner_run", args=[run.pk])))
    assert "would change their office days" in page and "Wednesday" in page
    assert all(2 in days for days in run.result["office"].values())  # the team office day holds

    mail.outbox.clear()
    client.post(reverse("planning:planner_apply", args=[run.pk]), {"person": [str(cast["employee"].pk)]})
    wednesday = queries.person_days(cast["employee"], [NEXT_MONDAY + datetime.timedelta(days=2)])[0]
    assert wednesday.kind == "office"
    run_due_tasks()
    assert any("week 2026-W50" in message.subject for message in mail.outbox)


def test_the_planner_explains_when_no_plan_fits(client, cast):
    from distans.core.testing import run_due_tasks
    from distans.planning.models import PlannerRun

    unit = cast["employee"].unit
    UnitPlanSettings.objects.create(unit=unit, coverage={"0": {"min_people": 5, "min_share": 0}})
    client.force_login(cast["manager"])
    client.post(
        reverse("planning:planner", args=[unit.pk]),
        {
            "week": "2026-W50",
            "time_limit": 5,
            "preferences": 3,
            "colocation": 2,
            "fairness": 2,
            "stability": 1,
            "balance": 1,
        },
    )
    run_due_tasks()
    page = html(client.get(reverse("planning:planner_run", args=[PlannerRun.objects.get().pk])))
    assert (
        "No plan can meet every requirement." in page
        and "Support Sweden needs 5 at the office on Monday" in page
    )


def test_hr_plans_a_whole_office_and_applies_it_as_the_usual_week(client, cast):
    from distans.core.testing import run_due_tasks
    from distans.planning.models import PlannerRun, WorkPattern

    site = cast["employee"].site
    UnitPlanSettings.objects.create(unit=cast["employee"].unit, office_weekdays=[3])
    client.force_login(cast["hr"])
    client.post(
        reverse("planning:site_planner", args=[site.pk]),
        {
            "week": "2026-W50",
            "time_limit": 5,
            "preferences": 3,
            "colocation": 2,
            "fairness": 2,
            "stability": 1,
            "balance": 1,
        },
    )
    run = PlannerRun.objects.get(site=site)
    run_due_tasks()
    run.refresh_from_db()
    assert set(run.result["names"]) == {str(cast["employee"].pk), str(cast["manager"].pk)}
    client.post(
        reverse("planning:planner_apply", args=[run.pk]),
        {"person": [str(cast["employee"].pk)], "mode": "usual"},
    )
    pattern = WorkPattern.objects.get(person=cast["employee"])
    assert pattern.valid_from == NEXT_MONDAY and pattern.thu == "office" and pattern.sat == "off"


def test_preferences_reach_the_planner(client, cast):
    from distans.planning import planner_data

    client.force_login(cast["employee"])
    client.post(
        reverse("planning:preferences_set"), {"preferred_office": ["1", "3"], "unwanted_office": ["4"]}
    )
    problem, _names = planner_data.problem_for(queries.unit_members(cast["employee"].unit), NEXT_MONDAY)
    asa = next(person for person in problem.people if person.id == cast["employee"].pk)
    assert (asa.preferred_office, asa.unwanted_office) == ((1, 3), (4,))
    response = client.post(
        reverse("planning:preferences_set"), {"preferred_office": ["1"], "unwanted_office": ["1"]}
    )
    assert response.status_code == 302
    assert (asa.preferred_office, asa.unwanted_office) == ((1, 3), (4,))


def test_date_fields_hold_the_iso_date_the_browser_needs_in_every_language(client, cast):
    """A date input shows nothing for "07.12.2026": Danish pages must still fill it, with 2026-12-07."""
    asa = cast["employee"]
    for language in ("da", "nb", "sv", "en"):
        asa.language = language
        asa.save()
        client.force_login(asa)
        page = html(client.get(reverse("planning:my_week"), {"week": "2026-W50"}))
        assert re.search(r'type="date" name="valid_from" value="2026-12-0\d"', page), language
