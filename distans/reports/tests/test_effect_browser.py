"""'Does it work?' in a real browser on the demo as `manage.py demo` builds it: HR switches to Swedish,
finds the report in the menu and reads its charts and tables, drawn under the content security policy."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from distans.core.testing import browser_sign_in, menu_click
from distans.org.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_hr_reads_the_report_in_swedish(page, live_server):
    call_command("demo", verbosity=0)
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    browser_sign_in(page, live_server, "elin.sjoberg@nordvik.example", DEMO_PASSWORD)
    page.get_by_role("button", name="Svenska").click()
    expect(page.get_by_role("heading", name="Min sida", exact=True)).to_be_visible()
    menu_click(page, "Fungerar det?")
    expect(page.get_by_role("heading", name="Fungerar det?", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Distansarbetet jämfört med överenskommelserna")).to_be_visible()
    expect(page.get_by_role("img", name="Andel distansarbete per enhet och vecka")).to_be_visible()
    expect(page.get_by_text("Personveckor jämfört med överenskommelsen").first).to_be_visible()
    expect(page.get_by_role("heading", name="Ansökningar", exact=True)).to_be_visible()
    # The demo's 300 people are enough for every figure about the whole organisation.
    approved = page.locator("#requests tr").filter(has=page.get_by_role("rowheader", name="Beviljad"))
    expect(approved.locator("td")).not_to_have_text("–")
    with page.expect_download() as download:
        page.locator("#requests").get_by_role("link", name="XLSX").first.click()
    assert download.value.suggested_filename == "effect-requests.xlsx"
    assert problems == []
