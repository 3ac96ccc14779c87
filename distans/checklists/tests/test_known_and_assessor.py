"""Issue 16, forms that adapt: the assessor is chosen with the person picker, among people who manage
someone or HR; and what Distans knows (months of employment) is filled in, not typed."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from distans.checklists import rules, services
from distans.checklists.models import Item, KnownFact
from distans.checklists.queries import ASSESSOR
from distans.checklists.testing import GOOD_SUITABILITY, answers_for, builtin
from distans.core.testing import html, post_page, session_client

TODAY = datetime.date(2026, 3, 10)


def months_item(assignment) -> Item:
    return assignment.version.items.get(known=KnownFact.MONTHS_EMPLOYED)


def search(person, query):
    return html(
        session_client(person).get(
            reverse("org:person_search"), {"purpose": ASSESSOR, "q": query}, HTTP_HX_REQUEST="true"
        )
    )


@pytest.mark.parametrize(
    ("start", "today", "months"),
    [
        ((2021, 1, 4), (2026, 3, 10), 62),
        ((2026, 1, 4), (2026, 3, 3), 1),
        ((2026, 1, 4), (2026, 3, 4), 2),
        ((2026, 1, 31), (2026, 2, 28), 0),
        ((2026, 4, 1), (2026, 3, 10), 0),  # starts later: not negative
    ],
)
def test_whole_months_of_employment(start, today, months):
    assert rules.whole_months(datetime.date(*start), datetime.date(*today)) == months


def test_the_built_in_suitability_question_names_its_fact_in_the_stored_version(db):
    # Migration 0002 stored the version; 0003 marked the question.
    item = builtin("suitability").versions.get(number=1).items.get(known=KnownFact.MONTHS_EMPLOYED)
    assert item.text["en"] == "Months of employment" and item.kind == "number"


def test_the_assessor_is_found_among_managers_and_hr_and_only_by_those_who_assign(cast):
    assert "Björn Ekström" in search(cast["hr"], "björn")
    assert "Elin Sjöberg" in search(cast["manager"], "elin")  # HR
    assert "Olav Haugen" not in search(cast["hr"], "olav")  # manages no one
    assert "Björn Ekström" not in search(cast["employee"], "björn")  # Åsa assigns nothing


def test_hr_assigns_with_an_assessor_typed_by_name(cast, due):
    url = reverse("checklists:assign", args=[cast["employee"].pk])
    data = {"template": str(builtin("suitability").pk), "due_date": due.isoformat(), "assessor": ""}
    refused = post_page(cast["hr"], url, {**data, "assessor_text": "olav"})
    assert "No one you can choose here matches “olav”." in html(refused)
    post_page(cast["hr"], url, {**data, "assessor_text": "karin st"})
    assert cast["employee"].checklist_assignments.get().assessor == cast["hr_approver"]


@time_machine.travel(TODAY)
def test_months_of_employment_are_shown_from_the_employment_start_not_typed(cast, suitability):
    asa = cast["employee"]
    asa.employment_start = datetime.date(2021, 1, 4)
    asa.save()
    url = reverse("checklists:answer", args=[suitability.pk, "manager"])
    page = html(session_client(cast["manager"]).get(url))
    item = months_item(suitability)
    assert "Filled in from the employment start, 4 January 2021." in page
    assert f'name="q{item.pk}"' not in page  # nothing to type
    answers = {f"q{key}": value for key, value in answers_for(suitability, **GOOD_SUITABILITY).items()}
    post_page(cast["manager"], url, {**answers, f"q{item.pk}": "7", "save": "1"})
    assert suitability.responses.get(role="manager").answers[str(item.pk)] == 62


@time_machine.travel(TODAY)
def test_a_client_sending_another_value_still_gets_what_distans_knows(cast, suitability):
    cast["employee"].employment_start = datetime.date(2025, 3, 10)
    cast["employee"].save()
    item = months_item(suitability)
    answers = answers_for(suitability, **{**GOOD_SUITABILITY, "q4": 99})
    services.response_save(actor=cast["manager"], assignment=suitability, role="manager", answers=answers)
    assert suitability.responses.get(role="manager").answers[str(item.pk)] == 12


def test_when_the_employment_start_is_unknown_the_months_are_typed(cast, suitability):
    url = reverse("checklists:answer", args=[suitability.pk, "manager"])
    item = months_item(suitability)
    page = html(session_client(cast["manager"]).get(url))
    assert f'name="q{item.pk}"' in page and "Filled in from" not in page
    post_page(cast["manager"], url, {f"q{item.pk}": "30", "save": "1"})
    assert suitability.responses.get(role="manager").answers[str(item.pk)] == 30


def test_a_new_draft_keeps_the_fact_and_a_question_of_another_type_cannot_name_it(cast):
    from distans.checklists import template_services

    draft = template_services.checklist_draft_create(actor=cast["hr"], template=builtin("suitability"))
    item = draft.items.get(known=KnownFact.MONTHS_EMPLOYED)
    template_services.checklist_item_save(actor=cast["hr"], version=draft, item=item, kind="text")
    item.refresh_from_db()
    assert item.known == KnownFact.NONE
