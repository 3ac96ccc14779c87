"""A manager fills in a suitability assessment in Norwegian; the employee sees the result."""

import pytest
from playwright.sync_api import expect

from distans.checklists.demo import checklists_demo
from distans.core.testing import menu_click
from distans.org.demo import demo_load
from distans.org.models import Person
from distans.org.testing import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_manager_assesses_in_norwegian_and_the_result_reaches_the_employee(page, live_server):
    demo_load(people=60, seed=1)
    checklists_demo(seed=1)
    Person.objects.filter(email="bjorn.ekstrom@nordvik.example").update(language="nb")

    sign_in(page, live_server, "bjorn.ekstrom@nordvik.example")
    expect(page.get_by_role("heading", name="Min side")).to_be_visible()
    menu_click(page, "Sjekklister")
    page.get_by_role("link", name="Egnethetsvurdering for hjemmekontor").click()
    expect(page.get_by_role("heading", name="Egnethetsvurdering for hjemmekontor")).to_be_visible()

    questions = page.locator("fieldset.question")
    expect(questions).to_have_count(12)
    for index in range(12):
        question = questions.nth(index)
        if question.get_by_label("Ja", exact=True).count():
            question.get_by_label("Ja", exact=True).check()
        elif question.get_by_label("4", exact=True).count():
            question.get_by_label("4", exact=True).check()
        elif question.locator("input[type=text]").count():
            question.locator("input[type=text]").fill("30")
        elif question.locator(".known-answer").count():  # the months of employment: known, not typed
            expect(question).to_contain_text("Fylt ut fra ansettelsesdatoen")
        else:
            question.get_by_label("Hjemmekontor kan starte").check()
    page.get_by_role("button", name="Send inn").click()
    expect(page.get_by_text("Svarene dine er sendt inn. Resultat: Godkjent.")).to_be_visible()
    page.get_by_role("button", name="Logg ut").click()

    sign_in(page, live_server, "asa.oberg@nordvik.example")
    page.get_by_role("link", name="Checklists").first.click()
    about_me = page.locator("table").filter(has_text="Suitability assessment")
    expect(about_me).to_contain_text("Pass")
    expect(about_me).to_contain_text("Manager")
