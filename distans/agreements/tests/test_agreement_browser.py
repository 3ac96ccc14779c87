"""A Norwegian employee signs her home-office agreement in Norwegian in a real browser and downloads
the PDF; its text is read back with pdftotext."""

import subprocess

import pytest
from playwright.sync_api import expect

from distans.agreements import services as agreement_services
from distans.agreements.models import Agreement
from distans.agreements.testing import approved
from distans.core.testing import menu_click
from distans.org.demo import DEMO_PASSWORD, demo_load
from distans.org.models import Person
from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_employee_in_norway_signs_in_norwegian_and_downloads_the_pdf(page, live_server, tmp_path):
    demo_load(people=60, seed=1)
    employee = (
        Person.objects.filter(
            country="NO",
            position__remote_suitability__in=["partly", "fully"],
            manager__isnull=False,
            reports__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    employee.set_password(DEMO_PASSWORD)
    employee.language = "nb"
    employee.save()
    approved(employee, employee.manager)
    agreement = Agreement.objects.get(person=employee)
    agreement_services.agreement_send(actor=employee.manager, agreement=agreement)

    sign_in(page, live_server, employee.email)
    menu_click(page, "Avtaler")
    page.locator("#content").get_by_role("link", name=employee.full_name).click()
    page.get_by_role("link", name="Les og signer").click()
    expect(page.get_by_role("heading", name="Avtale om hjemmekontor")).to_be_visible()
    expect(page.get_by_text("Omfanget av hjemmearbeidet")).to_be_visible()
    page.get_by_label("Jeg har lest og godtar avtalen").check()
    page.get_by_label("Passordet ditt").fill("wrong password")
    page.get_by_role("button", name="Signer", exact=True).click()
    expect(page.get_by_text("Passordet er feil")).to_be_visible()
    page.get_by_label("Jeg har lest og godtar avtalen").check()
    page.get_by_label("Passordet ditt").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Signer", exact=True).click()
    expect(page.get_by_text("Du har signert avtalen.")).to_be_visible()
    expect(page.get_by_text(f"✓ {employee.full_name}")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").first.click()
    path = tmp_path / "avtale.pdf"
    download.value.save_as(path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Avtale om hjemmekontor" in text and employee.full_name in text
    assert "Signaturer" in text and "Ikke signert av begge parter" in text, "one signature so far"
