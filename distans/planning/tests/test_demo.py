"""The demo is a hybrid organisation as Nordic offices run one, at any size, and its next week can be
planned: what `make run` shows each login must hold together."""

import datetime
import math
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from distans.agreements.models import Agreement
from distans.agreements.rights import rights_on
from distans.arrangements.models import Request
from distans.org.demo import ABROAD, SITES, demo_logins
from distans.org.models import Person, Site, Unit
from distans.planning import planner, planner_data, queries, rules
from distans.planning.models import UnitPlanSettings

pytestmark = pytest.mark.django_db


def next_week() -> list[datetime.date]:
    today = timezone.localdate()
    monday = today + datetime.timedelta(days=7 - today.weekday())
    return [monday + datetime.timedelta(days=offset) for offset in range(5)]


@pytest.mark.parametrize("size", [300, 2000])
def test_the_demo_is_a_hybrid_organisation_whose_next_week_can_be_planned(size):
    call_command("demo", "--people", str(size))
    week = next_week()
    people = Person.objects.filter(is_active=True)
    with_agreement = Agreement.objects.filter(status="active").count()
    assert 0.6 <= with_agreement / people.count() <= 0.75, "about two in three work under an agreement"

    # Everyone's usual week is drawn from the agreement in force.
    rights = rights_on(people.values("pk"), week[0])
    patterns = queries.patterns_for(people, week[0])
    assert set(patterns) == set(people.values_list("pk", flat=True))
    for person_id, own in patterns.items():
        remote = {day for day, where in enumerate(rules.pattern_on(own, week[0]).days) if where == "remote"}
        right = rights.get(person_id)
        assert len(remote) <= (math.floor(right.days_per_week) if right else 0)
        assert right is None or not right.weekdays or remote == set(right.weekdays)
    days = {right.days_per_week for right in rights.values()}
    assert {1, 2, 3, 5} <= days, "mostly one to three days, a few fully remote"
    assert any(right.weekdays for right in rights.values() if right.days_per_week < 5), "some fixed weekdays"

    # An approved request has its agreement (or the amendment of an earlier one) with the same days.
    for request in Request.objects.filter(status="approved").select_related("person"):
        agreed = {
            Decimal(str(version.terms["days_per_week"]))
            for agreement in request.person.agreements.all()
            for version in agreement.versions.all()
        }
        assert request.days_per_week in agreed

    # Every team has an office day; customer service keeps a minimum at the office.
    teams = Unit.objects.annotate(size=Count("members")).filter(size__gte=5)
    settings = {s.unit_id: s for s in UnitPlanSettings.objects.all()}
    assert all(settings[team.pk].office_weekdays for team in teams)
    assert all(settings[team.pk].coverage for team in teams if team.code.startswith("CS"))

    # Desks for 60–75 % of the people based at each office.
    for site in Site.objects.filter(code__in=[code for code, *_rest in SITES]):
        based = people.filter(site=site).count()
        assert 0.6 <= site.desk_capacity / based <= 0.75, site.name

    # The planner finds a plan that keeps every hard rule for every team, and for a whole office.
    for team in teams:
        problem, _names = planner_data.problem_for(planner_data.people_of(unit=team), week[0])
        assert planner.solve(problem, time_limit=10).status in ("optimal", "feasible"), team.code
    stockholm = Site.objects.get(code="STO")
    problem, _names = planner_data.problem_for(planner_data.people_of(site=stockholm), week[0])
    assert planner.solve(problem, time_limit=20).status in ("optimal", "feasible")


def test_the_mailbox_is_covered_from_bangkok_except_on_his_day_off(db):
    call_command("demo")
    week = next_week()
    asa = Person.objects.get(email=demo_logins()[0].email)
    niklas = Person.objects.get(first_name=ABROAD[0], last_name=ABROAD[1])
    right = rights_on([niklas.pk], week[0])[niklas.pk]
    assert (right.location, right.abroad_country, right.days_per_week) == ("abroad", "TH", 5)
    problems = queries.problems_ahead(asa.unit, week)
    uncovered = [problem["date"] for problem in problems if problem["code"] == "duty"]
    assert uncovered == [week[3]], "Niklas is on leave on Thursday; nobody else works from 07:00"
    assert len({problem["code"] for problem in problems}) >= 2, "a handful of different, real problems"
    # The Swedish team names its duty in Swedish, as its manager would.
    assert [duty["name"] for duty in queries.unit_settings(asa.unit)["duties"]] == ["Gemensam brevlåda"]
