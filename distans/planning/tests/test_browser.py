"""Changing a day in My week with one click, then seeing it in the team grid."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_day_changed_in_my_week_shows_in_the_team_grid(page, live_server):
    call_command("demo", "--people", "60")
    sign_in(page, live_server, "asa.oberg@nordvik.example")
    page.get_by_role("link", name="My week").click()
    page.get_by_role("link", name="Next week →").click()
    wednesday = page.locator("article.day").nth(2)
    wednesday.get_by_role("button", name="Away").click()
    expect(wednesday.locator(".where")).to_contain_text("Away")  # swapped in place by htmx
    week = page.url.split("week=")[1]

    page.goto(f"{live_server.url}/plans/team/?week={week}")
    row = page.locator("tr", has=page.get_by_role("link", name="Åsa Öberg"))
    expect(row.locator("td").nth(2)).to_have_text("Away")
