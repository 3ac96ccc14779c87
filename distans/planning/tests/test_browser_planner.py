"""A manager plans her unit's next week in the browser and applies the proposal."""

import pytest
from playwright.sync_api import expect

from distans.checklists.tests.conftest import run_due_tasks
from distans.core.tests.test_browser import page, sign_in  # noqa: F401  (the page fixture)
from distans.org.demo import demo_load
from distans.org.models import Site
from distans.planning.demo import plans_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_manager_plans_her_units_week_and_applies_it(page, live_server):  # noqa: F811
    demo_load(people=60, seed=1)
    plans_demo(seed=1)
    Site.objects.update(desk_capacity=500)
    sign_in(page, live_server, "bjorn.ekstrom@nordvik.example")
    page.get_by_role("link", name="Team week").click()
    page.get_by_role("link", name="Propose a plan").click()
    page.get_by_label("Time to search (seconds)").fill("3")
    page.get_by_role("button", name="Start the planner").click()
    expect(page.locator("#run-status")).to_contain_text("Waiting to start")  # polling until the task has run
    run_due_tasks()
    expect(page.locator("#run-status")).to_contain_text("would change their office days", timeout=15000)
    page.get_by_role("button", name="Apply to the people ticked").click()
    expect(page.get_by_role("heading", name="Team week: Customer Service Sweden 1")).to_be_visible()
