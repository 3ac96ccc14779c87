"""Without a worker the planner's run page says so, and carries on once one starts. (A manager planning
and applying her unit's week is a journey in test_journeys.py.)"""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from distans.core.testing import run_due_tasks
from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_without_a_worker_the_run_page_says_how_to_start_one(page, live_server):
    call_command("demo", "--people", "60")
    sign_in(page, live_server, "bjorn.ekstrom@nordvik.example")
    page.get_by_role("link", name="Team week").click()
    page.get_by_role("link", name="Propose a plan").click()
    page.get_by_role("button", name="Start the planner").click()
    status = page.locator("#run-status")
    expect(status).to_contain_text("Waiting to start")
    expect(status).to_contain_text("No worker has started this run.", timeout=45000)
    expect(status).to_contain_text("manage.py db_worker")
    # A worker starts (in this thread). The page waits elsewhere meanwhile: its polling of the same
    # in-memory SQLite database would fail the worker's table lock at once instead of waiting.
    run_page = page.url
    page.goto("about:blank")
    run_due_tasks()
    page.goto(run_page)
    expect(page.get_by_role("button", name="Stop and keep the best plan so far")).to_have_count(
        0, timeout=30000
    )
    expect(status).not_to_contain_text("No worker")
