"""A manager holds a follow-up conversation in a real browser, chooses fewer days, and the agreement
gets an amendment for both to sign."""

import pytest
from playwright.sync_api import expect

from distans.agreements.models import Agreement
from distans.agreements.testing import approved, signed
from distans.core.testing import menu_click
from distans.followup import services
from distans.org.demo import DEMO_PASSWORD, demo_load
from distans.org.models import Person
from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_manager_holds_an_evaluation_and_chooses_fewer_days(page, live_server):
    demo_load(people=60, seed=1)
    employee = (
        Person.objects.filter(
            country="SE",
            position__remote_suitability__in=["partly", "fully"],
            manager__isnull=False,
            reports__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    manager = employee.manager
    for person in (employee, manager):
        person.set_password(DEMO_PASSWORD)
        person.language = "sv"
        person.save()
    approved(employee, manager, days="2", flexible=True)
    agreement = signed(Agreement.objects.get(person=employee), employee, manager, DEMO_PASSWORD)
    evaluation = services.evaluation_schedule_first(agreement)

    sign_in(page, live_server, manager.email)
    menu_click(page, "Uppföljning")
    page.get_by_role("link", name=employee.full_name).click()
    expect(page.get_by_role("heading", name=f"Uppföljningssamtal: {employee.full_name}")).to_be_visible()
    page.get_by_label("Färre distansdagar").check()
    page.get_by_label("Nytt antal dagar per vecka (fler eller färre dagar)").select_option("1")
    page.get_by_label("Vad ni kom överens om").fill("En dag under införandet av det nya systemet.")
    page.get_by_role("button", name="Registrera utfallet").click()
    expect(page.get_by_text("Ändringen är upprättad")).to_be_visible()
    expect(page.get_by_role("heading", name="Ändring: version 2 · Utkast")).to_be_visible()
    amendment = agreement.versions.get(number=2)
    assert amendment.terms["days_per_week"] == "1" and amendment.status == "draft"
    evaluation.refresh_from_db()
    assert evaluation.outcome == "fewer_days"
