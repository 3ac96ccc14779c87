"""The follow-up conversation's chart of the last eight weeks draws under the content security policy
(no inline styles), in a real browser, with no violation in the console, its figures and words beside it."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from distans.core.testing import browser_sign_in
from distans.followup import services
from distans.planning import queries as plan_queries
from distans.planning import services as plan_services

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def plan_back_then(person, monday: datetime.date, count: int) -> int:
    """On that Monday morning, the person made `count` of the week's days remote (flexible days)."""
    moment = timezone.make_aware(datetime.datetime.combine(monday, datetime.time(7)))
    with time_machine.travel(moment, tick=False):
        weekdays = plan_queries.person_days(person, plan_queries.week_of(monday))[:5]
        workdays = [day for day in weekdays if day.kind == "office"]
        for day in workdays[:count]:
            plan_services.day_set(actor=person, person=person, date=day.date, kind="remote")
    return min(count, len(workdays))


def test_the_conversation_chart_draws_under_the_security_policy(page, live_server, cast, active):
    employee, manager = cast["employee"], cast["manager"]
    this_monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    three = plan_back_then(employee, this_monday - datetime.timedelta(weeks=3), 3)
    one = plan_back_then(employee, this_monday - datetime.timedelta(weeks=6), 1)
    assert (three, one) == (3, 1), "the weeks chosen have enough working days"
    evaluation = services.evaluation_schedule_first(active)

    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    browser_sign_in(page, live_server, manager.email)
    page.goto(f"{live_server.url}/followup/evaluations/{evaluation.pk}/")

    chart = page.get_by_role("img", name="Remote days planned per week")
    expect(chart).to_be_visible()
    dots = chart.locator("circle")
    expect(dots).to_have_count(8)
    heights = [dots.nth(index).bounding_box()["y"] for index in range(8)]
    # Oldest first: the week six weeks back is the third point, three weeks back the sixth; higher is less y.
    assert heights[5] < heights[2] < heights[0], heights
    assert heights[0] - heights[5] == pytest.approx(3 * (heights[0] - heights[2]), rel=0.1), heights
    counts = ["0", "0", "1", "0", "0", "3", "0", "0"]
    figures = page.locator(".chart-figures tbody tr").first.locator("td")
    expect(figures).to_have_text(counts)  # the figures behind the drawing, for anyone who cannot see it
    description = chart.get_attribute("aria-describedby")  # a screen reader hears the trend in words
    expect(page.locator(f"#{description}")).to_contain_text("from 0 (")
    expect(page.locator(f"#{description}")).to_contain_text("highest 3")
    assert not [text for text in problems if "Content Security Policy" in text], problems
    assert not problems, problems
