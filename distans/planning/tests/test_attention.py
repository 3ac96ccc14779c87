"""My page's things to do include what "Problems ahead" lists for the reader, and the planner where a
plan would fix it: the demo's manager sees his office over capacity and is one click from proposing a
plan for that week; HR sees the offices over capacity; an employee sees neither. Computed once per
change of plans, so My page stays within its queries."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from distans.core.permissions import is_manager
from distans.core.testing import html
from distans.org.models import Person
from distans.planning import services
from distans.planning.attention import attention_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", "--people", "60")
    return {role: Person.objects.get(email=f"{name}@nordvik.example") for role, name in WHO.items()}


WHO = {"manager": "bjorn.ekstrom", "hr": "elin.sjoberg", "employee": "asa.oberg"}


def _attention(client, person) -> str:
    client.force_login(person)
    page = html(client.get(reverse("core:my_page")))
    return page.split('id="attention-title"')[1].split("</section>")[0]


def test_the_demo_manager_sees_his_office_over_capacity_and_can_propose_a_plan(client, demo):
    manager = demo["manager"]
    unit = manager.unit
    attention = _attention(client, manager)
    found = re.search(
        rf'<a href="{reverse("planning:problems")}">Problems ahead in {unit.name}: '
        r"Stockholm, Kungsholmen over capacity on (\d+) days?",
        attention,
    )
    assert found, attention
    # The problems page lists the same office for him.
    problems = html(client.get(reverse("planning:problems")))
    assert "Stockholm, Kungsholmen is over capacity" in problems
    days = re.search(r"Stockholm, Kungsholmen is over capacity</strong>(.*?)</ul>", problems, re.S).group(1)
    assert days.count("<li>") == int(found.group(1))
    assert f'href="{reverse("planning:planner", args=[unit.pk])}">Propose a plan</a>' in problems
    # One click to the planner, on the first week with a day a plan could fix.
    planner = re.search(
        rf'<a href="({reverse("planning:planner", args=[unit.pk])}\?week=(\d{{4}}-W\d\d))">'
        rf"Propose a plan for {unit.name}, week \d+</a>",
        attention,
    )
    assert planner, attention
    form = html(client.get(planner.group(1)))
    assert f'<option value="{planner.group(2)}" selected>' in form
    _computed_once_until_a_plan_changes(manager, demo["employee"])


def _computed_once_until_a_plan_changes(manager, colleague):
    first = attention_for(manager)
    with CaptureQueriesContext(connection) as captured:
        assert attention_for(manager) == first
    assert len(captured) == 2  # the plan stamp and his units: the problems are kept
    # A colleague reports sick: the plans changed, so they are computed again.
    services.day_set(actor=colleague, person=colleague, date=first[0]["due"], kind="away", away_reason="sick")
    with CaptureQueriesContext(connection) as captured:
        attention_for(manager)
    assert len(captured) > 2


def test_hr_sees_the_offices_over_capacity_and_the_office_planner(client, demo):
    attention = _attention(client, demo["hr"])
    assert re.search(r"Over capacity in the next 4 weeks: [^<]*Stockholm, Kungsholmen on \d+ days", attention)
    assert re.search(r'href="/plans/sites/\d+/planner/\?week=\d{4}-W\d\d">Propose a plan for ', attention)
    # An employee sees none of it, and it costs her My page no query.
    attention = _attention(client, demo["employee"])
    assert "Problems ahead" not in attention and "Propose a plan" not in attention
    assert not is_manager(demo["employee"])  # her roles, which every page reads once anyway
    with CaptureQueriesContext(connection) as captured:
        assert attention_for(demo["employee"]) == []
    assert len(captured) == 0
