"""In a real browser (conftest.py's `page`): the demo, signed in as Åsa, in Swedish, finding a colleague."""

import pytest
from playwright.sync_api import expect

from distans.org.demo import DEMO_PASSWORD, demo_load

# serialized_rollback restores the built-in checklists (loaded by a migration) after the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_employee_signs_in_switches_to_swedish_and_finds_a_colleague(page, live_server):
    demo_load(people=60, seed=1)
    page.goto(live_server.url + "/")
    page.get_by_label("E-mail").fill("asa.oberg@nordvik.example")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My page")).to_be_visible()

    page.get_by_role("button", name="Svenska").click()  # the language changes in one step
    expect(page.get_by_role("heading", name="Min sida")).to_be_visible()

    page.get_by_role("button", name="Meny").click()  # a phone's menu opens from its button
    page.get_by_role("link", name="Personer").click()
    expect(page.get_by_role("heading", name="Personer")).to_be_visible()
    page.get_by_label("Sök").fill("Ekström")  # htmx searches as you type
    results = page.locator("#results tbody tr")
    expect(results.filter(has_text="Björn Ekström")).to_have_count(1)
    page.get_by_label("Sök").fill("öberg åsa")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Åsa Öberg")
    assert "q=" in page.url  # the search is in the address, so it can be shared
