"""Requests through the services: routing, the state machine, the assessment gate, notices."""

import threading
from decimal import Decimal

import pytest
from django.core import mail
from django.db import close_old_connections, connection

from distans.arrangements import services
from distans.arrangements.models import Decision, Request
from distans.arrangements.testing import assessed, draft
from distans.core.errors import DomainError
from distans.core.models import AuditEntry
from distans.core.testing import run_due_tasks


def test_two_days_is_approved_by_the_line_manager_alone(cast, asa_assessed):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))
    assert request.route == ["manager"] and request.status == "in_review"
    request = services.request_decide(actor=cast["manager"], request=request, decision="approve")
    assert request.status == "approved" and request.decided_at is not None
    decision = Decision.objects.get()
    assert (decision.role, decision.decided_by, decision.policy_version.number) == (
        "manager",
        cast["manager"],
        1,
    )


def test_three_days_goes_to_the_manager_then_the_hr_approver(cast, asa_assessed):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"], days="3"))
    assert request.route == ["manager", "hr_approver"]
    request = services.request_decide(actor=cast["manager"], request=request, decision="approve")
    assert (request.status, request.current_step) == ("in_review", "hr_approver")
    with pytest.raises(DomainError):
        services.request_decide(actor=cast["manager"], request=request, decision="approve", expected_step=1)
    request = services.request_decide(actor=cast["hr_approver"], request=request, decision="approve")
    assert request.status == "approved"


def test_nobody_decides_their_own_request(cast):
    assessed(cast["manager"], cast["skip"])
    request = services.request_submit(actor=cast["manager"], request=draft(cast["manager"]))
    with pytest.raises(DomainError):
        services.request_decide(actor=cast["manager"], request=request, decision="approve")
    request = services.request_decide(actor=cast["skip"], request=request, decision="approve")
    assert request.status == "approved"


def test_the_manager_must_assess_suitability_before_approving(cast):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))
    with pytest.raises(DomainError) as error:
        services.request_decide(actor=cast["manager"], request=request, decision="approve")
    assert error.value.code == "assessment_needed"
    assessed(cast["employee"], cast["manager"])
    assert (
        services.request_decide(actor=cast["manager"], request=request, decision="approve").status
        == "approved"
    )


def test_a_failed_assessment_blocks_submission_with_the_reason(cast):
    assessed(cast["employee"], cast["manager"], q1="no")
    with pytest.raises(DomainError) as error:
        services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))
    assert "suitability assessment did not pass" in error.value.message
    assert Request.objects.get().status == "draft"


def test_approve_with_changes_then_the_employee_accepts(cast, asa_assessed):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"], days="3"))
    request = services.request_decide(
        actor=cast["manager"],
        request=request,
        decision="approve_with_changes",
        changes={"days_per_week": Decimal("2")},
        comment="Two to start",
    )
    assert request.status == "changes_proposed"
    request = services.request_answer_changes(actor=cast["employee"], request=request, accept=True)
    assert request.days_per_week == Decimal("2") and request.status == "in_review" and request.step == 1


def test_declining_changes_ends_the_request(cast, asa_assessed):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"], days="3"))
    request = services.request_decide(
        actor=cast["manager"],
        request=request,
        decision="approve_with_changes",
        changes={"days_per_week": Decimal("2")},
    )
    request = services.request_answer_changes(actor=cast["employee"], request=request, accept=False)
    assert request.status == "withdrawn"


def test_return_then_resubmit_starts_a_new_round(cast, asa_assessed):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))
    with pytest.raises(DomainError) as error:
        services.request_decide(actor=cast["manager"], request=request, decision="return")
    assert error.value.code == "comment_required"
    request = services.request_decide(
        actor=cast["manager"], request=request, decision="return", comment="Which weekdays?"
    )
    request = services.request_update(
        actor=cast["employee"], request=request, flexible=False, weekdays=[0, 4]
    )
    request = services.request_submit(actor=cast["employee"], request=request)
    assert (request.round, request.step, request.status) == (2, 0, "in_review")


def test_a_request_started_by_the_manager_is_confirmed_by_the_employee(cast, asa_assessed):
    request = draft(cast["employee"], actor=cast["manager"])
    with pytest.raises(DomainError):
        services.request_submit(actor=cast["manager"], request=request)
    request = services.request_send_for_confirmation(actor=cast["manager"], request=request)
    assert request.status == "awaiting_confirmation"
    request = services.request_submit(actor=cast["employee"], request=request, action="confirm")
    assert request.status == "in_review"


def test_every_transition_is_audited_with_the_policy_version(cast, asa_assessed):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))
    services.request_decide(actor=cast["manager"], request=request, decision="reject", comment="Not now")
    entries = AuditEntry.objects.filter(object_type="arrangements.request").order_by("id")
    assert [entry.action for entry in entries] == ["request.create", "request.submit", "request.reject"]
    assert entries.last().changes["comment"] == [None, "Not now"]
    assert entries.last().changes["policy_version"] == [None, 1]


def test_the_next_decider_and_the_requester_are_mailed_in_their_language(cast, asa_assessed):
    cast["manager"].language = "sv"
    cast["manager"].save()
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))
    run_due_tasks()
    assert [message.to for message in mail.outbox][-1] == ["bjorn@example.com"]
    assert mail.outbox[-1].subject == "En ansökan om distansarbete väntar på ditt beslut"
    mail.outbox.clear()
    services.request_decide(actor=cast["manager"], request=request, decision="approve")
    run_due_tasks()
    assert [message.to for message in mail.outbox] == [["asa@example.com"]]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need PostgreSQL; SQLite serialises "
    "writers, which test_a_stale_decision_is_refused covers",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_deciders_at_once_record_exactly_one_decision(cast):
    assessed(cast["employee"], cast["manager"])
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"], days="3"))
    services.request_decide(actor=cast["manager"], request=request, decision="approve")
    second_approver = cast["hr"]
    second_approver.groups.add(*cast["hr_approver"].groups.all())
    barrier, outcomes = threading.Barrier(2), []

    def decide(person, decision):
        try:
            barrier.wait()
            services.request_decide(
                actor=person,
                request=Request.objects.get(pk=request.pk),
                decision=decision,
                comment="x",
                expected_round=1,
                expected_step=1,
            )
            outcomes.append("ok")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(cast["hr_approver"], "approve")),
        threading.Thread(target=decide, args=(second_approver, "reject")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already_decided", "ok"]
    assert Decision.objects.filter(request=request, step=1).count() == 1


def test_a_stale_decision_is_refused(cast, asa_assessed):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"], days="3"))
    services.request_decide(actor=cast["manager"], request=request, decision="approve")
    services.request_decide(actor=cast["hr_approver"], request=request, decision="approve", expected_step=1)
    with pytest.raises(DomainError) as error:
        services.request_decide(
            actor=cast["hr_approver"], request=request, decision="reject", comment="x", expected_step=1
        )
    assert error.value.code == "already_decided" and Request.objects.get().status == "approved"
