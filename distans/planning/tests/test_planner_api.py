"""The planner API with personal tokens, as a script would use it: start a run, follow it while the
worker solves it, read the proposal and what it removes, apply it to the week planned. Every input is
checked with a clear 4xx; the permissions are the pages'."""

import datetime
import json

import pytest
import time_machine
from django.test import Client

from distans.agreements.testing import agreement_in_force
from distans.core.models import ApiToken
from distans.core.services import token_create
from distans.core.testing import run_due_tasks
from distans.planning import queries, services
from distans.planning.models import PlannerRun, UnitPlanSettings

NOW = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)  # a Tuesday in week 49
NEXT_MONDAY = datetime.date(2026, 12, 7)  # week 50
USUAL = ["office", "office", "remote", "office", "office", "off", "off"]  # Wednesday at home


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def team(cast):
    """Support Sweden meets on Wednesdays, the day Åsa and Björn, each with a one-day agreement, usually
    work from home."""
    UnitPlanSettings.objects.create(unit=cast["employee"].unit, office_weekdays=[2])
    for person in (cast["employee"], cast["manager"]):
        agreement_in_force(cast, person, days="1")
        services.pattern_set(actor=cast["hr"], person=person, valid_from=NEXT_MONDAY, days=USUAL)
    return cast["employee"].unit


def api(person):
    """A client that sends the person's own token, as an integration does (no session, no CSRF)."""
    _token, raw = token_create(
        actor=person, person=person, name="Planner script", scope=ApiToken.Scope.READ_WRITE
    )
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")

    def call(method, url, body=None):
        if body is None:
            return getattr(client, method)(url)
        return getattr(client, method)(url, json.dumps(body), content_type="application/json")

    return call


def test_a_manager_plans_her_units_week_follows_it_and_applies_it(cast, team):
    call = api(cast["manager"])
    response = call("post", "/api/v1/planner/runs", {"unit": team.pk, "week": "2026-W50", "time_limit": 5})
    assert response.status_code == 201
    run = response.json()
    assert (run["status"], run["week"], run["result"]) == ("queued", "2026-W50", None)
    assert run["url"].endswith(f"/plans/planner/{run['id']}/")

    run_due_tasks()  # the worker solves it
    body = call("get", f"/api/v1/planner/runs/{run['id']}").json()
    assert body["status"] == "done" and body["result"]["status"] in ("optimal", "feasible")
    people = {person["name"]: person for person in body["result"]["people"]}
    assert 2 in people["Åsa Öberg"]["proposed"] and people["Åsa Öberg"]["changed"]
    assert (
        "Support Sweden: 2 people not at the office on the team day, Wednesday" in body["result"]["removes"]
    )

    applied = call("post", f"/api/v1/planner/runs/{run['id']}/apply", {"people": [cast["employee"].pk]})
    assert applied.status_code == 200 and applied.json()["week"] == "2026-W50"
    assert applied.json()["changed"] == 1
    wednesday = queries.person_days(cast["employee"], [NEXT_MONDAY + datetime.timedelta(days=2)])[0]
    assert wednesday.kind == "office", "applied to the week that was planned"
    bjorn = queries.person_days(cast["manager"], [NEXT_MONDAY + datetime.timedelta(days=2)])[0]
    assert bjorn.kind == "remote", "only the people listed"
    again = call("post", f"/api/v1/planner/runs/{run['id']}/apply", {})
    assert again.status_code == 409 and again.json()["code"] == "planner_applied"


def test_hr_plans_a_whole_office_for_everyone_whose_days_change_as_their_usual_week(cast, team):
    call = api(cast["hr"])
    site = cast["employee"].site
    run = call("post", "/api/v1/planner/runs", {"site": site.pk, "week": "2026-W50", "time_limit": 5}).json()
    run_due_tasks()
    applied = call("post", f"/api/v1/planner/runs/{run['id']}/apply", {"mode": "usual"}).json()
    assert applied["changed"] == 2 and applied["refused"] == []
    for person in (cast["employee"], cast["manager"]):
        assert person.work_patterns.get(valid_from=NEXT_MONDAY).wed == "office"


def test_the_conflicts_come_in_the_callers_language(cast):
    UnitPlanSettings.objects.create(
        unit=cast["employee"].unit, coverage={"0": {"min_people": 5, "min_share": 0}}
    )
    cast["manager"].language = "sv"
    cast["manager"].save()
    call = api(cast["manager"])
    run = call("post", "/api/v1/planner/runs", {"unit": cast["employee"].unit_id, "week": "2026-W50"}).json()
    run_due_tasks()
    result = call("get", f"/api/v1/planner/runs/{run['id']}").json()["result"]
    assert result["status"] == "infeasible"
    assert "Support Sweden behöver 5 på kontoret på måndag" in result["conflicts"]
    assert result["people"] == [] and result["removes"] is None
    refused = call("post", f"/api/v1/planner/runs/{run['id']}/apply", {})
    assert refused.status_code == 409 and refused.json()["message"] == (
        "Den här körningen hittade ingen plan att tillämpa."
    )


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        ({"week": "2026-W50"}, 422, "Give either a unit or a site, not both."),
        ({"unit": "{unit}", "site": "{site}", "week": "2026-W50"}, 422, "Give either a unit or a site"),
        ({"unit": "{unit}", "week": "2026-50"}, 422, "week: Write the week as 2027-W02."),
        ({"unit": "{unit}", "week": "2026-W60"}, 422, "week: Write the week as 2027-W02."),
        (
            {"unit": "{unit}", "week": "2026-W48"},
            422,
            "Week 48, 2026 has passed. Plan week 50, 2026 or a later one.",
        ),
        ({"unit": "{unit}", "week": "2026-W50", "time_limit": 600}, 422, "time_limit:"),
        ({"unit": "{unit}", "week": "2026-W50", "weights": {"fairness": 11}}, 422, "weights.fairness:"),
        ({"unit": "{unit}", "week": "2026-W50", "weights": {"speed": 1}}, 422, "weights.speed"),
        ({"unit": "{unit}", "week": "2026-W50", "colour": "red"}, 422, "colour"),
        ({"unit": 999999, "week": "2026-W50"}, 404, "Not found"),
        ({"site": 999999, "week": "2026-W50"}, 404, "Not found"),
        ({"site": "{site}", "week": "2026-W50"}, 403, "not allowed"),  # an office is HR's to plan
    ],
)
def test_every_input_is_checked_with_a_clear_answer(cast, body, status, says):
    values = {"{unit}": cast["employee"].unit_id, "{site}": cast["employee"].site_id}
    body = {key: values.get(value, value) if isinstance(value, str) else value for key, value in body.items()}
    response = api(cast["manager"])("post", "/api/v1/planner/runs", body)
    assert response.status_code == status, response.json()
    assert says in response.json()["message"]
    assert not PlannerRun.objects.exists()


def test_the_current_week_may_still_be_planned(cast):
    response = api(cast["manager"])(
        "post", "/api/v1/planner/runs", {"unit": cast["employee"].unit_id, "week": "2026-W49"}
    )
    assert response.status_code == 201


def test_the_permissions_are_the_pages(cast, team):
    run = api(cast["manager"])("post", "/api/v1/planner/runs", {"unit": team.pk, "week": "2026-W50"}).json()
    for role, status in (("employee", 403), ("outsider", 403), ("hr_approver", 403), ("hr", 200)):
        assert api(cast[role])("get", f"/api/v1/planner/runs/{run['id']}").status_code == status, role
    assert api(cast["employee"])("post", f"/api/v1/planner/runs/{run['id']}/apply", {}).status_code == 403
    assert (
        api(cast["employee"])(
            "post", "/api/v1/planner/runs", {"unit": team.pk, "week": "2026-W50"}
        ).status_code
        == 403
    )
    assert api(cast["hr"])("get", "/api/v1/planner/runs/999999").status_code == 404
    assert Client().get(f"/api/v1/planner/runs/{run['id']}").status_code == 401


def test_applying_checks_what_is_applied(cast, team):
    call = api(cast["manager"])
    run = call("post", "/api/v1/planner/runs", {"unit": team.pk, "week": "2026-W50", "time_limit": 5}).json()
    apply = f"/api/v1/planner/runs/{run['id']}/apply"
    early = call("post", apply, {})
    assert early.status_code == 409 and early.json()["code"] == "planner_not_done"
    run_due_tasks()
    stranger = call("post", apply, {"people": [cast["outsider"].pk]})
    assert stranger.status_code == 422 and str(cast["outsider"].pk) in stranger.json()["message"]
    assert call("post", apply, {"mode": "sometimes"}).status_code == 422
    assert call("post", apply, {"people": "everyone"}).status_code == 422
    with time_machine.travel(datetime.datetime(2026, 12, 12, 9, tzinfo=datetime.UTC), tick=False):
        late = call("post", apply, {})
        assert late.status_code == 409 and "Week 50, 2026 has passed" in late.json()["message"]
        assert "Week 50, 2026 has passed" in call("get", f"/api/v1/planner/runs/{run['id']}").json()["notice"]


def test_a_run_no_worker_picks_up_says_so_and_how_to_start_one(cast, team):
    call = api(cast["manager"])
    run = call("post", "/api/v1/planner/runs", {"unit": team.pk, "week": "2026-W50"}).json()
    assert run["waiting_for_worker"] is False and run["notice"] == ""
    with time_machine.travel(NOW + datetime.timedelta(seconds=11), tick=False):
        body = call("get", f"/api/v1/planner/runs/{run['id']}").json()
    assert body["status"] == "queued" and body["waiting_for_worker"] is True
    assert "manage.py db_worker" in body["notice"]


def test_a_browser_session_must_send_the_csrf_token(cast, team):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["manager"])
    body = json.dumps({"unit": team.pk, "week": "2026-W50"})
    response = client.post("/api/v1/planner/runs", body, content_type="application/json")
    assert response.status_code == 403 and not PlannerRun.objects.exists()
    client.get("/plans/")  # the page sets the CSRF cookie, as the browser's would
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/planner/runs", body, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201


def test_days_gone_by_stay_as_they_were(cast):
    """On Tuesday of week 49 the team meets on Mondays, the day Åsa and Björn work from home: a plan
    for next week brings them in on Monday, a plan for this week leaves yesterday alone."""
    UnitPlanSettings.objects.create(unit=cast["employee"].unit, office_weekdays=[0])
    monday_home = ["remote", "office", "office", "office", "office", "off", "off"]
    for person in (cast["employee"], cast["manager"]):
        with time_machine.travel(datetime.datetime(2026, 11, 27, 9, tzinfo=datetime.UTC), tick=False):
            agreement_in_force(cast, person, days="1")
            services.pattern_set(
                actor=cast["hr"], person=person, valid_from=datetime.date(2026, 11, 30), days=monday_home
            )
    call = api(cast["manager"])
    runs = {
        week: call("post", "/api/v1/planner/runs", {"unit": cast["employee"].unit_id, "week": week}).json()
        for week in ("2026-W49", "2026-W50")
    }
    run_due_tasks()
    proposed = {}
    for week, run in runs.items():
        result = call("get", f"/api/v1/planner/runs/{run['id']}").json()["result"]
        proposed[week] = {person["name"]: person["proposed"] for person in result["people"]}
    assert 0 in proposed["2026-W50"]["Åsa Öberg"], "next week, the team day brings her in"
    assert all(0 not in days for days in proposed["2026-W49"].values()), "yesterday is left as it was"
