"""HR and HR approvers follow the whole organisation, by unit: attachment watch and problems ahead (a
manager keeps her own scope); problems ahead lists each distinct problem once with its days; the
wellbeing pulse shows unit averages where enough people answered, beside the remote share as planned."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from distans.checklists import services as checklist_services
from distans.checklists.testing import answers_for, builtin
from distans.org.models import Person, Unit
from distans.planning import services as plan_services
from distans.planning.models import WorkPattern

TODAY = datetime.date(2026, 12, 1)
HISTORY = datetime.date(2026, 1, 5)  # usual weeks written as history, as an import would


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def usual(person, remote: set[int]):
    WorkPattern.objects.create(
        person=person,
        valid_from=HISTORY,
        **{
            field: "remote" if day in remote else "office"
            for day, field in enumerate(["mon", "tue", "wed", "thu", "fri"])
        },
    )


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


# Attachment watch


@pytest.fixture
def remote_heavy(cast):
    """Åsa (Support Sweden) works from home three days a week, Olav (Sales Norway) four."""
    usual(cast["employee"], {0, 1, 2})
    usual(cast["outsider"], {0, 1, 2, 3})


def test_hr_watches_the_whole_organisation_and_one_unit_at_a_time(cast, remote_heavy):
    url = reverse("followup:attachment")
    for role in ("hr", "hr_approver"):
        page = signed_in(cast[role]).get(url).content.decode()
        assert "Åsa Öberg" in page and "Olav Haugen" in page and "Sales Norway" in page
        assert "People in the whole organisation" in page
    sales = Unit.objects.get(code="SAL")
    page = signed_in(cast["hr"]).get(url, {"unit": sales.pk}).content.decode()
    assert "Olav Haugen" in page and "Åsa Öberg" not in page
    assert f'<option value="{sales.pk}" selected>Sales Norway</option>' in page
    top = Unit.objects.get(code="TOP")  # a unit counts with the units under it
    page = signed_in(cast["hr"]).get(url, {"unit": top.pk}).content.decode()
    assert "Olav Haugen" in page and "Åsa Öberg" in page


def test_a_manager_still_watches_only_her_reports(cast, remote_heavy):
    url = reverse("followup:attachment")
    page = signed_in(cast["manager"]).get(url).content.decode()
    assert "Åsa Öberg" in page and "Olav Haugen" not in page and 'name="unit"' not in page
    page = signed_in(cast["manager"]).get(url, {"unit": Unit.objects.get(code="SAL").pk}).content.decode()
    assert "Olav Haugen" not in page
    assert signed_in(cast["admin"]).get(url).status_code == 403
    assert signed_in(cast["outsider"]).get(url).status_code == 403


def test_the_follow_up_page_links_hr_to_attachment_watch(cast):
    page = signed_in(cast["hr"]).get(reverse("followup:overview")).content.decode()
    assert reverse("followup:attachment") in page


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def test_the_organisation_s_watch_runs_the_same_queries_for_many_people(cast, remote_heavy):
    client = signed_in(cast["hr"])
    url = reverse("followup:attachment")
    few = _queries(client, url)
    sales = Unit.objects.get(code="SAL")
    people = Person.objects.bulk_create(
        Person(
            email=f"p{n}@example.com", first_name="P", last_name=f"{n:03}", unit=sales, search_text=f"p{n}"
        )
        for n in range(60)
    )
    for person in people:
        usual(person, {0, 1, 2, 3})
    assert _queries(client, url) == few
    assert "P 059" in client.get(url).content.decode()


# Problems ahead


@pytest.fixture
def full_office(cast):
    """Stockholm has one desk; Åsa and Björn are both there every weekday."""
    site = cast["employee"].site
    site.desk_capacity = 1
    site.save()
    return site


def test_hr_sees_problems_ahead_for_the_organisation_each_problem_once_with_its_days(cast, full_office):
    url = reverse("planning:problems")
    for role in ("hr", "hr_approver"):
        client = signed_in(cast[role])
        page = client.get(url).content.decode()
        assert "The next 4 weeks in the whole organisation." in page
        offices = page[page.index("<h2>Offices</h2>") :]
        assert offices.count("Stockholm is over capacity") == 1  # one line for the office, not one a day
        assert "Mon 7 Dec</a>: 2 booked for 1 desks" in offices and "Fri 18 Dec</a>" in offices
        site = reverse("planning:site", args=[full_office.pk])
        assert f'href="{site}?week=2026-W50">Mon 7 Dec</a>' in offices
        assert "Problems ahead" in page.split("<main", 1)[0]  # in the menu
    other = signed_in(cast["hr"]).get(url, {"unit": Unit.objects.get(code="SAL").pk}).content.decode()
    assert "Stockholm is over capacity" not in other and "No problems ahead." in other


def test_a_manager_keeps_her_own_units_and_cannot_look_elsewhere(cast, full_office):
    url = reverse("planning:problems")
    page = signed_in(cast["manager"]).get(url).content.decode()
    assert "The next 4 weeks in the units you manage." in page and 'name="unit"' not in page
    assert page.count("Stockholm is over capacity") == 1
    assert (
        "Sales Norway"
        not in signed_in(cast["manager"]).get(url, {"unit": Unit.objects.get(code="SAL").pk}).content.decode()
    )
    assert "You manage no unit." in signed_in(cast["outsider"]).get(url).content.decode()


def test_problems_ahead_in_swedish(cast, full_office):
    hr = cast["hr"]
    hr.language = "sv"
    hr.save()
    page = signed_in(hr).get(reverse("planning:problems")).content.decode()
    assert "Stockholm är överbokat" in page and "2 bokade på 1 platser" in page
    assert "De närmaste 4 veckorna i hela organisationen." in page


def test_problems_for_many_units_take_the_same_queries_as_for_a_few(cast, full_office):
    client = signed_in(cast["hr"])
    url = reverse("planning:problems")
    few = _queries(client, url)
    top = Unit.objects.get(code="TOP")
    for number in range(12):
        unit = Unit.objects.create(code=f"T{number}", name=f"Team {number}", parent=top)
        plan_services.unit_settings_save(
            actor=cast["hr"], unit=unit, coverage={"2": {"min_people": 3, "min_share": 0}}
        )
        Person.objects.create_user(
            f"t{number}@example.com", "x", first_name="T", last_name=str(number), unit=unit, site=full_office
        )
    assert _queries(client, url) == few
    page = client.get(url).content.decode()
    assert page.count("Fewer at the office than the coverage needs") == 12


# The wellbeing pulse


@pytest.fixture
def pulse_team(cast):
    """Five people in Support Sweden answer the pulse (4 on every question); two of the four in the unit
    besides Björn work from home every day, as planned since January."""
    unit = cast["employee"].unit
    people = [cast["employee"]] + [
        Person.objects.create_user(
            f"pulse{n}@example.com",
            "x",
            first_name="Pulse",
            last_name=str(n),
            unit=unit,
            manager=cast["manager"],
            site=cast["employee"].site,
        )
        for n in range(4)
    ]
    for person in people[:2]:
        usual(person, {0, 1, 2, 3, 4})
    template = builtin("pulse")
    for person in people:
        assignment = checklist_services.assignment_create(
            actor=cast["hr"], template=template, person=person, due_date=TODAY + datetime.timedelta(days=7)
        )
        checklist_services.response_submit(
            actor=person,
            assignment=assignment,
            role="employee",
            answers=answers_for(assignment, **{f"q{number}": 4 for number in range(1, 6)}),
        )
    return people


def test_the_pulse_shows_unit_averages_beside_the_remote_share_as_planned(cast, pulse_team):
    page = signed_in(cast["hr"]).get(reverse("followup:pulse")).content.decode()
    row = page[page.index("<td>Support Sweden</td>") :]
    row = row[: row.index("</tr>")]
    # Two of the unit's six people (Åsa, Björn and four colleagues) work from home every day.
    assert "<td>5</td>" in row and "<td>33 %</td>" in row
    assert row.count("<td>4.0</td>") == 5
    assert "Fewer than" not in row


def test_the_pulse_in_swedish_and_a_small_unit_hidden(cast, pulse_team):
    from distans.agreements.demo import pass_checklist

    pass_checklist(cast["outsider"], "pulse", cast["skip"])  # Olav alone in Sales Norway
    hr = cast["hr"]
    hr.language = "sv"
    hr.save()
    page = signed_in(hr).get(reverse("followup:pulse")).content.decode()
    assert page.count("<td>4,0</td>") == 5 and "minst 5 personer har svarat" in page
    sales = page[page.index("<td>Sales Norway</td>") :]
    assert "För få personer för att visas" in sales[: sales.index("</tr>")], "not even that Olav answered"
