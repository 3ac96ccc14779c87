"""Versioning, assignments, answering, actions and reminders, through the services."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from distans.checklists import services, template_services
from distans.checklists.models import (
    Action,
    Assignment,
    ChecklistTemplate,
    Item,
    Outcome,
    Role,
    TemplateVersion,
)
from distans.checklists.testing import GOOD_SUITABILITY, answers_for, builtin
from distans.core.errors import DomainError
from distans.core.models import AuditEntry
from distans.core.testing import run_due_tasks

FOUR = {
    "en": "Lockable storage?",
    "sv": "Låsbar förvaring?",
    "nb": "Låsbar oppbevaring?",
    "da": "Aflåselig opbevaring?",
}


def draft_with_item(cast, **item):
    version = template_services.checklist_template_create(actor=cast["hr"], kind="it_security", title=FOUR)
    template_services.checklist_item_save(
        actor=cast["hr"],
        version=version,
        kind="yes_no",
        text=FOUR,
        trigger_answers=["no"],
        effect="block",
        **item,
    )
    return version


def test_a_published_version_is_never_edited_and_answers_keep_their_version(cast, due):
    version = draft_with_item(cast)
    template_services.checklist_version_publish(actor=cast["hr"], version=version)
    assignment = services.assignment_create(
        actor=cast["hr"], template=version.template, person=cast["employee"], due_date=due
    )
    with pytest.raises(DomainError) as error:
        template_services.checklist_item_save(
            actor=cast["hr"], version=version, item=version.items.get(), text={"en": "x"}
        )
    assert error.value.code == "version_published"

    draft = template_services.checklist_draft_create(actor=cast["hr"], template=version.template)
    changed = {**FOUR, "en": "Do you have a locked cabinet?"}
    template_services.checklist_item_save(
        actor=cast["hr"], version=draft, item=draft.items.get(), text=changed
    )
    template_services.checklist_version_publish(actor=cast["hr"], version=draft)

    assignment.refresh_from_db()
    assert assignment.version_id == version.pk
    assert version.items.get().text["en"] == "Lockable storage?"
    assert draft.number == 2 and draft.items.get().text["en"] == "Do you have a locked cabinet?"
    later = services.assignment_create(
        actor=cast["hr"], template=version.template, person=cast["outsider"], due_date=due
    )
    assert later.version_id == draft.pk


def test_publishing_needs_every_text_in_four_languages(cast):
    version = template_services.checklist_template_create(
        actor=cast["hr"], kind="pulse", title={"en": "Pulse"}
    )
    template_services.checklist_item_save(
        actor=cast["hr"], version=version, kind="scale", text={"en": "Stress", "sv": "Stress"}
    )
    with pytest.raises(DomainError) as error:
        template_services.checklist_version_publish(actor=cast["hr"], version=version)
    assert "Norsk bokmål" in error.value.message and "Dansk" in error.value.message
    version.refresh_from_db()
    assert version.status == TemplateVersion.Status.DRAFT


def test_only_one_draft_at_a_time(cast):
    version = draft_with_item(cast)
    assert (
        template_services.checklist_draft_create(actor=cast["hr"], template=version.template).pk == version.pk
    )


def test_items_can_be_reordered_and_deleted(cast):
    version = draft_with_item(cast)
    second = template_services.checklist_item_save(
        actor=cast["hr"], version=version, kind="scale", text={"en": "Second"}
    )
    template_services.checklist_item_move(actor=cast["hr"], item=second, up=True)
    assert [item.text["en"] for item in version.items.all()] == ["Second", "Lockable storage?"]
    template_services.checklist_item_delete(actor=cast["hr"], item=second)
    assert version.items.count() == 1
    assert AuditEntry.objects.filter(action="checklist_item.delete").exists()


def test_every_builtin_template_is_complete_in_four_languages(db):
    kinds = set(ChecklistTemplate.objects.filter(key__isnull=False).values_list("kind", flat=True))
    assert kinds == {
        "suitability",
        "workplace",
        "it_security",
        "insurance",
        "follow_up",
        "pulse",
        "readiness",
    }
    for version in TemplateVersion.objects.filter(template__key__isnull=False):
        assert version.status == TemplateVersion.Status.PUBLISHED
        assert template_services.publish_problems(version, list(version.items.all())) == [], str(version)
    workplace = TemplateVersion.objects.filter(template__kind="workplace").values_list("countries", flat=True)
    assert sorted(workplace) == [["DK"], ["NO"], ["SE"]]


def test_a_checklist_for_another_country_is_refused(cast, due):
    with pytest.raises(DomainError) as error:
        services.assignment_create(
            actor=cast["hr"], template=builtin("workplace-no"), person=cast["employee"], due_date=due
        )
    assert error.value.code == "wrong_country"
    assert "Norway" in error.value.message and Assignment.objects.count() == 0


def test_a_due_date_in_the_past_is_refused(cast):
    with pytest.raises(DomainError):
        services.assignment_create(
            actor=cast["hr"],
            template=builtin("it-security"),
            person=cast["employee"],
            due_date=timezone.localdate() - datetime.timedelta(days=1),
        )


def test_manager_assessment_goes_to_the_line_manager(suitability, cast):
    assert suitability.assessor == cast["manager"]
    assert suitability.roles() == [Role.EMPLOYEE, Role.MANAGER]
    assert suitability.required_roles() == [Role.MANAGER]


def test_submitting_computes_the_result_and_completes_the_assignment(suitability, cast):
    answers = answers_for(suitability, **GOOD_SUITABILITY)
    response = services.response_submit(
        actor=cast["manager"], assignment=suitability, role=Role.MANAGER, answers=answers
    )
    suitability.refresh_from_db()
    assert response.outcome == Outcome.PASS and response.score > 80
    assert suitability.status == Assignment.Status.COMPLETED  # the employee's own view is optional


def test_a_blocking_answer_fails_and_an_action_answer_creates_an_owned_action(suitability, cast):
    answers = answers_for(suitability, **{**GOOD_SUITABILITY, "q11": "no"})
    response = services.response_submit(
        actor=cast["manager"], assignment=suitability, role=Role.MANAGER, answers=answers
    )
    assert response.outcome == Outcome.PASS_WITH_ACTIONS
    action = Action.objects.get()
    assert action.owner == cast["employee"] and action.text["nb"].startswith("Ordne et egnet sted")
    services.action_complete(actor=cast["employee"], action=action)
    action.refresh_from_db()
    assert action.is_done

    other = services.assignment_create(
        actor=cast["manager"],
        template=builtin("suitability"),
        person=cast["employee"],
        due_date=suitability.due_date,
    )
    failed = services.response_submit(
        actor=cast["manager"],
        assignment=other,
        role=Role.MANAGER,
        answers=answers_for(other, **{**GOOD_SUITABILITY, "q5": "no"}),
    )
    assert failed.outcome == Outcome.FAIL and len(failed.blocking) == 1


def test_drafts_keep_partial_answers_and_submission_needs_the_required_ones(suitability, cast):
    partial = answers_for(suitability, q1="yes", q3=4)
    services.response_save(actor=cast["manager"], assignment=suitability, role=Role.MANAGER, answers=partial)
    with pytest.raises(DomainError) as error:
        services.response_submit(actor=cast["manager"], assignment=suitability, role=Role.MANAGER)
    assert error.value.code == "answers_missing"
    assert suitability.responses.get().answers == partial


def test_wrong_answers_are_refused_naming_the_question_and_nothing_is_lost(suitability, cast):
    good = answers_for(suitability, q1="yes")
    services.response_save(actor=cast["manager"], assignment=suitability, role=Role.MANAGER, answers=good)
    with pytest.raises(DomainError) as error:
        services.response_save(
            actor=cast["manager"],
            assignment=suitability,
            role=Role.MANAGER,
            answers=answers_for(suitability, q3=9),
        )
    assert "Results and reliability" in error.value.message
    assert suitability.responses.get().answers == good


def test_answers_are_submitted_once(suitability, cast):
    answers = answers_for(suitability, **GOOD_SUITABILITY)
    services.response_submit(
        actor=cast["employee"], assignment=suitability, role=Role.EMPLOYEE, answers=answers
    )
    with pytest.raises(DomainError) as error:
        services.response_submit(
            actor=cast["employee"], assignment=suitability, role=Role.EMPLOYEE, answers=answers
        )
    assert error.value.code == "already_submitted"


def test_a_new_assignment_mails_the_respondents_in_their_language(cast, due):
    cast["outsider"].language = "nb"
    cast["outsider"].save()
    services.assignment_create(
        actor=cast["hr"], template=builtin("it-security"), person=cast["outsider"], due_date=due
    )
    run_due_tasks()
    assert [message.to for message in mail.outbox] == [["olav@example.com"]]
    assert mail.outbox[0].subject == "En sjekkliste du skal svare på: Informasjonssikkerhet på hjemmekontor"


def test_reminders_go_before_the_due_date_and_after_it_only_while_unanswered(cast):
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False):
        assignment = services.assignment_create(
            actor=cast["manager"],
            template=builtin("it-security"),
            person=cast["employee"],
            due_date=datetime.date(2026, 12, 7),
        )
        run_due_tasks()
    assert len(mail.outbox) == 1  # the notice
    with time_machine.travel(datetime.datetime(2026, 12, 4, 9, 30, tzinfo=datetime.UTC), tick=False):
        run_due_tasks()
    assert len(mail.outbox) == 2 and mail.outbox[1].subject.startswith("Reminder")
    with time_machine.travel(datetime.datetime(2026, 12, 8, 9, 30, tzinfo=datetime.UTC), tick=False):
        run_due_tasks()
    overdue = mail.outbox[2:]
    assert {tuple(message.to) for message in overdue} == {("asa@example.com",), ("bjorn@example.com",)}
    assert all(message.subject.startswith("Overdue") for message in overdue)
    assert Assignment.objects.get(pk=assignment.pk).status == Assignment.Status.OPEN


def test_no_reminder_once_answered(cast):
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC), tick=False):
        assignment = services.assignment_create(
            actor=cast["hr"],
            template=builtin("pulse"),
            person=cast["employee"],
            due_date=datetime.date(2026, 12, 7),
        )
        services.response_submit(
            actor=cast["employee"],
            assignment=assignment,
            role=Role.EMPLOYEE,
            answers={str(item.pk): 4 for item in assignment.version.items.all()},
        )
        run_due_tasks()
    sent = len(mail.outbox)
    with time_machine.travel(datetime.datetime(2026, 12, 9, 10, tzinfo=datetime.UTC), tick=False):
        run_due_tasks()
    assert len(mail.outbox) == sent


def test_completion_is_mailed_to_the_person_but_never_for_a_pulse(suitability, cast):
    run_due_tasks()
    mail.outbox.clear()
    services.response_submit(
        actor=cast["manager"],
        assignment=suitability,
        role=Role.MANAGER,
        answers=answers_for(suitability, **GOOD_SUITABILITY),
    )
    run_due_tasks()
    assert ["asa@example.com"] in [message.to for message in mail.outbox]


def test_country_specific_items_are_asked_only_where_they_apply(cast, due):
    assignment = services.assignment_create(
        actor=cast["hr"], template=builtin("insurance"), person=cast["outsider"], due_date=due
    )
    texts = [item.text["en"] for item in services.applicable_items(assignment)]
    assert any("place of work, in working time" in text for text in texts)
    assert not any("Försäkringskassan" in text for text in texts)
    assert Item.objects.filter(version=assignment.version).count() == len(texts) + 2
