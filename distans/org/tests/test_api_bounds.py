"""Issue 14: list paging is bounded, so a huge offset is invalid input (422), not a database failure."""

import pytest

from distans.core.testing import api_as, send

LISTS = ["/api/v1/units", "/api/v1/sites", "/api/v1/people", "/api/v1/checklists/assignments"]
OUT_OF_BOUNDS = [("offset", 2**70), ("offset", -1), ("limit", 10**6), ("limit", 0)]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(("name", "value"), OUT_OF_BOUNDS)
def test_an_offset_or_limit_out_of_bounds_is_a_422_naming_it(cast, url, name, value):
    answer = api_as(cast["hr"]).get(url, {name: value})
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid" and name in answer.json()["message"]


def test_a_page_within_the_bounds_still_lists(cast):
    client = api_as(cast["hr"])
    assert client.get("/api/v1/units", {"offset": 0, "limit": 500}).json()["count"] == 3
    assert client.get("/api/v1/sites", {"offset": 1_000_000}).json()["items"] == []


def test_people_s_details_use_the_schema_s_enums(cast):
    details = api_as(cast["hr"]).get(f"/api/v1/people/{cast['outsider'].pk}").json()["details"]
    assert details["country"] == "NO" and details["language"] == "en"


HUGE = 2**70
PROBES = [
    ("get", f"/api/v1/people/{HUGE}", None),
    ("get", f"/api/v1/people?unit={HUGE}", None),
    ("get", f"/api/v1/people?site={HUGE}", None),
    ("get", f"/api/v1/requests/{HUGE}", None),
    ("get", f"/api/v1/agreements?person={HUGE}", None),
    ("get", f"/api/v1/equipment/loans?person={HUGE}", None),
    ("get", f"/api/v1/followups?person={HUGE}", None),
    ("get", f"/api/v1/checklists/assignments?person={HUGE}", None),
    (
        "post",
        "/api/v1/deviations",
        {"person": HUGE, "kind": "other", "description": "x", "occurred_on": "2026-01-05"},
    ),
    ("post", "/api/v1/requests", {"person": HUGE, "days_per_week": "1", "start_date": "2030-01-07"}),
]


@pytest.mark.parametrize(("method", "url", "body"), PROBES)
def test_an_id_beyond_64_bits_is_never_a_server_error(cast, method, url, body):
    client = api_as(cast["hr"])
    answer = send(client, method, url, body) if body else client.get(url)
    assert answer.status_code in (404, 422), answer.content
