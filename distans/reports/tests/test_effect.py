"""'Does it work?' against a small organisation computed by hand: Åsa (Support Sweden) works Mondays and
Thursdays at home by agreement, Björn (her manager, no agreement) at the office every day. In the week of
7 December 2026 Åsa comes in on Thursday (one remote day of the two agreed), the unit's team office day
is Thursday and it needs three at the office on Tuesdays (it has two)."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from distans.agreements.testing import agreement_in_force
from distans.arrangements.models import Request
from distans.core.chart_heatmap import label_lines
from distans.core.menu import menu
from distans.followup import services as followup_services
from distans.org import services as org_services
from distans.org.models import Person, Site, Unit
from distans.planning import services as plan_services
from distans.planning.queries import unit_and_below
from distans.reports import effect_plans
from distans.reports import effect_queries as queries
from distans.reports import effect_tables as tables
from distans.reports.effect_permissions import people_for

TODAY = datetime.date(2026, 11, 30)
MONDAY = datetime.date(2026, 12, 7)
URL = reverse("reports:effect")
PERIOD = {"from": "2026-12-07", "to": "2026-12-13"}


@pytest.fixture
def organisation(cast):
    with time_machine.travel(datetime.datetime(2026, 11, 30, 9, tzinfo=datetime.UTC), tick=False):
        agreement_in_force(cast, days="2", flexible=False, weekdays=[0, 3], start=TODAY)
        asa, bjorn = cast["employee"], cast["manager"]
        plan_services.unit_settings_save(
            actor=bjorn, unit=asa.unit, office_weekdays=[3], coverage={"1": {"min_people": 3}}
        )
        plan_services.day_set(actor=asa, person=asa, date=MONDAY + datetime.timedelta(days=3), kind="office")
        deviation = followup_services.deviation_report(
            actor=bjorn, person=asa, kind="security", description="A lost badge", occurred_on=TODAY
        )
        org_services.person_deactivate(actor=cast["admin"], person=cast["outsider"])
    with time_machine.travel(datetime.datetime(2026, 12, 2, 9, tzinfo=datetime.UTC), tick=False):
        followup_services.deviation_respond(actor=bjorn, deviation=deviation, note="Blocked the badge.")
    return cast


@pytest.fixture
def everyone_shown(settings):
    settings.REPORT_MIN_GROUP = 1


def test_plans_against_the_agreement(organisation, everyone_shown):
    support = organisation["employee"].unit
    found = queries.plan_weeks(
        people_for(organisation["hr"]).filter(unit=support), [MONDAY], queries.Decimal("2.5")
    )
    week = found["weeks"][0]
    # Åsa: Monday at home, four days at the office; Björn five at the office.
    assert (week.people, week.working, week.remote, week.remote_share) == (2, 10, 1, 10)
    assert (week.more, week.fewer) == (0, 1)
    assert (week.team_days, week.team_kept, week.team_share) == (2, 2, 100)
    assert (week.coverage, week.duties) == (1, 0)
    assert found["attachment"] == 0


@time_machine.travel(datetime.datetime(2026, 12, 14, 9, tzinfo=datetime.UTC), tick=False)
def test_counts(organisation, everyone_shown):
    people = people_for(organisation["hr"])
    start, end = TODAY, datetime.date(2026, 12, 13)
    requests = queries.requests(people, start, end)
    assert requests["total"] == 1 and dict(requests["by_status"])["Approved"] == 1
    assert requests["to_hr"] == 0
    manager_step = requests["steps"][0]
    assert (manager_step.decisions, manager_step.median_days) == (1, 0)
    agreements = queries.agreements(people)
    assert dict(agreements["by_status"])["Active"] == 1
    assert [(country, float(days), count) for country, days, count in agreements["by_terms"]] == [
        ("SE", 2.0, 1)
    ]
    with translation.override("sv"):  # the country by name in the reader's language, not its code
        assert tables.agreements(agreements, 10).tables[1].rows[0][0] == "Sverige"
    security = next(
        row for row in queries.deviations(people, start, end, TODAY) if row["kind"] == "Security incident"
    )
    # Reported on 30 November at 09:00, first response on 2 December at 09:00: two days.
    assert (security["count"], security["median_days"]) == (1, 2)
    leavers = queries.leavers(people)
    assert leavers["years"] == [(2026, 0, 1)]
    assert (leavers["active_with"], leavers["active_without"]) == (1, 5)


def _page(user, **params):
    client = Client()
    client.force_login(user)
    return client.get(URL, params)


@time_machine.travel(datetime.datetime(2026, 12, 14, 9, tzinfo=datetime.UTC), tick=False)
def test_page_in_swedish(organisation, everyone_shown):
    organisation["hr"].language = "sv"
    organisation["hr"].save()
    response = _page(organisation["hr"], **PERIOD)
    assert response.status_code == 200
    text = response.content.decode()
    with translation.override("sv"):
        assert "Fungerar det?" in text
    assert "7 dec" in text or "2026-12-07" in text


def test_export(organisation, everyone_shown):
    response = _page(organisation["hr"], **PERIOD, export="effect-weeks", format="xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    response = _page(organisation["hr"], **PERIOD, export="effect-weeks", format="csv")
    assert "2026" in response.content.decode("utf-8-sig")
    assert _page(organisation["hr"], **PERIOD, export="nothing").status_code == 404


def _team(unit, size, manager):
    """`size` people who work at the office every weekday (the default week at their office)."""
    return [
        Person.objects.create_user(
            f"member{n}.{unit.code}@example.com",
            first_name="Member",
            last_name=f"{unit.code} {n}",
            employee_number=f"{unit.code}-{n}",
            unit=unit,
            manager=manager,
            site=manager.site or Site.objects.get(code="STO"),
        )
        for n in range(size)
    ]


@pytest.mark.parametrize(("size", "shown"), [(4, False), (5, True)])
def test_a_unit_of_four_shows_no_figures_and_one_of_five_does(cast, size, shown):
    unit = Unit.objects.create(code="TEAM", name="A team")
    _team(unit, size, cast["manager"])
    with time_machine.travel(datetime.datetime(2026, 11, 30, 9, tzinfo=datetime.UTC), tick=False):
        found = queries.plan_weeks(people_for(cast["hr"]).filter(unit=unit), [MONDAY], queries.Decimal("2.5"))
        section = tables.plans(found, [MONDAY])
    units = next(table for table in section.tables if table.name == "effect-units")
    row = units.rows[0]
    # Everyone at the office all week: no remote days, none more or fewer than agreed.
    assert row[:2] == ["A team", size]
    assert row[2:5] == ([0, 0, 0] if shown else [None, None, None])
    week = next(table for table in section.tables if table.name == "effect-weeks").rows[0]
    assert week[2] == (0 if shown else None)


def test_too_few_people_in_the_whole_report_shows_dashes(cast):
    """Björn follows Åsa only (and himself): two people, so even the count of requests is not shown."""
    with time_machine.travel(datetime.datetime(2026, 11, 30, 9, tzinfo=datetime.UTC), tick=False):
        agreement_in_force(cast, days="2", flexible=False, weekdays=[0, 3], start=TODAY)
        response = _page(cast["manager"], **{"from": "2026-11-30", "to": "2026-12-06"})
    assert response.status_code == 200
    requests = next(s for s in response.context["sections"] if s.key == "requests")
    assert requests.tables[0].rows == [[label, None] for label, _count in requests.tables[0].rows]
    assert "Requests" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("employee", 403),
        ("outsider", 403),
        ("manager", 200),
        ("skip", 200),
        ("hr", 200),
        ("hr_approver", 200),
        ("admin", 200),
    ],
)
def test_who_may_open_it(cast, role, status):
    assert _page(cast[role]).status_code == status


def test_a_manager_sees_only_the_people_below_her(cast):
    """Cecilia manages everyone in the cast but herself; Björn only Åsa. A unit outside his line is not
    offered to him: the choice is refused and nothing about it is shown."""
    scope = people_for(cast["manager"])
    assert set(scope) == {cast["manager"], cast["employee"]}
    assert set(people_for(cast["hr"])) == set(Person.objects.all())
    response = _page(cast["manager"], unit="SAL")
    assert response.status_code == 200
    assert response.context["form"].errors["unit"]
    assert response.context["unit"] is None
    assert "Sales Norway" not in response.content.decode()


def test_the_menu_offers_it_to_those_who_may_open_it(cast):
    assert "reports:effect" in _menu_names(cast["hr"])
    assert "reports:effect" in _menu_names(cast["manager"])
    assert "reports:effect" not in _menu_names(cast["employee"])


def _menu_names(user):
    return [item.url_name for _group, items in menu.for_user(user) for item in items]


def test_the_queries_do_not_grow_with_the_people(cast, settings):
    settings.REPORT_MIN_GROUP = 1
    unit = Unit.objects.create(code="BIG", name="A big team")
    _team(unit, 3, cast["manager"])
    _page(cast["hr"], **PERIOD)  # the first load also sizes the organisation (`effect_plans.plans`)
    Unit.objects.filter(pk=unit.pk).update(name="Big team")  # both loads below count changed plans
    with CaptureQueriesContext(connection) as few:
        assert _page(cast["hr"], **PERIOD).status_code == 200
    _team(Unit.objects.create(code="MORE", name="More people"), 30, cast["skip"])
    with CaptureQueriesContext(connection) as many:
        assert _page(cast["hr"], **PERIOD).status_code == 200
    assert len(many) == len(few)
    assert len(few) <= 60


def _plans(cast, unit):
    with time_machine.travel(datetime.datetime(2026, 11, 30, 9, tzinfo=datetime.UTC), tick=False):
        people = people_for(cast["hr"]).filter(unit__in=unit_and_below(unit))
        return tables.plans(queries.plan_weeks(people, [MONDAY], queries.Decimal("2.5")), [MONDAY])


def _heat_rows(section):
    heat = next(chart for chart in section.charts if chart.name == "effect-heat")
    return {" ".join(line["text"] for line in row["lines"]): row for row in heat.rows}


def test_a_team_s_number_is_not_left_alone_on_the_last_line_of_its_label():
    assert label_lines("Logistik Sverige 1") == ["Logistik", "Sverige 1"]
    assert label_lines("Kundtjänst Sverige 10") == ["Kundtjänst", "Sverige 10"]
    assert label_lines("Customer service Sweden team 2") == ["Customer service", "Sweden team 2"]
    assert label_lines("Drift och logistik") == ["Drift och", "logistik"]
    assert label_lines("HR") == ["HR"]


def test_a_department_shows_as_its_teams_together_and_every_name_in_full(cast):
    department = Unit.objects.create(code="DEP", name="Customer service", parent=cast["employee"].unit.parent)
    first = Unit.objects.create(code="CS1", name="Customer service Sweden team 1", parent=department)
    second = Unit.objects.create(code="CS2", name="Customer service Sweden team 2", parent=department)
    _team(first, 5, cast["manager"])
    _team(second, 6, cast["manager"])
    section = _plans(cast, department)
    units = next(table for table in section.tables if table.name == "effect-units")
    assert [row[:3] for row in units.rows] == [
        ["Customer service", 11, 0],
        ["Customer service Sweden team 1", 5, 0],
        ["Customer service Sweden team 2", 6, 0],
    ]
    rows = _heat_rows(section)
    assert set(rows) == {"Customer service", first.name, second.name}  # whole names, not cut alike
    assert rows[second.name]["label"] == "Nordvik › Customer service › Customer service Sweden team 2"
    assert [cell["css"] for cell in rows["Customer service"]["segments"]] == ["heat-0"]


def test_a_department_whose_figures_would_tell_about_a_small_team_is_withheld(cast):
    department = Unit.objects.create(code="DEP", name="Customer service")
    _team(Unit.objects.create(code="CS1", name="Team 1", parent=department), 6, cast["manager"])
    _team(Unit.objects.create(code="CS2", name="Team 2", parent=department), 3, cast["manager"])
    section = _plans(cast, department)
    units = next(table for table in section.tables if table.name == "effect-units")
    # Nine people, but less team 1's six it would tell team 2's three.
    assert [row[:3] for row in units.rows] == [
        ["Customer service", 9, None],
        ["Team 1", 6, 0],
        ["Team 2", 3, None],
    ]
    # The reader is told why a unit of nine has no figures.
    assert any("has no figures of its own" in note for note in section.notes)


def test_every_description_the_form_points_to_is_on_the_page(cast):
    page = _page(cast["hr"], **PERIOD).content.decode()
    described = re.findall(r'aria-describedby="([^"]+)"', page)
    assert described  # the unit's help text
    for ids in described:
        for target in ids.split():
            assert f'id="{target}"' in page, target


def test_a_request_counts_on_the_day_it_was_submitted_where_the_reader_is(organisation, everyone_shown):
    """Half past midnight in Stockholm is still the day before in UTC: the Stockholm day counts."""
    people = people_for(organisation["hr"])
    Request.objects.update(submitted_at=datetime.datetime(2026, 11, 29, 23, 30, tzinfo=datetime.UTC))
    with timezone.override("Europe/Stockholm"):
        assert (
            queries.requests(people, TODAY - datetime.timedelta(days=7), TODAY - datetime.timedelta(days=1))[
                "total"
            ]
            == 0
        )
        assert queries.requests(people, TODAY, TODAY)["total"] == 1


def test_each_section_keeps_its_tables_and_their_export_names(organisation, everyone_shown):
    sections = _page(organisation["hr"], **PERIOD).context["sections"]
    assert {section.key: [table.name for table in section.tables] for section in sections} == {
        "plans": ["effect-weeks", "effect-units", "effect-unit-weeks"],
        "attachment": [],
        "requests": ["effect-requests", "effect-request-steps"],
        "agreements": ["effect-agreements", "effect-agreement-terms"],
        "evaluations": ["effect-evaluations", "effect-outcomes"],
        "deviations": ["effect-deviations"],
        "checklists": ["effect-checklists"],
        "pulse": ["effect-pulse"],
        "leavers": ["effect-leavers"],
    }
    requests = next(section for section in sections if section.key == "requests")
    assert requests.tables[1].header == ["Step", "Decisions", "Median (days)", "Longest (days)"]
    assert requests.notes and requests.charts == []


def test_thousands_of_units_are_drawn_by_their_top_levels_and_downloaded_in_full(cast, monkeypatch):
    """At 100,000 people in 10,000 teams the page drew every team for a minute: above the list's size
    it draws the top two levels, says so, and the download still holds every unit."""
    monkeypatch.setattr(effect_plans, "MOST_UNITS_IN_LIST", 1)
    department = Unit.objects.create(code="DEP", name="Customer service", parent=cast["employee"].unit.parent)
    _team(
        Unit.objects.create(code="CS1", name="Customer service team 1", parent=department), 5, cast["manager"]
    )
    page = _page(cast["hr"], **PERIOD)
    names = [row[0] for row in _unit_rows(page)]
    assert "Customer service team 1" not in names and cast["employee"].unit.parent.name in names
    assert "Only the top two levels of units are shown" in page.content.decode()
    download = _page(cast["hr"], export="effect-units", format="csv", **PERIOD).content.decode()
    assert "Customer service team 1" in download


def _unit_rows(response) -> list:
    plans = next(section for section in response.context["sections"] if section.key == "plans")
    return next(table for table in plans.tables if table.name == "effect-units").rows


def test_many_people_s_plans_are_counted_by_the_worker_and_shown_when_counted(cast, monkeypatch):
    from distans.reports import kept

    monkeypatch.setattr(queries, "PLAN_PERSON_WEEKS", 0)  # every organisation counts as large
    waiting = _page(cast["hr"], **PERIOD)
    assert "plans" not in [section.key for section in waiting.context["sections"]]
    assert "appear here within a minute" in waiting.content.decode()
    kept.refresh.call()
    counted = _page(cast["hr"], **PERIOD)
    assert "plans" in [section.key for section in counted.context["sections"]]
    assert "have not changed since" in counted.content.decode()
