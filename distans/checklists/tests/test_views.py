"""The pages: HR's editor, assigning, answering, results, privacy and reports."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from distans.checklists import services, template_services
from distans.checklists.models import Assignment, ChecklistTemplate, Response, Role, TemplateVersion
from distans.checklists.testing import GOOD_SUITABILITY, answers_for, builtin
from distans.core.testing import html
from distans.org.models import Person, Unit

LANGS = ("en", "sv", "nb", "da")


def four(prefix):
    return {f"{prefix}_{code}": f"{prefix} {code}" for code in LANGS}


def test_hr_builds_publishes_and_assigns_a_checklist(client, cast):
    client.force_login(cast["hr"])
    response = client.post(
        reverse("checklists:template_list"),
        {"kind": "it_security", **{f"title_{c}": f"Hemma {c}" for c in LANGS}},
    )
    version = TemplateVersion.objects.get(title__en="Hemma en")
    assert response.url == reverse("checklists:version", args=[version.pk])

    item = {
        "kind": "single",
        "required": "on",
        "weight": 1,
        "trigger": "3",
        "effect": "block",
        "action_owner": "employee",
        "action_days": 30,
        **four("text"),
        **{f"options_{c}": f"A {c}\nB {c}\nC {c}" for c in LANGS},
    }
    response = client.post(reverse("checklists:item_add", args=[version.pk]), item)
    assert response.status_code == 302
    saved = version.items.get()
    assert saved.trigger_answers == ["o3"] and saved.options[2]["label"]["da"] == "C da"

    preview = client.get(reverse("checklists:version_preview", args=[version.pk]), {"language": "da"})
    assert "text da" in html(preview) and "B da" in html(preview)

    client.post(reverse("checklists:version_publish", args=[version.pk]))
    version.refresh_from_db()
    assert version.status == TemplateVersion.Status.PUBLISHED

    response = client.post(
        reverse("checklists:assign", args=[cast["employee"].pk]),
        {"template": version.template_id, "due_date": "2099-01-31"},
    )
    assignment = Assignment.objects.get(person=cast["employee"])
    assert response.url == reverse("checklists:assignment", args=[assignment.pk])
    assert assignment.version == version


def test_item_form_explains_bad_triggers_and_keeps_the_draft(client, cast):
    client.force_login(cast["hr"])
    version = template_services.checklist_template_create(
        actor=cast["hr"], kind="pulse", title={"en": "Pulse"}
    )
    response = client.post(
        reverse("checklists:item_add", args=[version.pk]),
        {
            "kind": "scale",
            "weight": 1,
            "trigger": "7",
            "effect": "action",
            "action_owner": "manager",
            "action_days": 30,
            **four("text"),
        },
    )
    assert response.status_code == 400
    assert "For a scale, use numbers from 1 to 5." in html(response)
    assert version.items.count() == 0


def test_the_editor_lists_what_stops_publishing(client, cast):
    client.force_login(cast["hr"])
    version = template_services.checklist_template_create(
        actor=cast["hr"], kind="pulse", title={"en": "Pulse"}
    )
    page = html(client.get(reverse("checklists:version", args=[version.pk])))
    assert "The title is missing in: Svenska, Norsk bokmål, Dansk." in page
    assert "Add at least one question." in page


def test_a_published_version_offers_a_new_draft_instead_of_editing(client, cast):
    client.force_login(cast["hr"])
    version = builtin("pulse").versions.get()
    page = html(client.get(reverse("checklists:version", args=[version.pk])))
    assert "Edit as a new version" in page and "Add a question" not in page
    response = client.post(reverse("checklists:draft_create", args=[version.template_id]))
    draft = TemplateVersion.objects.get(template=version.template, number=2)
    assert response.url == reverse("checklists:version", args=[draft.pk])
    assert draft.items.count() == version.items.count()


def test_manager_answers_in_steps_and_the_result_shows_to_the_employee(client, cast, suitability):
    client.force_login(cast["manager"])
    url = reverse("checklists:answer", args=[suitability.pk, "manager"])
    fields = {f"q{key}": value for key, value in answers_for(suitability, **GOOD_SUITABILITY).items()}
    draft = {key: value for key, value in list(fields.items())[:3]}
    client.post(url, {**draft, "save": "1"})
    assert Response.objects.get().answers == {
        key[1:]: value for key, value in {**draft, list(draft)[2]: 4}.items()
    }

    response = client.post(url, {**draft, "submit": "1"})
    assert response.status_code == 400 and "This field is required." in html(response)

    response = client.post(url, {**fields, "submit": "1"})
    assert response.url == reverse("checklists:assignment", args=[suitability.pk])

    client.force_login(cast["employee"])
    page = html(client.get(reverse("checklists:mine")))
    assert "Suitability assessment" in page and "Pass" in page


def test_the_employee_sees_a_blocking_answer_marked(client, cast, suitability):
    services.response_submit(
        actor=cast["manager"],
        assignment=suitability,
        role=Role.MANAGER,
        answers=answers_for(suitability, **{**GOOD_SUITABILITY, "q5": "no"}),
    )
    client.force_login(cast["employee"])
    page = html(client.get(reverse("checklists:assignment", args=[suitability.pk])))
    assert "badge fail" in page and "Fail" in page


@pytest.mark.parametrize(
    "role, visible",
    [
        ("employee", True),
        ("manager", True),
        ("skip", True),
        ("hr", True),
        ("hr_approver", False),
        ("admin", False),
        ("outsider", False),
    ],
)
def test_suitability_is_seen_only_by_the_person_the_assessor_managers_above_and_hr(
    client, cast, suitability, role, visible
):
    services.response_submit(
        actor=cast["manager"],
        assignment=suitability,
        role=Role.MANAGER,
        answers=answers_for(suitability, **GOOD_SUITABILITY),
    )
    client.force_login(cast[role])
    response = client.get(reverse("checklists:assignment", args=[suitability.pk]))
    assert response.status_code == (200 if visible else 404)
    api = client.get(reverse("api:checklist_assignments"))
    assert (suitability.pk in [row["id"] for row in api.json()["items"]]) == visible


def test_pulse_answers_are_never_shown_per_person_not_even_to_hr(client, cast, due):
    pulse = services.assignment_create(
        actor=cast["hr"], template=builtin("pulse"), person=cast["employee"], due_date=due
    )
    services.response_submit(
        actor=cast["employee"],
        assignment=pulse,
        role=Role.EMPLOYEE,
        answers={str(item.pk): 2 for item in pulse.version.items.all()},
    )
    for role in ("hr", "manager", "skip"):
        client.force_login(cast[role])
        assert client.get(reverse("checklists:assignment", args=[pulse.pk])).status_code == 404
        assert client.get(reverse("api:checklist_response", args=[pulse.pk])).status_code == 404
        page = html(client.get(reverse("checklists:person", args=[cast["employee"].pk])))
        assert "Wellbeing pulse" not in page.split("<main")[1]  # HR's menu names the pulse page
    client.force_login(cast["employee"])
    assert client.get(reverse("checklists:assignment", args=[pulse.pk])).status_code == 200


def pulse_answers(cast, count, unit, value=4):
    for number in range(count):
        person = Person.objects.create_user(
            f"p{unit.code}{number}@example.com",
            "x",
            first_name="P",
            last_name=str(number),
            unit=unit,
            manager=cast["manager"],
        )
        assignment = services.assignment_create(
            actor=cast["hr"], template=builtin("pulse"), person=person, due_date=timezone.localdate()
        )
        services.response_submit(
            actor=person,
            assignment=assignment,
            role=Role.EMPLOYEE,
            answers={str(item.pk): value for item in assignment.version.items.all()},
        )


def _row(page: str, label: str) -> str:
    start = page.index(label)
    return page[start : page.index("</tr>", start)]


def test_pulse_report_shows_nothing_for_four_people_and_averages_for_five(client, cast):
    four_people = Unit.objects.create(code="FOUR", name="Four people")
    five_people = Unit.objects.create(code="FIVE", name="Five people")
    pulse_answers(cast, 4, four_people, value=1)
    pulse_answers(cast, 5, five_people, value=4)
    client.force_login(cast["hr"])
    page = html(client.get(reverse("checklists:reports")))
    completion, pulse = page[: page.index('id="pulse"')], page[page.index('id="pulse"') :]
    four_row = _row(pulse, "Four people")
    assert "Too few people to show" in four_row and "1.0" not in four_row and "<td>4</td>" not in four_row
    assert "Too few people to show" in _row(completion, "Four people"), "nor how many of the four took part"
    assert "4.0" in _row(pulse, "Five people") and "<td>5</td>" in _row(completion, "Five people")


def test_pulse_participation_is_hidden_by_the_people_in_the_unit_not_the_respondents(client, cast):
    six_people = Unit.objects.create(code="SIX", name="Six people")
    pulse_answers(cast, 4, six_people, value=2)
    for number in range(2):  # two more in the unit who were not asked
        Person.objects.create_user(
            f"quiet{number}@example.com", "x", first_name="Q", last_name=str(number), unit=six_people
        )
    alone = Unit.objects.create(code="ONE", name="One person")
    pulse_answers(cast, 1, alone, value=5)
    client.force_login(cast["hr"])
    page = html(client.get(reverse("checklists:reports")))
    completion, pulse = page[: page.index('id="pulse"')], page[page.index('id="pulse"') :]
    six_row = _row(pulse, "Six people")
    assert "<td>4</td>" in six_row and "Too few answers to show." in six_row and "2.0" not in six_row
    assert "<td>4</td>" in _row(completion, "Six people"), "four of six answering tells nobody's answers"
    for part in (pulse, completion):
        row = _row(part, "One person")
        assert "Too few people to show" in row and "<td>1</td>" not in row and "100 %" not in row


def test_a_department_shows_its_small_teams_together_but_never_what_would_tell_a_few_apart(client, cast):
    """Two teams of three are too small to show, their department of six is shown with all six answers;
    a department whose shown team of five sits beside two more answers stays hidden, since its figure
    minus the team's would tell those two people's answers."""
    sales = Unit.objects.create(code="SALES", name="Sales")
    pulse_answers(cast, 3, Unit.objects.create(code="S1", name="Sales north", parent=sales), value=2)
    pulse_answers(cast, 3, Unit.objects.create(code="S2", name="Sales south", parent=sales), value=4)
    support = Unit.objects.create(code="SUPP", name="Support")
    pulse_answers(cast, 5, Unit.objects.create(code="SU1", name="Support desk", parent=support), value=4)
    pulse_answers(cast, 2, Unit.objects.create(code="SU2", name="Support lab", parent=support), value=1)
    client.force_login(cast["hr"])
    page = html(client.get(reverse("checklists:reports")))
    pulse = page[page.index('id="pulse"') :]
    assert "<td>6</td>" in _row(pulse, "<td>Sales</td>") and "3.0" in _row(pulse, "<td>Sales</td>")
    assert "Too few people to show" in _row(pulse, "Sales north")
    assert "4.0" in _row(pulse, "Support desk")
    support_row = _row(pulse, "<td>Support</td>")
    assert "beside its teams" in support_row and "3.1" not in support_row and "<td>7</td>" not in support_row


def test_consistency_report_marks_an_assessor_far_from_the_rest(client, cast, due):
    strict, mild = cast["manager"], cast["skip"]
    people = [
        Person.objects.create_user(
            f"c{n}@example.com", "x", first_name="C", last_name=str(n), manager=strict if n < 3 else mild
        )
        for n in range(6)
    ]
    for person in people:
        assessor = person.manager
        assignment = services.assignment_create(
            actor=cast["hr"], template=builtin("suitability"), person=person, due_date=due
        )
        low = assessor == strict
        answers = {**GOOD_SUITABILITY, **({f"q{n}": 1 for n in (3, 6, 7, 8, 9, 10)} if low else {})}
        services.response_submit(
            actor=assessor,
            assignment=assignment,
            role=Role.MANAGER,
            answers=answers_for(assignment, **answers),
        )
    client.force_login(cast["hr"])
    page = html(client.get(reverse("checklists:reports")))
    assert "stricter than most" in page and "milder than most" in page


def test_completion_report_counts_overdue(client, cast, due):
    assignment = services.assignment_create(
        actor=cast["hr"], template=builtin("it-security"), person=cast["employee"], due_date=due
    )
    Assignment.objects.filter(pk=assignment.pk).update(due_date=timezone.localdate() - datetime.timedelta(1))
    client.force_login(cast["hr"])
    response = client.get(reverse("checklists:reports"))
    group = next(
        group for group in response.context["completion"] if group["template"] == "IT security at home"
    )
    assert group["total"] == {"assigned": 1, "completed": 0, "overdue": 1, "share": 0}
    assert [row["unit"] for row in group["units"]] == ["Support Sweden"]


def test_assigning_a_norwegian_checklist_to_a_swede_explains_why_not(client, cast):
    client.force_login(cast["manager"])
    template = builtin("workplace-no")
    response = client.post(
        reverse("checklists:assign", args=[cast["employee"].pk]),
        {"template": template.pk, "due_date": "2099-01-31"},
    )
    assert response.status_code == 400
    assert "works in Sweden" in html(response)
    assert not Assignment.objects.exists()


def test_my_page_points_to_checklists_to_answer(client, cast, suitability):
    client.force_login(cast["manager"])
    page = html(client.get(reverse("core:my_page")))
    assert "You have 1 checklist to answer." in page


def test_swedish_answer_page_has_no_english(client, cast, suitability):
    cast["manager"].language = "sv"
    cast["manager"].save()
    client.force_login(cast["manager"])
    page = html(client.get(reverse("checklists:answer", args=[suitability.pk, "manager"])))
    assert "Passar för distansarbete – bedömning" in page
    assert "Befattningen medger distansarbete" in page
    assert "Spara utkast" in page and "Save draft" not in page


def test_list_pages_run_a_bounded_number_of_queries(client, cast, due):
    for template in ChecklistTemplate.objects.filter(key__in=["it-security", "insurance", "pulse"]):
        services.assignment_create(actor=cast["hr"], template=template, person=cast["employee"], due_date=due)
    client.force_login(cast["employee"])
    counts = []
    for _round in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("checklists:mine")).status_code == 200
        counts.append(len(queries))
        services.assignment_create(
            actor=cast["hr"], template=builtin("follow-up"), person=cast["employee"], due_date=due
        )
    assert counts[0] == counts[1] and counts[0] <= 15
    client.force_login(cast["hr"])
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("checklists:reports"))
    assert len(queries) <= 15


def test_person_page_links_to_checklists_only_for_those_who_may_see_them(client, cast):
    url = reverse("org:person", args=[cast["employee"].pk])
    link = reverse("checklists:person", args=[cast["employee"].pk])
    client.force_login(cast["hr"])
    assert link in html(client.get(url))
    client.force_login(cast["admin"])
    assert link not in html(client.get(url))


def test_a_manager_sees_completion_for_her_reports_but_not_the_organisation_reports(client, cast, due):
    services.assignment_create(
        actor=cast["hr"], template=builtin("it-security"), person=cast["employee"], due_date=due
    )
    services.assignment_create(
        actor=cast["hr"], template=builtin("it-security"), person=cast["outsider"], due_date=due
    )
    client.force_login(cast["manager"])
    response = client.get(reverse("checklists:reports"))
    units = [row["unit"] for group in response.context["completion"] for row in group["units"]]
    assert units == ["Support Sweden"]
    page = html(response)
    assert "Consistency of suitability assessments" not in page and "Wellbeing pulse" not in page


def test_hr_assigns_a_checklist_to_a_whole_unit_leaving_out_other_countries(client, cast):
    norwegian = Person.objects.create_user(
        "nor@example.com", "x", unit=cast["employee"].unit, country="NO", manager=cast["manager"]
    )
    client.force_login(cast["hr"])
    response = client.post(
        reverse("checklists:assign_unit"),
        {"template": builtin("workplace-se").pk, "unit": cast["employee"].unit_id, "due_date": "2099-01-31"},
    )
    assert response.status_code == 302
    assigned = set(Assignment.objects.values_list("person__email", flat=True))
    assert assigned == {"asa@example.com", "bjorn@example.com"} and norwegian.email not in assigned
