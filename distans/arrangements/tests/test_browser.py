"""The 3-day route in a real browser: a Norwegian employee asks, sees the findings live, sends; her
manager approves; the HR approver approves; she sees the result."""

import pytest
from playwright.sync_api import expect

from distans.arrangements.testing import assessed
from distans.core.testing import browser_sign_in, menu_click
from distans.org.demo import DEMO_PASSWORD, demo_load
from distans.org.models import Person
from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_three_days_go_to_the_manager_and_then_the_hr_approver(page, live_server):
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
    manager = employee.manager
    manager.set_password(DEMO_PASSWORD)
    manager.language = "nb"
    manager.save()
    assessed(employee, manager)

    sign_in(page, live_server, employee.email)
    menu_click(page, "Søknader")
    page.get_by_role("link", name="Søk om hjemmekontor").click()
    page.get_by_label("Dager i uken").select_option("3")
    findings = page.locator("#findings")
    expect(findings).to_contain_text(
        "så HR avgjør etter lederen din"
    )  # htmx updated the panel as the form changed
    expect(findings).to_contain_text("skriftlig avtale")  # Norway's home-office regulation
    page.get_by_role("button", name="Lagre som utkast").click()
    page.get_by_role("button", name="Send til avgjørelse").click()
    expect(page.get_by_text("Til behandling")).to_be_visible()
    page.get_by_role("button", name="Logg ut").click()

    sign_in(page, live_server, manager.email)
    page.goto(live_server.url + "/requests/to-decide/")
    page.get_by_role("link", name=employee.full_name).click()
    page.get_by_label("Innvilg", exact=True).check()
    page.get_by_role("button", name="Registrer avgjørelsen").click()
    expect(page.get_by_text("Avgjørelsen din er registrert")).to_be_visible()
    page.get_by_role("button", name="Logg ut").click()

    sign_in(page, live_server, "karin.stahl@nordvik.example")
    menu_click(page, "To decide")
    page.get_by_role("link", name=employee.full_name).click()
    page.get_by_label("Approve", exact=True).check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("h1 .badge")).to_have_text("Approved")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, employee.email)
    menu_click(page, "Søknader")
    expect(page.locator("table")).to_contain_text("Innvilget")


def test_the_form_shows_the_weekdays_and_the_abroad_fields_when_they_apply(page, live_server, cast):
    """In Swedish: the weekdays appear when the days are fixed, the country and time zone when the place
    is abroad; the time zones are the chosen country's, in words, and a country with one has it chosen."""
    asa = cast["employee"]
    asa.language = "sv"
    asa.save()
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    browser_sign_in(page, live_server, asa.email)
    page.goto(live_server.url + "/requests/new/")
    weekdays, country, zone = (
        page.get_by_text("måndag"),
        page.get_by_label("Land:", exact=True),
        page.get_by_label("Tidszon:", exact=True),
    )
    expect(weekdays).to_be_hidden()
    expect(country).to_be_hidden()
    page.get_by_label("Fasta veckodagar").check()
    expect(weekdays).to_be_visible()
    page.get_by_label("Utomlands").check()
    expect(country).to_be_visible()
    expect(zone).to_be_visible()
    country.select_option(label="Spanien")
    expect(zone.locator("option")).to_have_text(
        [
            "–",
            "centraleuropeisk tid (Madrid)",
            "centraleuropeisk tid (Ceuta)",
            "västeuropeisk tid (Kanarieöarna)",
        ]
    )
    expect(zone).to_have_value("")  # none chosen yet
    country.select_option(label="Thailand")
    expect(zone.locator("option")).to_have_text(["Thailandtid (Bangkok)"])
    expect(page.locator("#findings")).to_contain_text("Arbete från utlandet beviljas aldrig automatiskt")
    page.get_by_label("tisdag").check()
    page.get_by_role("button", name="Spara som utkast").click()
    expect(page.locator("dl.facts")).to_contain_text("Utomlands: Thailand, Thailandtid (Bangkok)")
    assert not problems, problems
