"""Björn keeps several duties for his team on the demo, through the pages: adding one keeps the others,
removing one removes only it, and the team week shows each duty's cover day by day."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _duty_names(browser_page) -> list[str]:
    return [name.strip() for name in browser_page.locator("fieldset.duty > legend").all_inner_texts()]


def test_a_manager_adds_and_removes_a_duty_and_the_others_stay(page, live_server):
    call_command("demo", people=60, verbosity=0)
    sign_in(page, live_server, "bjorn.ekstrom@nordvik.example")
    page.get_by_role("link", name="Team week").click()
    page.get_by_role("link", name="Team office days, coverage and duties").click()
    before = [name for name in _duty_names(page) if name != "New duty"]

    new = page.get_by_role("group", name="New duty")
    new.get_by_label("Duty:", exact=True).fill("Telephone")
    new.get_by_label("Monday").check()
    new.get_by_label("Wednesday").check()
    new.get_by_label("Duty from").fill("13:00")
    new.get_by_label("Duty until").fill("12:00")  # before it starts: refused, with the reason beside it
    page.get_by_role("button", name="Save and add another duty").click()
    expect(new.locator(".errorlist")).to_have_text("The duty must end after it starts.")
    new.get_by_label("Duty until").fill("16:00")
    page.get_by_role("button", name="Save and add another duty").click()
    expect(page.get_by_text("The unit's settings are saved.")).to_be_visible()
    assert _duty_names(page) == [*before, "Telephone", "New duty"]

    page.get_by_role("group", name="Telephone").get_by_label("Remove this duty").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Duties")).to_be_visible()  # back on the team week
    table = page.locator("table.duty-cover")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(before))
    for name in before:
        row = rows.filter(has_text=name)
        expect(row.locator("td")).to_have_count(5)  # one cell a weekday: who covers it, or not covered
    expect(table).not_to_contain_text("Telephone")
