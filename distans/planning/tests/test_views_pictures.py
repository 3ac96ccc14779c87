"""Pictures where people look: the team week as a coloured grid with a legend and its counts against
coverage and desks, the office as weeks by weekdays of desks taken, weekends offered only to those who
work them, and the team's extra office dates in the reader's date format.

Cast (conftest): Åsa and Björn of Support Sweden work at Stockholm (40 desks), Monday to Friday by
default; Olav, in Sales Norway, has no office. Today is Tuesday 1 December 2026."""

import datetime
import re

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.forms.models import model_to_dict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from distans.agreements.testing import agreement_in_force
from distans.core.testing import api_as, csrf_token, html, send, session_client
from distans.org.models import Person, Unit
from distans.planning import queries, rules, services
from distans.planning.forms import duties_fingerprint
from distans.planning.models import DayChange, UnitPlanSettings

CHRISTMAS_WEEK = "2026-W52"  # Monday 21 to Friday 25 December; Christmas Eve and Day are off in Sweden
SATURDAY = datetime.date(2026, 12, 12)


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield


def cells(page: str, name: str) -> list[tuple[str, str]]:
    """A person's row of the team grid: (classes, words) for each day."""
    row = re.search(rf">{re.escape(name)}</a></th>(.*?)</tr>", page, re.S)
    assert row, name
    return re.findall(r'<td class="cell ([^"]*)"[^>]*>([^<]*)</td>', row.group(1))


def test_the_team_week_colours_each_kind_with_a_legend_and_words(client, cast, frozen):
    asa, bjorn = cast["employee"], cast["manager"]
    agreement_in_force(cast, days="1", flexible=False, weekdays=[0])  # Mondays at home
    services.day_set(
        actor=asa, person=asa, date=datetime.date(2026, 12, 23), kind="away", away_reason="leave"
    )
    UnitPlanSettings.objects.create(unit=asa.unit, office_weekdays=[1])
    client.force_login(bjorn)
    page = html(client.get(reverse("planning:team", args=[asa.unit_id]), {"week": CHRISTMAS_WEEK}))

    assert cells(page, "Åsa Öberg") == [
        ("kind-remote", "Remote"),
        ("kind-office team-day", "Office"),
        ("kind-away", "Away · Leave"),  # her manager may see why
        ("kind-holiday", "Christmas Eve"),
        ("kind-holiday", "Christmas Day"),
    ]
    legend = re.search(r'<ul class="legend".*?</ul>', page, re.S).group(0)
    for kind, words in [
        ("kind-office", "Office"),
        ("kind-remote", "Remote"),
        ("kind-abroad", "Abroad"),
        ("kind-away", "Away"),
        ("kind-holiday", "Public holiday or not working"),
        ("team-day", "Team office day"),
    ]:
        assert re.search(rf'class="swatch {kind}" aria-hidden="true"></span>{words}</li>', legend), kind
    # What the colours say is written for those who do not see them: a caption and the column's words.
    assert '<caption class="visually-hidden-label">Where the members of Support Sweden are each day' in page
    assert re.search(r'<th scope="col" class="day-col team-day">.*?Team office day</span>', page)


def test_today_is_marked_in_the_team_week(client, cast, frozen):
    client.force_login(cast["manager"])
    page = html(client.get(reverse("planning:my_team")))
    today = re.search(r'<th scope="col" class="day-col today" aria-current="date">(.*?)</th>', page)
    assert today and "Tue 1 Dec" in today.group(1) and "Today" in today.group(1)
    assert cells(page, "Åsa Öberg")[1] == ("kind-office today", "Office")


def test_the_team_week_counts_desks_taken_at_the_office_the_team_goes_to(client, cast, frozen):
    olav = cast["outsider"]
    site = cast["employee"].site
    services.day_set(actor=olav, person=olav, date=datetime.date(2026, 12, 9), kind="office", site=site)
    client.force_login(cast["manager"])
    page = html(client.get(reverse("planning:my_team"), {"week": "2026-W50"}))
    desks = re.search(r'<tr class="desks"><th scope="row">Desks taken at Stockholm</th>(.*?)</tr>', page)
    assert desks, "a row for Stockholm's desks"
    counts = re.findall(r">(\d+) of 40<", desks.group(1))
    assert counts == ["2", "2", "3", "2", "2"]  # Olav, from another team, takes a desk on Wednesday


@pytest.mark.django_db
def test_a_day_short_of_the_coverage_is_flagged_on_the_demo():
    """A customer service team of the demo keeps a minimum at the office; when enough of them report
    leave on one day (each in their own week), its manager's team week flags that day short."""
    call_command("demo", "--people", "60")
    team = next(
        unit
        for unit in Unit.objects.filter(code__startswith="CS").order_by("code")
        if (UnitPlanSettings.objects.filter(unit=unit).values_list("coverage", flat=True).first() or {})
    )
    today = timezone.localdate()
    week = [today + datetime.timedelta(days=7 - today.weekday() + offset) for offset in range(5)]
    grid = queries.team_week(team, week)
    day = next(index for index, column in enumerate(grid["columns"]) if column["needed"])
    needed = grid["columns"][day]["needed"]
    at_office = [row["person"][0] for row in grid["rows"] if row["days"][day].kind == rules.OFFICE]
    assert len(at_office) >= needed, "the demo's week is covered before anyone is away"
    leaving = Person.objects.filter(pk__in=at_office[: len(at_office) - needed + 2])
    for person in leaving:
        services.day_set(actor=person, person=person, date=week[day], kind="away", away_reason="leave")

    manager = team.manager
    manager.language = "en"  # read in English, as she may choose
    manager.save(update_fields=["language"])
    client = Client()
    client.force_login(manager)
    page = html(client.get(reverse("planning:team", args=[team.pk]), {"week": rules.iso_week(week[0])}))
    footer = re.search(r"<tfoot>.*?</tr>", page, re.S).group(0)
    counts = re.findall(r'<td class="count([^"]*)">(.*?)</td>', footer, re.S)
    classes, shown = counts[day]
    assert "short" in classes.split()
    assert f'<strong class="count-number">{needed - 2}</strong>' in shown
    assert f"(at least {needed} needed)" in shown
    assert '<span class="badge fail">2 people short</span>' in shown
    after = queries.team_week(team, week)["columns"]  # the other days are flagged as their counts say
    assert ["short" in other.split() for other, _text in counts] == [
        column["counts"]["office"] < column["needed"] for column in after
    ]


def heat_cells(page: str, week: str) -> list[tuple[str, str]]:
    row = re.search(rf">{week}</a>.*?</th>(.*?)</tr>", page, re.S)
    assert row, week
    return re.findall(
        r'<td class="heat heat-(\S+?)(?: today)?"[^>]*><span class="heat-count">(\d+)</span>', row.group(1)
    )


def test_the_office_page_maps_desks_taken_by_weeks_and_weekdays(client, cast, frozen):
    """Stockholm with 4 desks: Åsa and Björn there every day, Cay and Dag too from the second week;
    Olav books a Wednesday; Åsa is on leave one Thursday; then the desks are cut to 4 when 5 were booked."""
    asa, olav = cast["employee"], cast["outsider"]
    site = asa.site
    for name in ("Cay", "Dag"):
        person = Person.objects.create_user(
            f"{name}@example.com", "x", first_name=name, last_name="Lund", site=site
        )
        services.day_set(
            actor=person, person=person, date=datetime.date(2026, 12, 7), kind="away", away_reason="leave"
        )
    services.day_set(actor=olav, person=olav, date=datetime.date(2026, 12, 9), kind="office", site=site)
    services.day_set(
        actor=asa, person=asa, date=datetime.date(2026, 12, 10), kind="away", away_reason="leave"
    )
    # The administrator cuts the office to 4 desks, as in the admin site, after the bookings were made.
    client.force_login(cast["admin"])
    change = reverse("admin:org_site_change", args=[site.pk])
    fields = {key: value for key, value in model_to_dict(site).items() if value is not None}
    assert client.post(change, {**fields, "desk_capacity": 4}).status_code == 302
    site.refresh_from_db()
    assert site.desk_capacity == 4
    client.force_login(cast["hr"])
    url = reverse("planning:site", args=[site.pk])

    with CaptureQueriesContext(connection) as captured:
        page = html(client.get(url, {"week": "2026-W50"}))
    assert heat_cells(page, "Week 50") == [
        ("3", "2"),
        ("full", "4"),
        ("over", "5"),
        ("4", "3"),
        ("full", "4"),
    ]
    assert heat_cells(page, "Week 51") == [("full", "4")] * 5
    assert len(re.findall(r">Week \d+</a>", page)) == 6
    assert "<caption>Desks taken at Stockholm each day, of 4 desks</caption>" in page
    assert '<th scope="col"><abbr title="Monday">Mon</abbr></th>' in page
    assert "of 4 desks, Over capacity" in page  # said, not only coloured
    legend = re.search(r'<ul class="legend".*?</ul>', page, re.S).group(0)
    assert 'class="swatch heat-over" aria-hidden="true"></span>Over capacity' in legend

    # Bounded: more people and bookings, and more weeks of them, add no query.
    Person.objects.bulk_create(
        [Person(email=f"p{n}@example.com", first_name="P", last_name=f"{n:02}", site=site) for n in range(40)]
    )
    for n, person in enumerate(Person.objects.filter(email__startswith="p", site=site)[:10]):
        DayChange.objects.create(person=person, date=datetime.date(2026, 12, 14 + n % 5), kind="away")
    with CaptureQueriesContext(connection) as more:
        html(client.get(url, {"week": "2026-W50"}))
    assert len(more) == len(captured)


def test_today_is_marked_on_the_office_page(client, cast, frozen):
    client.force_login(cast["hr"])
    page = html(client.get(reverse("planning:site", args=[cast["employee"].site_id])))
    assert re.search(
        r'<td class="heat heat-1 today" aria-current="date"><span class="heat-count">2</span>', page
    )


def test_a_weekend_is_not_offered_to_someone_who_works_monday_to_friday(cast, frozen):
    asa = cast["employee"]
    browser = session_client(asa)
    page = html(browser.get(reverse("planning:my_week"), {"week": "2026-W50"}))
    saturday = re.search(r'<article [^>]*id="day-2026-12-12".*?</article>', page, re.S).group(0)
    friday = re.search(r'<article [^>]*id="day-2026-12-11".*?</article>', page, re.S).group(0)
    assert 'value="office"' in friday and 'value="remote"' in friday
    assert 'value="office"' not in saturday and 'value="remote"' not in saturday
    assert 'value="away"' not in saturday

    response = browser.post(
        reverse("planning:day_set", args=[asa.pk]),
        {"date": SATURDAY.isoformat(), "kind": "office", "csrfmiddlewaretoken": csrf_token(browser, True)},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 422
    assert (
        "Work cannot be planned on Saturday 12 December: it is not a working day in the usual week."
        in response.content.decode()
    )
    assert not DayChange.objects.filter(person=asa).exists()


def test_someone_whose_usual_week_works_saturdays_is_offered_them(cast, frozen):
    asa = cast["employee"]
    services.pattern_set(
        actor=asa,
        person=asa,
        valid_from=datetime.date(2026, 12, 1),
        days=["office", "office", "office", "office", "off", "office", "off"],
    )
    browser = session_client(asa)
    page = html(browser.get(reverse("planning:my_week"), {"week": "2026-W50"}))
    saturday = re.search(r'<article [^>]*id="day-2026-12-12".*?</article>', page, re.S).group(0)
    sunday = re.search(r'<article [^>]*id="day-2026-12-13".*?</article>', page, re.S).group(0)
    assert 'value="office"' in saturday and 'value="office"' not in sunday
    response = browser.post(
        reverse("planning:day_set", args=[asa.pk]),
        {
            "date": SATURDAY.isoformat(),
            "kind": "away",
            "away_reason": "leave",
            "csrfmiddlewaretoken": csrf_token(browser, True),
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert DayChange.objects.get(person=asa).date == SATURDAY


def test_the_api_refuses_a_weekend_day_too(cast, frozen):
    asa = cast["employee"]
    url = reverse("api:plan_day", args=[asa.pk, SATURDAY.isoformat()])
    response = send(api_as(asa), "put", url, {"kind": "remote"})
    assert response.status_code == 422 and response.json()["code"] == "not_a_working_day"
    assert not DayChange.objects.exists()


def settings_post(person, unit, office_dates: str):
    browser = session_client(person)
    return browser.post(
        reverse("planning:unit_settings", args=[unit.pk]),
        {
            "office_dates": office_dates,
            "duties_seen": duties_fingerprint([]),
            "duty-TOTAL_FORMS": "0",
            "duty-INITIAL_FORMS": "0",
            "csrfmiddlewaretoken": csrf_token(browser, True),
        },
    )


@pytest.mark.parametrize(
    ("language", "shown", "typed"),
    [
        ("nb", "11.12.2026", "18.12.2026"),
        ("da", "11.12.2026", "18.12.2026"),
        ("sv", "2026-12-11", "2026-12-18"),
    ],
)
def test_extra_office_dates_are_written_as_the_language_writes_dates(cast, frozen, language, shown, typed):
    bjorn, unit = cast["manager"], cast["employee"].unit
    bjorn.language = language
    bjorn.save(update_fields=["language"])
    UnitPlanSettings.objects.create(unit=unit, office_dates=["2026-12-11"])
    page = html(session_client(bjorn).get(reverse("planning:unit_settings", args=[unit.pk])))
    assert f'name="office_dates" value="{shown}"' in page

    assert settings_post(bjorn, unit, f"{shown}, {typed}").status_code == 302
    assert queries.unit_settings(unit)["office_dates"] == ["2026-12-11", "2026-12-18"]


def test_a_date_that_is_not_one_is_named_with_an_example_in_the_reader_s_format(cast, frozen):
    bjorn, unit = cast["manager"], cast["employee"].unit
    bjorn.language = "nb"
    bjorn.save(update_fields=["language"])
    response = settings_post(bjorn, unit, "11.12.2026, 31.02.2027")
    assert response.status_code == 422
    assert "31.02.2027" in response.content.decode() and "31.12.2026" in response.content.decode()
    assert not UnitPlanSettings.objects.exists()


def test_the_site_list_leads_every_reader_to_each_offices_desks_by_day(client, cast):
    client.force_login(cast["employee"])
    page = html(client.get(reverse("org:site_list")))
    stockholm = cast["employee"].site
    assert f'href="{reverse("planning:site", args=[stockholm.pk])}">Desks by day</a>' in page
    assert client.get(reverse("planning:site", args=[stockholm.pk])).status_code == 200
