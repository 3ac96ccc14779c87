"""The business case for five people, computed here by hand, independently of the code; the aggregation
rule at four and five people; who may open it; its exports and its query count.

Two weeks in March 2026 (no Swedish holiday), today Sunday 8 March: the first week is "so far", the second
"planned ahead". Stockholm has 10 desks; everyone is based there, in one unit.

    Åsa    car 10 km     remote Mon and Fri
    Bo     public 20 km  remote Wed; a change: remote Tue 3 March; a change: office Wed 11 March
    Cissi  bicycle 5 km  no usual week: the default, the office every weekday
    Dag    car 30 km     the office until a usual week from Wed 11 March: remote Tue to Thu
    Eva    on foot 2 km  remote Mon; a change: away Mon 9 March

Trips not made (round trips), so far / ahead: Åsa 2 / 2, Bo 2 / 0, Dag 0 / 2, Eva 1 / 0: 5 / 4.
Kilometres both ways: car (2·20) / (2·20 + 2·60) = 40 / 160, public 2·40 = 80 / 0, on foot 4 / 0.
At the office each weekday: 3 4 4 5 4 in the first week, 3 5 4 4 4 in the second: peak 5, average 4.
"""

import datetime
import io
import re
import subprocess
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook  # type: ignore[import-untyped]  # openpyxl ships no types

from distans.agreements.tests.test_agreements import pdf_objects
from distans.org.models import Person, Site, Unit
from distans.planning.models import DayChange, WorkPattern
from distans.reports import business_case, business_case_report, kept
from distans.reports.business_case import Selection, compute

START, TODAY, END = datetime.date(2026, 3, 2), datetime.date(2026, 3, 8), datetime.date(2026, 3, 15)
FACTORS = {  # round numbers, so that the sums below can be checked by eye
    "car": {"co2_kg_per_km": "0.1", "cost_per_km": "2", "km_per_hour": "40"},
    "public": {"co2_kg_per_km": "0.05", "cost_per_km": "1", "km_per_hour": "20"},
    "bicycle": {"co2_kg_per_km": "0", "cost_per_km": "0", "km_per_hour": "15"},
    "walk": {"co2_kg_per_km": "0", "cost_per_km": "0", "km_per_hour": "5"},
    "other": {"co2_kg_per_km": "0.1", "cost_per_km": "2", "km_per_hour": "40"},
}
pytestmark = pytest.mark.usefixtures("factors")


@pytest.fixture
def factors(settings):
    settings.REPORT_COMMUTE = FACTORS
    settings.REPORT_MIN_GROUP = 5
    settings.REPORT_DESK_COST_PER_YEAR = 1000


def remote_on(*weekdays: int) -> dict:
    fields = ["mon", "tue", "wed", "thu", "fri"]
    return {fields[day]: "remote" for day in weekdays}


@pytest.fixture
def desks() -> int:
    """Stockholm's desks; a test asks for fewer with `@pytest.mark.parametrize("desks", [4])`."""
    return 10


@pytest.fixture
def five(db, desks):
    site = Site.objects.create(code="STH", name="Stockholm", country="SE", desk_capacity=desks)
    unit = Unit.objects.create(code="T", name="Team")

    def person(first, mode, km, **usual):
        someone = Person.objects.create_user(
            f"{first.lower()}@example.com",
            "x",
            first_name=first,
            last_name="Test",
            unit=unit,
            site=site,
            commute_mode=mode,
            commute_distance_km=Decimal(km),
        )
        if usual:
            WorkPattern.objects.create(person=someone, valid_from=usual.pop("since"), **usual)
        return someone

    january = datetime.date(2026, 1, 5)
    people = {
        "asa": person("Åsa", "car", 10, since=january, **remote_on(0, 4)),
        "bo": person("Bo", "public", 20, since=january, **remote_on(2)),
        "cissi": person("Cissi", "bicycle", 5),
        "dag": person("Dag", "car", 30, since=datetime.date(2026, 3, 11), **remote_on(1, 2, 3)),
        "eva": person("Eva", "walk", 2, since=january, **remote_on(0)),
    }
    DayChange.objects.create(person=people["bo"], date=datetime.date(2026, 3, 3), kind="remote")
    DayChange.objects.create(person=people["bo"], date=datetime.date(2026, 3, 11), kind="office", site=site)
    DayChange.objects.create(
        person=people["eva"], date=datetime.date(2026, 3, 9), kind="away", away_reason="sick"
    )
    return people


def figures(**filters):
    result = compute(Selection(start=START, end=END, today=TODAY, **filters))
    return result, business_case_report.tables(result)


def test_five_people_as_computed_by_hand(five):
    result, tables = figures()
    summary = {row[0]: row[1:4] for row in tables["summary"].rows}
    assert summary["Commute trips not made (round trips)"] == [5, 4, 9]
    assert summary["Kilometres not travelled"] == [124, 160, 284]
    # Hours: car 40/40 + public 80/20 + on foot 4/5 = 5.8 so far; car 160/40 ahead; in whole hours.
    assert summary["Hours of commuting saved"] == [6, 4, 10]
    assert summary["Money saved by employees (SEK)"] == [160, 320, 480]
    assert summary["CO₂ avoided (kg)"] == [8, 16, 24]
    # Every mode has fewer than five people: they are shown together, never one by one.
    assert [row[:3] for row in tables["modes"].rows] == [["Other modes together", 5, 9]]
    desks = tables["desks"].rows
    assert desks == [["Stockholm", 10, 5, 5, Decimal("4.0"), 0, 0, 0, 5, 5000]]
    weekdays = tables["weekdays"].rows[0]
    assert weekdays[2:] == [3, 3, 5, 4.5, 4, 4, 5, 4.5, 4, 4]
    assert [row[1] for row in tables["weeks"].rows] == [5, 4]


@pytest.mark.parametrize("desks", [4])
def test_an_office_with_fewer_desks_than_people_on_a_day_counts_that_day_over_capacity(five):
    _result, tables = figures()
    (stockholm,) = tables["desks"].rows
    # Tuesday and Thursday each had one day with all five in (the weekday table's peaks above).
    assert stockholm[:6] == ["Stockholm", 4, 5, 5, Decimal("4.0"), 2]


def test_four_people_are_too_few_to_show_and_five_are_enough(five):
    _result, tables = figures()
    assert tables["summary"].rows[0][1] == 5
    five["eva"].is_active = False
    five["eva"].save()
    result, tables = figures()
    assert result.commuters == 4
    assert {row[1] for row in tables["summary"].rows} == {"too few to show"}
    assert tables["modes"].rows == [["Other modes together", *["too few to show"] * 6]]
    assert tables["desks"].rows[0][2:] == ["too few to show"] * 8  # four people based there
    assert [row[1] for row in tables["weeks"].rows] == ["too few to show"] * 2


def test_a_mode_below_the_threshold_joins_the_largest_rather_than_be_read_off_the_total(five):
    site, unit = five["asa"].site, five["asa"].unit
    for number in range(5):
        Person.objects.create_user(
            f"car{number}@example.com",
            "x",
            first_name="Car",
            last_name=str(number),
            unit=unit,
            site=site,
            commute_mode="car",
            commute_distance_km=Decimal(1),
        )
    _result, tables = figures()
    labels = [row[0] for row in tables["modes"].rows]
    assert labels == ["Car and other modes"]  # 7 by car; 3 others together are still too few


def test_filters_choose_whose_commute_counts_but_desks_count_everyone(five):
    other = Unit.objects.create(code="O", name="Other")
    Person.objects.filter(pk=five["asa"].pk).update(unit=other)
    result, tables = figures(unit_ids=(other.pk,))
    assert result.people == 1 and tables["summary"].rows[0][1] == "too few to show"
    assert tables["desks"].rows[0][3] == 5  # the peak at the site is everyone's


@pytest.fixture
def hr(db):
    person = Person.objects.create_user("hr@example.com", "x", first_name="Hanna", last_name="HR")
    person.groups.add(Group.objects.get(name="hr"))
    return person


def test_the_page_shows_figures_and_assumptions_in_the_reader_s_language(client, five, hr):
    hr.language = "sv"
    hr.save()
    client.force_login(hr)
    response = client.get(reverse("reports:business_case"), {"start": START, "end": END})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Pendlingsresor som inte görs (tur och retur)" in page
    assert "4,5" in page  # Tuesday's average at the office, with a Swedish decimal comma
    assert "Skatteverkets skattefria bilersättning" in page
    assert "Beräknat" in page
    assert '<svg class="chart-svg"' in page


def test_the_page_keeps_a_bounded_number_of_queries(client, five, hr, django_assert_max_num_queries):
    client.force_login(hr)
    for number in range(30):  # more people and changes do not mean more queries
        extra = Person.objects.create_user(
            f"p{number}@example.com", "x", first_name="P", last_name=str(number)
        )
        DayChange.objects.create(person=extra, date=TODAY, kind="remote")
    # Computed on this request: the figures' six queries, and three to find, size and keep them.
    with django_assert_max_num_queries(18):
        assert client.get(reverse("reports:business_case")).status_code == 200


def test_bad_input_names_the_field_and_shows_no_figures(client, hr):
    client.force_login(hr)
    response = client.get(reverse("reports:business_case"), {"start": "2026-05-01", "end": "2026-04-01"})
    assert "The end comes before the start." in response.content.decode()
    assert response.context["result"] is None
    response = client.get(reverse("reports:business_case"), {"start": "nonsense", "site": "x"})
    assert response.status_code == 200 and response.context["form"].errors.keys() == {"start", "site"}


@time_machine.travel(datetime.datetime(2026, 3, 8, 12, tzinfo=datetime.UTC), tick=False)
def test_each_table_exports_as_csv_and_xlsx(client, five, hr):
    client.force_login(hr)
    query = {"start": START, "end": END}
    csv = client.get(reverse("reports:business_case_export", args=["summary", "csv"]), query)
    assert csv["Content-Type"].startswith("text/csv")
    assert "Commute trips not made (round trips);5;4;9;" in csv.content.decode("utf-8-sig")
    xlsx = client.get(reverse("reports:business_case_export", args=["desks", "xlsx"]), query)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [cell.value for cell in sheet[2]][:4] == ["Stockholm", 10, 5, 5]
    assert client.get(reverse("reports:business_case_export", args=["nothing", "csv"])).status_code == 404


def test_the_pdf_is_drawn_archival_and_tagged(client, five, hr, tmp_path):
    client.force_login(hr)
    response = client.get(reverse("reports:business_case_pdf"), {"start": START, "end": END})
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    path = tmp_path / "business-case.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
    assert re.search(r"^Title:\s+Business case$", info, re.MULTILINE)
    xmp = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True).stdout
    assert 'pdfaid:part="3"' in xmp
    objects = pdf_objects(response.content)
    assert b"/StructTreeRoot" in objects and b"/Lang (en" in objects
    assert all(tag in objects for tag in (b"/H1", b"/P", b"/Table", b"/TH", b"/TD"))


def test_the_page_keeps_its_figures_until_a_plan_changes(client, five, hr):
    client.force_login(hr)
    query = {"start": START, "end": END}
    first = client.get(reverse("reports:business_case"), query)
    with CaptureQueriesContext(connection) as kept:
        again = client.get(reverse("reports:business_case"), query)
    assert again.context["computed_at"] == first.context["computed_at"]
    assert not [query for query in kept.captured_queries if "SUM(p.commute_distance_km)" in query["sql"]]
    DayChange.objects.create(person=five["cissi"], date=datetime.date(2026, 3, 10), kind="remote")
    changed = client.get(reverse("reports:business_case"), query)
    assert sum(changed.context["result"].weekly_trips) == sum(first.context["result"].weekly_trips) + 1


def _waiting_refresh() -> DBTaskResult:
    return DBTaskResult.objects.get(task_path=kept.refresh.module_path, status="READY")


def test_slow_figures_show_as_they_were_while_the_worker_computes_them_anew(client, five, hr, monkeypatch):
    """At 100,000 people the figures take seconds: after a change the page answers at once with the last
    figures, says so, and the task worker brings the change within a minute."""
    monkeypatch.setattr(kept, "INLINE_SECONDS", 0)  # every computation counts as slow
    client.force_login(hr)
    query = {"start": START, "end": END}
    first = client.get(reverse("reports:business_case"), query)
    DayChange.objects.create(person=five["cissi"], date=datetime.date(2026, 3, 10), kind="remote")
    with CaptureQueriesContext(connection) as stale_queries:
        stale = client.get(reverse("reports:business_case"), query)
    assert not [q for q in stale_queries.captured_queries if "SUM(p.commute_distance_km)" in q["sql"]]
    assert stale.context["result"].weekly_trips == first.context["result"].weekly_trips
    assert stale.context["computed_at"] == first.context["computed_at"]
    assert "newer figures are being computed" in stale.content.decode()
    assert _waiting_refresh().run_after <= timezone.now() + datetime.timedelta(minutes=1)
    assert kept.refresh.call() == {"computed": 1, "failed": 0}
    fresh = client.get(reverse("reports:business_case"), query)
    assert sum(fresh.context["result"].weekly_trips) == sum(first.context["result"].weekly_trips) + 1
    assert fresh.context["current"] and "as they stand now" in fresh.content.decode()
    # The worker keeps looking while someone reads the figures: the next change needs no page load.
    assert _waiting_refresh().run_after <= timezone.now() + datetime.timedelta(minutes=1)


def test_a_large_organisation_s_first_figures_come_from_the_worker(client, five, hr, monkeypatch):
    monkeypatch.setattr(business_case, "INLINE_PEOPLE", 4)
    client.force_login(hr)
    query = {"start": START, "end": END}
    waiting = client.get(reverse("reports:business_case"), query)
    assert waiting.context["result"] is None
    assert "being computed. They appear here within a minute" in waiting.content.decode()
    kept.refresh.call()
    shown = client.get(reverse("reports:business_case"), query)
    assert sum(shown.context["result"].weekly_trips) == 9  # 5 so far and 4 ahead, as by hand above
    # A download cannot wait: it computes what it needs.
    other = {"start": START, "end": TODAY}
    assert (
        client.get(reverse("reports:business_case_export", args=["weeks", "csv"]), other).status_code == 200
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("employee", 403),
        ("manager", 200),
        ("hr_approver", 200),
        ("hr", 200),
        ("admin", 200),
        ("outsider", 403),
    ],
)
def test_who_may_open_the_business_case(client, cast, role, status):
    client.force_login(cast[role])
    assert client.get(reverse("reports:business_case")).status_code == status


def test_anonymous_is_sent_to_sign_in(client, db):
    assert client.get(reverse("reports:business_case")).status_code == 302


def test_a_manager_chooses_only_among_her_own_units(client, cast, units):
    client.force_login(cast["manager"])
    response = client.get(reverse("reports:business_case"))
    assert [unit.name for unit in response.context["form"].fields["unit"].queryset] == ["Support Sweden"]
    assert response.context["result"].people == 2  # Björn and Åsa, not the organisation
    response = client.get(reverse("reports:business_case"), {"unit": units["sales"].pk})
    assert response.context["result"] is None and "unit" in response.context["form"].errors


def test_a_part_of_the_organisation_sees_only_the_sites_where_its_people_sit(five):
    oslo = Site.objects.create(code="OSL", name="Oslo", country="NO", desk_capacity=20)
    other = Unit.objects.create(code="O", name="Other")
    for number in range(6):
        Person.objects.create_user(
            f"oslo{number}@example.com",
            "x",
            first_name="O",
            last_name=str(number),
            unit=other,
            site=oslo,
            country="NO",
        )
    _result, tables = figures()  # the whole organisation: every office
    assert [row[0] for row in tables["desks"].rows] == ["Oslo", "Stockholm", "The sites above together"]
    _result, tables = figures(unit_ids=(five["asa"].unit_id,))
    assert [row[0] for row in tables["desks"].rows] == ["Stockholm"]
    assert [row[0] for row in tables["weekdays"].rows] == ["Stockholm"]
    _result, tables = figures(country="NO")
    assert [row[0] for row in tables["desks"].rows] == ["Oslo"]


def test_many_units_are_chosen_by_code_not_from_thousands_of_options(client, five, hr, monkeypatch):
    monkeypatch.setattr("distans.reports.views_business_case.MOST_UNITS_IN_LIST", 1)
    Unit.objects.create(code="O", name="Other")
    client.force_login(hr)
    response = client.get(reverse("reports:business_case"), {"start": START, "end": END, "unit": "T"})
    page = response.content.decode()
    assert (
        '<input type="text" name="unit" value="T"' in page
        and "<option" not in page.split('name="unit"')[1][:200]
    )
    assert 'id="id_unit_helptext"' in page
    assert response.context["result"].people == 5
