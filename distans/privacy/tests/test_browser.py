"""Åsa downloads everything Distans holds about her on the demo, from My page, as JSON and as PDF."""

import json

import pytest
from django.core.management import call_command

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
