"""In a real browser: Debian's Chromium driven by Playwright against the live server."""

import os

import pytest
from playwright.sync_api import expect, sync_playwright

from distans.org.demo import DEMO_PASSWORD, demo_load

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture
def page(monkeypatch):
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: install the Debian packages chromium and "
                    "chromium-driver (make test does so when run as root).")
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the test are
    # still synchronous, so Django's async guard would object without this.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
        yield context.new_page()
        browser.close()


# serialized_rollback restores the built-in checklists (loaded by a migration) after the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, live_server, email):
    page.goto(live_server.url + "/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_employee_signs_in_switches_to_swedish_and_finds_a_colleague(page, live_server):
    demo_load(people=60, seed=1)
    page.goto(live_server.url + "/")
    page.get_by_label("E-mail").fill("asa.oberg@nordvik.example")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My page")).to_be_visible()

    page.get_by_label("Language").select_option("sv")
    page.get_by_role("button", name="Change").click()
    expect(page.get_by_role("heading", name="Min sida")).to_be_visible()

    page.get_by_role("link", name="Personer").click()
    expect(page.get_by_role("heading", name="Personer")).to_be_visible()
    page.get_by_label("Sök").fill("Ekström")  # htmx searches as you type
    results = page.locator("#results tbody tr")
    expect(results.filter(has_text="Björn Ekström")).to_have_count(1)
    page.get_by_label("Sök").fill("öberg åsa")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Åsa Öberg")
    assert "q=" in page.url  # the search is in the address, so it can be shared
