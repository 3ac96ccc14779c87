"""In a real browser (conftest.py's `page`, 390 pixels wide): the menu fits a phone, opens from its
button, works by keyboard, and on a desktop each group opens on its own."""

import pytest
from playwright.sync_api import expect

from distans.core.testing import CAST_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_in(page, live_server, person):
    page.goto(live_server.url + "/login/")
    page.locator("#id_username").fill(person.email)
    page.locator("#id_password").fill(CAST_PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page.get_by_role("heading", name="My page")).to_be_visible()


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_manager_opens_the_menu_on_a_phone_by_keyboard(page, live_server, cast):
    sign_in(page, live_server, cast["manager"])
    button = page.get_by_role("button", name="Menu")
    team_week = page.get_by_role("navigation").get_by_role("link", name="Team week")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(team_week).to_be_hidden()
    assert no_sideways_scroll(page)

    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(team_week).to_be_visible()  # every group shows, stacked
    expect(page.get_by_role("navigation").get_by_role("link", name="Policy")).to_be_visible()
    assert no_sideways_scroll(page)

    page.keyboard.press("Tab")  # the first group's button, then its first link
    page.keyboard.press("Tab")
    expect(page.get_by_role("navigation").get_by_role("link", name="My page")).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()

    button.click()
    team_week.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Team")
    button.click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Team week")).to_have_attribute(
        "aria-current", "page"
    )


def test_on_a_desktop_each_group_opens_alone_and_the_language_changes_in_one_click(page, live_server, cast):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, live_server, cast["hr"])
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    mine, hr = page.get_by_role("button", name="My work"), page.get_by_role("button", name="HR", exact=True)
    menu = page.get_by_role("navigation", name="Main")
    register = menu.get_by_role("link", name="Agreement register")
    expect(register).to_be_hidden()

    hr.focus()
    page.keyboard.press("Enter")
    expect(register).to_be_visible()
    mine.click()
    expect(register).to_be_hidden()  # one group open at a time
    expect(menu.get_by_role("link", name="My week")).to_be_visible()
    page.keyboard.press("Escape")
    expect(mine).to_have_attribute("aria-expanded", "false")
    assert no_sideways_scroll(page)

    page.get_by_role("button", name="Svenska").click()
    expect(page.get_by_role("heading", name="Min sida")).to_be_visible()
    expect(page.get_by_role("button", name="Svenska")).to_have_attribute("aria-current", "true")
