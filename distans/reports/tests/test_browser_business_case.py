"""HR opens the business case in Swedish on the demo exactly as `manage.py demo` builds it, in a real
browser, and finds what remote work saved with the assumptions beside it, then who is in today."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from distans.core.testing import menu_click
from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_hr_reads_the_business_case_in_swedish(page, live_server):
    call_command("demo", verbosity=0)
    sign_in(page, live_server, "elin.sjoberg@nordvik.example")
    page.get_by_role("button", name="Svenska").click()
    menu_click(page, "Nyttokalkyl")
    expect(page.get_by_role("heading", name="Nyttokalkyl", exact=True)).to_be_visible()
    summary = page.locator("section", has=page.get_by_role("heading", name="Vad distansarbetet sparade"))
    trips = summary.get_by_role("row").filter(has_text="Pendlingsresor som inte görs")
    # A number in Swedish (digits grouped with a space), not "too few to show": the demo has commutes.
    expect(trips.locator("td").nth(2)).to_have_text(re.compile(r"^\d{1,3}(\s\d{3})*$"))
    expect(summary).to_contain_text("Skatteverkets skattefria bilersättning")
    expect(page.get_by_role("img", name="Undvikt CO₂ per färdsätt (kg)")).to_be_visible()
    desks = page.locator("section", has=page.get_by_role("heading", name="Arbetsplatser per kontor"))
    expect(desks.get_by_role("rowheader", name="Stockholm, Kungsholmen")).to_be_visible()
    expect(page.get_by_text("Beräknat")).to_be_visible()

    # On a phone the assumption stands under its figure, on the screen, and the page does not scroll sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    assumption = summary.locator("td:visible", has_text="Skatteverkets skattefria bilersättning")
    expect(assumption).to_be_visible()
    box = assumption.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    whole_period = (
        summary.get_by_role("row").filter(has_text="Pendlingsresor som inte görs").locator("td").nth(2)
    )
    box = whole_period.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390

    menu_click(page, "På kontoret i dag")
    expect(page.get_by_role("heading", level=1)).to_have_text("På kontoret i dag")
