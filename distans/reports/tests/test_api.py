"""The reports' API routes with a real token: the pages' figures and access rules, privacy by
aggregation, and a bounded number of queries."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group

from distans.core.services import token_create
from distans.planning.models import DayChange
from distans.reports.tests import test_business_case
from distans.reports.tests.test_business_case import END, START

# The five people of the business case's hand-computed test, with its factors and its HR reader.
factors, five, hr = test_business_case.factors, test_business_case.five, test_business_case.hr
desks = test_business_case.desks

BUSINESS_CASE = "/api/v1/reports/business-case"


def bearer(person) -> dict:
    _token, raw = token_create(actor=person, person=person, name="Reports")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _table(data: dict, name: str) -> list[list]:
    return next(table["rows"] for table in data["tables"] if table["name"] == name)


@pytest.mark.usefixtures("factors")
def test_the_business_case_gives_the_page_s_figures_and_hides_a_group_of_four(
    client,
    five,
    hr,
    django_assert_max_num_queries,
):
    query = {"from": START, "to": END, "unit": "T"}
    with django_assert_max_num_queries(20):
        response = client.get(BUSINESS_CASE, query, **bearer(hr))
    data = response.json()
    assert response.status_code == 200, data
    assert (data["people"], data["current"], data["min_group"]) == (5, True, 5)
    assert [row[1] for row in _table(data, "business-case-weeks")] == [5, 4]  # as computed by hand
    five["eva"].is_active = False
    five["eva"].save()
    hidden = client.get(BUSINESS_CASE, query, **bearer(hr)).json()
    assert hidden["people"] is None
    assert [row[1] for row in _table(hidden, "business-case-weeks")] == [None, None]


@pytest.mark.usefixtures("factors")
def test_the_business_case_refuses_who_may_not_see_it(client, five, hr, cast):
    assert client.get(BUSINESS_CASE, **bearer(cast["employee"])).status_code == 403
    # A manager's choice is among her own units: another unit is not found, whatever it holds.
    refused = client.get(BUSINESS_CASE, {"unit": "T"}, **bearer(cast["manager"]))
    assert refused.status_code == 404
    assert set(refused.json()) == {"code", "message"}
    assert client.get(BUSINESS_CASE, {"site": 999999}, **bearer(hr)).status_code == 404
    wrong = client.get(BUSINESS_CASE, {"from": END, "to": START}, **bearer(hr))
    assert wrong.status_code == 422
    assert "to" in wrong.json()["message"]


def test_does_it_work_gives_each_section_s_tables(client, cast, django_assert_max_num_queries):
    headers = bearer(cast["hr"])
    with django_assert_max_num_queries(60):
        response = client.get("/api/v1/reports/effect", **headers)
    data = response.json()
    assert response.status_code == 200, data
    keys = [section["key"] for section in data["sections"]]
    assert keys[0] == "plans" and "requests" in keys
    assert data["current"] and data["computed_at"]
    assert client.get("/api/v1/reports/effect", **bearer(cast["employee"])).status_code == 403
    # A manager follows the people below her: a unit of others is not found.
    other = cast["hr"].unit.code
    assert client.get("/api/v1/reports/effect", {"unit": other}, **bearer(cast["manager"])).status_code == 404


@time_machine.travel(datetime.datetime(2026, 12, 7, 8, tzinfo=datetime.UTC), tick=False)
def test_who_is_at_the_office_today(client, cast, site, settings, django_assert_max_num_queries):
    DayChange.objects.create(
        person=cast["outsider"], date=datetime.date(2026, 12, 7), kind="office", site=site
    )
    with django_assert_max_num_queries(20):
        response = client.get("/api/v1/reports/today", {"site": site.pk}, **bearer(cast["hr"]))
    data = response.json()
    assert response.status_code == 200, data
    assert data["date"] == "2026-12-07"
    assert "Haugen" in [person["last_name"] for person in data["people"]]
    assert client.get("/api/v1/reports/today", **bearer(cast["manager"])).status_code == 403
    settings.REPORT_TODAY_ROLES = ["reception"]
    reception = Group.objects.create(name="reception")
    cast["employee"].groups.add(reception)
    assert (
        client.get("/api/v1/reports/today", {"site": 999999}, **bearer(cast["employee"])).status_code == 404
    )
    assert (
        client.get("/api/v1/reports/today", {"site": site.pk}, **bearer(cast["employee"])).status_code == 200
    )
