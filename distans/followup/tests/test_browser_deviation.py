"""A manager reports a deviation in a real browser, choosing whom it is about by typing part of the name
and picking the suggestion with the keyboard."""

import pytest
from playwright.sync_api import expect

from distans.core.testing import menu_click
from distans.followup.models import Deviation
from distans.org.demo import demo_load, demo_logins
from distans.org.models import Person
from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_manager_picks_the_person_by_typing_and_reports(page, live_server):
    demo_load(people=60, seed=1)
    manager = Person.objects.get(
        email=next(login.email for login in demo_logins() if login.role == "manager")
    )
    report = Person.objects.filter(manager=manager, is_active=True).order_by("pk").first()
    sign_in(page, live_server, manager.email)
    menu_click(page, "Follow-up")
    page.get_by_role("link", name="Report a deviation").click()

    about = page.get_by_role("combobox", name="About")
    about.fill("")
    about.press_sequentially(f"{report.first_name} {report.last_name[:3]}", delay=30)
    option = page.get_by_role("option", name=report.full_name)
    expect(option).to_be_visible()
    expect(about).to_have_attribute("aria-expanded", "true")
    about.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    about.press("Enter")
    expect(about).to_have_value(f"{report.full_name} ({report.email})")
    expect(page.get_by_role("listbox")).to_be_hidden()

    page.get_by_label("What happened").select_option("other")
    page.get_by_label("Description").fill("The VPN drops every hour.")
    page.get_by_role("button", name="Report").click()
    expect(page.get_by_text("Reported.")).to_be_visible()
    assert Deviation.objects.get().person == report
