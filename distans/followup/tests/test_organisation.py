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


def test_a_department_shows_its_teams_share_not_its_heads_own(cast, pulse_team):
    """A department's row counts the people of its teams, for the pulse and the remote share alike; the
    head alone in it would otherwise show one person's remote share."""
    from distans.org.models import Unit

    team = cast["employee"].unit
    team.parent = Unit.objects.create(code="SUPPORT", name="Support")
    team.save()
    page = signed_in(cast["hr"]).get(reverse("followup:pulse")).content.decode()
    row = page[page.index("<td>Support</td>") :]
    row = row[: row.index("</tr>")]
    assert "<td>5</td>" in row and "<td>33 %</td>" in row


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


# The charts: drawn on the server, each with its words and figures


def chart_of(page: str, name: str) -> str:
    """One chart's figure: its drawing, description and table."""
    start = page.index(f'aria-labelledby="{name}-title')
    return page[page.rindex("<figure", 0, start) : page.index("</figure>", start)]


def test_the_pulse_draws_each_unit_s_trend_where_enough_answered(cast, pulse_team):
    from distans.agreements.demo import pass_checklist

    pass_checklist(cast["outsider"], "pulse", cast["skip"])  # Olav alone in Sales Norway: no point
    hr = cast["hr"]
    hr.language = "sv"
    hr.save()
    page = signed_in(hr).get(reverse("followup:pulse")).content.decode()
    pulse = chart_of(page, "pulse-trend")
    assert 'role="img"' in pulse and "<desc" in pulse
    # Four periods of 90 days, the latest ending today; answers only in it.
    assert (
        '<th scope="row">Support Sweden</th>' + '<td class="num">–</td>' * 3 + '<td class="num">4,0</td>'
        in pulse
    )
    assert "Support Sweden: 4,0 (1 dec.)." in pulse
    assert pulse.count("<circle") == 1
    assert "Sales Norway" not in pulse, "a unit under the minimum group gets no point, not even a row"
    remote = chart_of(page, "remote-trend")
    assert '<td class="num">33\u00a0%</td>' in remote and "Sales Norway" not in remote


def test_the_pulse_with_no_group_large_enough_says_so_instead_of_drawing(cast):
    from distans.agreements.demo import pass_checklist

    pass_checklist(cast["outsider"], "pulse", cast["skip"])
    page = signed_in(cast["hr"]).get(reverse("followup:pulse")).content.decode()
    assert "No unit has enough answers to draw yet." in page and "<svg" not in page.split("<main", 1)[1]


def test_the_pulse_questions_are_headed_in_full(cast, pulse_team):
    from distans.checklists.models import Item

    page = signed_in(cast["hr"]).get(reverse("followup:pulse")).content.decode()
    longest = max((item.text["en"] for item in Item.objects.filter(version__template__kind="pulse")), key=len)
    assert len(longest) > 40 and f'<th scope="col">{longest}</th>' in page.replace("&#x27;", "'")


def test_attachment_watch_draws_the_weeks_of_those_it_lists_against_the_warning_level(cast, remote_heavy):
    page = signed_in(cast["manager"]).get(reverse("followup:attachment")).content.decode()
    chart = chart_of(page, "attachment-trend")
    assert "Åsa Öberg: from 3 (" in chart and "Olav Haugen" not in chart, "her reports only"
    assert '<th scope="row">Åsa Öberg</th>' + '<td class="num">3</td>' * 8 in chart
    assert 'class="chart-ref"' in chart and "Warning level: 2.5" in chart
    page = signed_in(cast["hr"]).get(reverse("followup:attachment")).content.decode()
    assert "Olav Haugen: from 4 (" in chart_of(page, "attachment-trend")


def test_the_follow_up_overview_counts_conversations_by_month_and_deviations_by_kind(cast, active):
    from distans.followup import services

    evaluation = services.evaluation_schedule_first(active)
    services.deviation_report(
        actor=cast["employee"], person=cast["employee"], kind="security", occurred_on=TODAY, description="x"
    )
    page = signed_in(cast["manager"]).get(reverse("followup:overview")).content.decode()
    month = evaluation.due_date.strftime("%B %Y")
    by_month = chart_of(page, "evaluations-by-month")
    assert (
        f'<th scope="row">{month}</th><td class="num">0</td><td class="num">1</td><td class="num">1</td>'
        in by_month
    )
    by_kind = chart_of(page, "deviations-by-kind")
    assert '<th scope="row">Security incident</th><td class="num">1</td><td class="num">0</td>' in by_kind
    assert "Security incident: 1 (Open 1);" in by_kind
    employee = signed_in(cast["employee"]).get(reverse("followup:overview")).content.decode()
    assert "deviations-by-kind" not in employee, "one's own few need no chart"


def test_a_conversation_held_early_counts_in_the_month_it_was_held(cast, active):
    from distans.agreements.demo import answer_passing
    from distans.followup import services

    evaluation = services.evaluation_schedule_first(active)
    assert evaluation.due_date.month != TODAY.month
    services.evaluation_open(evaluation)
    answer_passing(evaluation.assignment, evaluation.assignment.assessor)
    services.evaluation_hold(actor=cast["manager"], evaluation=evaluation, outcome="continue", note="Fine.")
    page = signed_in(cast["manager"]).get(reverse("followup:overview")).content.decode()
    by_month = chart_of(page, "evaluations-by-month")
    assert '<th scope="row">December 2026</th><td class="num">1</td><td class="num">0</td>' in by_month
    due = evaluation.due_date.strftime("%B %Y")
    assert f'<th scope="row">{due}</th><td class="num">0</td>' in by_month, "not where it was due"


def test_the_overview_runs_the_same_queries_for_more_deviations(cast, active):
    from distans.followup import services

    client = signed_in(cast["hr"])
    url = reverse("followup:overview")
    few = _queries(client, url)
    for kind in ("security", "other", "injury"):
        services.deviation_report(
            actor=cast["employee"], person=cast["employee"], kind=kind, occurred_on=TODAY, description="x"
        )
    assert _queries(client, url) == few


def test_the_pulse_runs_the_same_queries_for_more_units_and_people(cast, pulse_team):
    client = signed_in(cast["hr"])
    url = reverse("followup:pulse")
    few = _queries(client, url)
    for number in range(5):
        unit = Unit.objects.create(code=f"U{number}", name=f"Unit {number}", parent=cast["employee"].unit)
        for person in range(6):
            Person.objects.create_user(
                f"u{number}-{person}@example.com", "x", first_name="U", last_name="P", unit=unit
            )
    assert _queries(client, url) == few
