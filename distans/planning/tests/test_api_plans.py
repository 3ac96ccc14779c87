"""The plans API as an integration uses it, with personal tokens: junk is refused with the field named
and nothing stored, times are "HH:MM", the error contract's statuses, and who sees whose plan."""

import datetime
import json

import pytest
import time_machine
from django.test import Client, override_settings

from distans.core.models import ApiToken
from distans.core.services import token_create
from distans.org.models import Person
from distans.planning import services
from distans.planning.models import DayChange, WorkPattern

NOW = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)  # a Tuesday
NEXT_MONDAY = datetime.date(2026, 12, 7)
WEEK = ["office", "office", "office", "office", "office", "off", "off"]


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def api(person):
    """A client that sends the person's own token (no session, CSRF enforced as for any client)."""
    _token, raw = token_create(
        actor=person, person=person, name="Plans script", scope=ApiToken.Scope.READ_WRITE
    )
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {raw}")

    def call(method, url, body=None, **query):
        if body is None:
            return getattr(client, method)(url, query)
        return getattr(client, method)(url, json.dumps(body), content_type="application/json")

    return call


def day_url(person, date="2026-12-07"):
    return f"/api/v1/plans/{person.pk}/{date}"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "teleport"}, "kind"),
        ({"kind": ""}, "kind"),
        ({"kind": "OFFICE"}, "kind"),
        ({"kind": "holiday"}, "kind"),
        ({"kind": "off"}, "kind"),
        ({"kind": "away", "away_reason": "party"}, "away_reason"),
        ({"kind": "abroad", "country": "Thailand"}, "country"),
        ({"kind": "abroad", "country": "th"}, "country"),
        ({"kind": "office", "site": 2**64}, "site"),
    ],
)
def test_junk_is_refused_naming_the_field_and_nothing_is_stored(cast, body, field):
    asa = cast["employee"]
    response = api(asa)("put", day_url(asa), body)
    assert response.status_code == 422, response.content
    assert response.json()["code"] and field in response.json()["message"]
    assert not DayChange.objects.exists()


@pytest.mark.parametrize(
    ("kind", "away_reason", "country", "field"),
    [
        ("teleport", "", "", "kind"),
        ("", "", "", "kind"),
        ("OFFICE", "", "", "kind"),
        ("holiday", "", "", "kind"),
        ("off", "", "", "kind"),
        ("away", "party", "", "away_reason"),
        ("abroad", "", "Narnia", "country"),
    ],
)
def test_the_service_refuses_junk_whatever_way_it_comes_in(cast, kind, away_reason, country, field):
    asa = cast["employee"]
    with pytest.raises(services.DomainError) as refused:
        services.day_set(
            actor=asa, person=asa, date=NEXT_MONDAY, kind=kind, away_reason=away_reason, country=country
        )
    assert refused.value.field == field and refused.value.status == 422
    assert not DayChange.objects.exists()


@pytest.mark.parametrize(
    ("date", "status", "code"),
    [
        ("1999-12-31", 422, "invalid"),
        ("2101-01-01", 422, "invalid"),
        ("0001-01-01", 422, "invalid"),
        ("2026-11-30", 422, "day_in_past"),
        ("2030-01-07", 422, "day_too_far"),
    ],
)
def test_days_in_the_past_or_too_far_ahead_are_refused_clearly(cast, date, status, code):
    asa = cast["employee"]
    response = api(asa)("put", day_url(asa, date), {"kind": "remote"})
    assert response.status_code == status and response.json()["code"] == code
    assert not DayChange.objects.exists()


def test_a_valid_away_day_abroad_day_and_back_to_usual(cast):
    asa = cast["employee"]
    call = api(asa)
    body = call("put", day_url(asa), {"kind": "away", "away_reason": "sick"}).json()
    assert (body["kind"], body["detail"], body["source"]) == ("away", "sick", "change")
    body = call("put", day_url(asa), {"kind": "usual"}).json()
    assert (body["kind"], body["source"]) == ("office", "default") and not DayChange.objects.exists()


def test_periods_outside_the_window_or_too_long_are_refused(cast):
    call = api(cast["employee"])
    person = cast["employee"].pk
    assert (
        call("get", "/api/v1/plans", person=person, **{"from": "1999-01-01", "to": "1999-01-02"}).status_code
        == 422
    )
    too_long = call("get", "/api/v1/plans", person=person, **{"from": "2026-01-01", "to": "2026-12-31"})
    assert too_long.status_code == 422 and too_long.json()["code"] == "invalid_period"
    neither = call("get", "/api/v1/plans", **{"from": "2026-12-07", "to": "2026-12-07"})
    assert neither.status_code == 422 and neither.json()["code"] == "unit_or_person"


def test_a_usual_week_whose_day_ends_before_it_starts_is_refused_and_nothing_stored(cast):
    asa = cast["employee"]
    call = api(asa)
    url = f"/api/v1/patterns/{asa.pk}"
    for start, end in (("17:00", "08:00"), ("09:00", "09:00")):
        body = {"valid_from": "2026-12-07", "days": WEEK, "work_start": start, "work_end": end}
        response = call("put", url, body)
        assert response.status_code == 422 and response.json()["code"] == "hours_in_wrong_order"
    only_end = call("put", url, {"valid_from": "2026-12-07", "days": WEEK, "work_end": "07:00"})
    assert only_end.status_code == 422  # before the usual 08:00 start
    for days in (["office"] * 6, [*WEEK[:6], "beach"], [*WEEK[:6], "OFF"]):
        response = call("put", url, {"valid_from": "2026-12-07", "days": days})
        assert response.status_code == 422 and "days" in response.json()["message"]
    assert not WorkPattern.objects.exists()


def test_times_are_hh_mm_in_and_out(cast):
    asa = cast["employee"]
    call = api(asa)
    url = f"/api/v1/patterns/{asa.pk}"
    body = {"valid_from": "2026-12-07", "days": WEEK, "work_start": "07:30", "work_end": "16:00"}
    saved = call("put", url, body).json()
    assert (saved["work_start"], saved["work_end"]) == ("07:30", "16:00")
    assert call("get", url).json()[0]["work_start"] == "07:30"
    for wrong in ("08:00:00", "8:00", "24:00", "08:60", "noon"):
        response = call("put", url, {**body, "work_start": wrong})
        assert response.status_code == 422 and "work_start" in response.json()["message"], wrong


def test_the_schema_shows_the_enums_the_times_and_the_date_window(cast):
    schema = api(cast["employee"])("get", "/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    day_in = components["DayIn"]["properties"]
    assert set(day_in["kind"]["enum"]) == {"office", "remote", "other", "abroad", "away", "usual"}
    assert set(day_in["away_reason"]["enum"]) == {"", "leave", "sick", "travel"}
    assert {"SE", "NO", "DK", "TH", ""} <= set(day_in["country"]["enum"])
    work_start = components["PatternOut"]["properties"]["work_start"]
    assert work_start["type"] == "string" and "format" not in work_start  # "time" would need an offset
    assert work_start["pattern"] == components["PatternIn"]["properties"]["work_start"]["anyOf"][0]["pattern"]
    assert set(components["PatternIn"]["properties"]["days"]["items"]["enum"]) == {"office", "remote", "off"}
    assert set(components["DayOut"]["properties"]["kind"]["enum"]) == {
        "office",
        "remote",
        "other",
        "abroad",
        "away",
        "off",
        "holiday",
    }


# Who sees whose plan: Åsa (Support Sweden); a colleague in her unit; Björn her manager and Cecilia his;
# Elin in HR; Olav in Sales Norway, in another unit and another country.


def colleague(cast):
    return Person.objects.create_user(
        "cay@example.com", "x", first_name="Cay", last_name="Lee", unit=cast["employee"].unit
    )


def test_a_colleague_in_another_unit_and_country_gets_404_for_her_plan(cast):
    asa, olav = cast["employee"], cast["outsider"]
    call = api(olav)
    period = {"from": "2026-12-07", "to": "2026-12-11"}
    assert call("get", "/api/v1/plans", person=asa.pk, **period).status_code == 404
    assert call("get", "/api/v1/plans", unit=asa.unit_id, **period).status_code == 404
    assert call("get", f"/api/v1/units/{asa.unit_id}/coverage", **period).status_code == 404
    assert call("get", f"/api/v1/patterns/{asa.pk}").status_code == 404
    assert call("put", day_url(asa), {"kind": "remote"}).status_code == 404
    assert call("get", "/api/v1/plans", person=olav.pk, **period).status_code == 200  # his own


@pytest.mark.parametrize(
    ("who", "reason"), [("colleague", ""), ("manager", "sick"), ("skip", "sick"), ("hr", "sick")]
)
def test_her_unit_her_managers_and_hr_see_her_days_and_only_managers_and_hr_the_reason(cast, who, reason):
    asa = cast["employee"]
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="away", away_reason="sick")
    reader = colleague(cast) if who == "colleague" else cast[who]
    call = api(reader)
    days = call("get", "/api/v1/plans", person=asa.pk, **{"from": "2026-12-07", "to": "2026-12-07"})
    assert days.status_code == 200 and (days.json()[0]["kind"], days.json()[0]["detail"]) == ("away", reason)
    unit = call("get", "/api/v1/plans", unit=asa.unit_id, **{"from": "2026-12-07", "to": "2026-12-07"})
    assert unit.status_code == 200 and {day["person_id"] for day in unit.json()} >= {asa.pk}
    coverage = call(
        "get", f"/api/v1/units/{asa.unit_id}/coverage", **{"from": "2026-12-07", "to": "2026-12-07"}
    )
    assert coverage.status_code == 200 and coverage.json()[0]["away"] == 1
    changing = call("put", day_url(asa, "2026-12-08"), {"kind": "away", "away_reason": "leave"})
    assert changing.status_code == (403 if who == "colleague" else 200)


def test_who_is_at_the_office_is_shown_per_site_unless_switched_off(cast):
    asa, olav = cast["employee"], cast["outsider"]
    services.day_set(actor=asa, person=asa, date=NEXT_MONDAY, kind="away", away_reason="sick")
    url = f"/api/v1/sites/{asa.site_id}/occupancy"
    period = {"from": "2026-12-07", "to": "2026-12-08"}
    monday, tuesday = api(olav)("get", url, **period).json()
    assert [person["name"] for person in tuesday["people"]] == ["Björn Ekström", "Åsa Öberg"]
    assert [person["name"] for person in monday["people"]] == ["Björn Ekström"]  # away: not there, no why
    assert "sick" not in json.dumps(monday)
    with override_settings(OFFICE_PRESENCE_VISIBLE=False):
        monday, tuesday = api(olav)("get", url, **period).json()
        assert tuesday["booked"] == 2 and tuesday["people"] is None
        assert len(api(cast["hr"])("get", url, **period).json()[1]["people"]) == 2


def test_ids_beyond_the_database_are_refused_not_failed(cast):
    call = api(cast["hr"])
    period = {"from": "2026-12-07", "to": "2026-12-07"}
    assert call("get", "/api/v1/plans", person=2**64, **period).status_code == 422
    assert call("get", f"/api/v1/sites/{2**64}/occupancy", **period).status_code == 422
    assert call("get", f"/api/v1/patterns/{2**64}").status_code == 422
