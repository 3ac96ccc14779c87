"""Journeys on the demo exactly as `manage.py demo` builds it, in a real browser: Björn plans his team's
next week and applies it, and HR plans a whole office that is over its desks and applies that. Data
changes only through the pages; the database is read to check what the pages claim."""

import datetime
import re

import icalendar
import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from distans.core.testing import menu_click, run_due_tasks
from distans.org.models import Person, Site
from distans.org.testing import sign_in
from distans.planning import queries, rules
from distans.planning.models import PlannerRun

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def coming_week() -> list[datetime.date]:
    today = timezone.localdate()
    monday = today + datetime.timedelta(days=7 - today.weekday())
    return [monday + datetime.timedelta(days=offset) for offset in range(5)]


def office_days(person: Person, week: list[datetime.date]) -> list[int]:
    return [day.date.weekday() for day in queries.person_days(person, week) if day.kind == rules.OFFICE]


def run_the_planner(tab):
    tab.get_by_label("Time to search (seconds)").fill("5")
    tab.get_by_role("button", name="Start the planner").click()
    expect(tab.locator("#run-status")).to_be_visible()
    # The worker runs in this thread; the page would poll the same in-memory SQLite database meanwhile,
    # whose table locks fail at once instead of waiting. So the page waits elsewhere, then comes back.
    run_page = tab.url
    tab.goto("about:blank")
    run_due_tasks()
    tab.goto(run_page)
    expect(tab.locator("#run-status")).to_contain_text("would change their office days", timeout=30000)
    run = PlannerRun.objects.get()
    assert run.result["status"] in ("optimal", "feasible")
    return run


def test_bjorn_plans_his_teams_next_week_and_everyone_s_week_and_feed_show_it(page, live_server):
    call_command("demo")
    week = coming_week()
    sign_in(page, live_server, "bjorn.ekstrom@nordvik.example")
    page.get_by_role("link", name="Team week").click()
    page.get_by_role("link", name="Propose a plan").click()
    expect(page.get_by_label("Week")).to_have_value(rules.iso_week(week[0]))
    run = run_the_planner(page)
    removes = page.locator("section", has=page.get_by_role("heading", name="What the proposal fixes"))
    expect(removes.locator("li").first).to_be_visible()  # visibly better than today's plan
    proposed = {int(pk): days for pk, days in run.result["office"].items()}
    changed = [pk for pk, days in proposed.items() if sorted(days) != sorted(run.result["current"][str(pk)])]
    assert changed

    page.get_by_role("button", name="Apply to the people ticked").click()
    year, number, _day = week[0].isocalendar()
    expect(page.locator(".week-nav strong")).to_have_text(f"Week {number}, {year}")  # the week planned
    for person in Person.objects.filter(pk__in=changed):
        assert office_days(person, week) == sorted(proposed[person.pk]), person
        row = page.locator("tr", has=page.get_by_role("link", name=person.full_name, exact=True))
        for day in proposed[person.pk]:
            expect(row.locator("td.cell").nth(day)).to_have_class(re.compile(r"kind-office"))

    # Each person's own calendar feed follows: Åsa makes her address on My week and reads it.
    page.context.clear_cookies()
    asa = Person.objects.get(email="asa.oberg@nordvik.example")
    sign_in(page, live_server, asa.email)
    page.get_by_role("link", name="My week").click()
    page.get_by_role("button", name="Make a calendar address").first.click()
    address = page.locator("p.token").first.inner_text()
    feed = icalendar.Calendar.from_ical(page.request.get(address).body())
    summaries = {event.decoded("dtstart"): str(event["summary"]) for event in feed.walk("VEVENT")}
    words = {rules.OFFICE: "Office", rules.REMOTE: "Remote"}
    for day in week:
        planned = queries.person_days(asa, [day])[0]
        assert summaries[day].startswith(words.get(planned.kind, "Away")), (day, summaries[day])
    assert office_days(asa, week) == sorted(proposed[asa.pk])


def test_hr_finds_an_office_over_its_desks_and_a_plan_for_the_whole_office_fixes_it(page, live_server):
    call_command("demo")
    week = coming_week()
    over = {
        site.pk: [day["date"] for day in queries.site_occupancy(site, week)["days"] if day["over"]]
        for site in Site.objects.all()
    }
    crowded = Site.objects.get(pk=max(over, key=lambda pk: len(over[pk])))
    assert over[crowded.pk], "the demo has an office that is over its desks on its busiest days"

    sign_in(page, live_server, "elin.sjoberg@nordvik.example")
    menu_click(page, "Problems ahead")
    offices = page.locator("section", has=page.get_by_role("heading", name="Offices"))
    group = offices.locator("li", has_text=crowded.name).first
    group.get_by_role("link", name=over[crowded.pk][0].strftime("%a %-d %b")).click()
    expect(page.get_by_role("heading", name=re.compile(crowded.name))).to_be_visible()
    page.get_by_role("link", name="Propose a plan for this office").click()
    run = run_the_planner(page)
    removes = page.locator("section", has=page.get_by_role("heading", name="What the proposal fixes"))
    fixed = removes.locator("li", has_text=re.compile(rf"{re.escape(crowded.name)}.*desks"))
    expect(fixed.first).to_be_visible()
    page.get_by_role("button", name="Apply to the people ticked").click()
    expect(page.get_by_role("heading", name=re.compile(crowded.name))).to_be_visible()

    booked = [day["count"] for day in queries.site_occupancy(crowded, week)["days"]]
    assert max(booked) <= crowded.desk_capacity, booked  # no day over its desks any more
    planned = page.locator("table.heatmap tbody tr").first  # the map starts at the week planned
    cells = planned.locator("td.heat")
    expect(cells).to_have_count(5)
    expect(planned.locator("td.heat-over")).to_have_count(0)
    for cell, count in zip(cells.all(), booked, strict=True):
        expect(cell.locator(".heat-count")).to_have_text(str(count))
    run.refresh_from_db()
    assert run.status == "applied"


def test_hr_plans_every_office_at_once_and_applies_the_crowded_one(page, live_server):
    call_command("demo")
    week = coming_week()
    sites = list(Site.objects.order_by("name"))
    over = {site.pk: sum(day["over"] for day in queries.site_occupancy(site, week)["days"]) for site in sites}
    crowded = Site.objects.get(pk=max(over, key=over.__getitem__))

    sign_in(page, live_server, "elin.sjoberg@nordvik.example")
    menu_click(page, "Sites")
    page.get_by_role("link", name="Propose plans for several offices").click()
    offices = page.get_by_role("group", name="Offices")
    for site in sites:
        offices.get_by_label(re.compile(rf"{re.escape(site.name)}:")).check()
    page.get_by_label("Time to search (seconds)").fill("5")
    page.get_by_role("button", name="Start the planner").click()
    expect(page.get_by_role("status")).to_contain_text(f"0 of {len(sites)} offices finished")
    page_url = page.url
    page.goto("about:blank")  # the worker runs here, in this thread (see run_the_planner)
    run_due_tasks()
    page.goto(page_url)
    expect(page.get_by_role("status")).to_contain_text(f"{len(sites)} of {len(sites)} offices finished")
    row = page.get_by_role("row", name=re.compile(re.escape(crowded.name)))
    expect(row).to_contain_text("would change their office days")

    row.get_by_role("link", name=crowded.name).click()
    removes = page.locator("section", has=page.get_by_role("heading", name="What the proposal fixes"))
    expect(
        removes.locator("li", has_text=re.compile(rf"{re.escape(crowded.name)}.*desks")).first
    ).to_be_visible()
    page.get_by_role("button", name="Apply to the people ticked").click()
    expect(page.get_by_role("heading", name=re.compile(crowded.name))).to_be_visible()
    booked = [day["count"] for day in queries.site_occupancy(crowded, week)["days"]]
    assert max(booked) <= crowded.desk_capacity, booked
    page.go_back()
    page.get_by_role("link", name="All offices planned together").click()
    expect(page.get_by_role("row", name=re.compile(re.escape(crowded.name)))).to_contain_text("Applied")
    assert PlannerRun.objects.filter(batch__isnull=False).count() == len(sites)
