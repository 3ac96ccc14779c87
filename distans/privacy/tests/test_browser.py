"""Åsa downloads everything Distans holds about her on the demo, from My page, as JSON and as PDF; HR reads
the retention periods on a phone."""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from distans.core.testing import CAST_PASSWORD
from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_employee_downloads_her_data_from_my_page(page, live_server):
    call_command("demo", people=60, verbosity=0)
    sign_in(page, live_server, "asa.oberg@nordvik.example")
    page.get_by_role("region", name="Your data").get_by_role("link", name="My data").click()

    with page.expect_download() as download:
        page.get_by_role("link", name="Your data as JSON").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["profile"][0]["email"] == "asa.oberg@nordvik.example"
    assert data["agreements"] and data["agreement_versions"] and data["signatures"]
    assert data["access_requests"]  # the one HR is answering in the demo

    with page.expect_download() as download:
        page.get_by_role("link", name="Your data as PDF").click()
    assert open(download.value.path(), "rb").read(5) == b"%PDF-"
    # "Preparing your file…" goes once the file has come, not a minute later.
    expect(page.locator("#download-status")).to_be_empty(timeout=3000)


def test_on_a_phone_each_retention_rule_is_a_card_with_its_periods_and_source(page, live_server, cast):
    """At 390 px nothing scrolls sideways: each rule shows its countries' periods and its source."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/")
    page.get_by_label("E-mail").fill(cast["hr"].email)
    page.get_by_label("Password").fill(CAST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(live_server.url + reverse("privacy:retention"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    rule = page.locator("table.retention tbody tr").first
    assert rule.bounding_box()["width"] <= 390
    assert rule.get_by_text("Preskriptionslag (1981:130), 2 §").is_visible()
    assert rule.get_by_text("Denmark", exact=True).is_visible()
    denmark = page.get_by_label("Agreements, their versions, signed PDFs and evaluations, Denmark, days")
    assert denmark.is_visible() and denmark.input_value() == "1095"
