"""Arrangements announces an approved request through `hooks.request_approved` (agreements listens)."""

import pytest

from distans.arrangements import hooks, services
from distans.arrangements.models import Request
from distans.arrangements.testing import draft


@pytest.fixture
def heard():
    calls = []
    hooks.request_approved.subscribe(
        "test.heard", lambda *, actor, request: calls.append((actor, request.pk, request.status))
    )
    yield calls
    hooks.request_approved.unsubscribe("test.heard")


def test_the_last_approval_is_announced_once_with_the_decider(cast, asa_assessed, heard):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"], days="3"))
    request = services.request_decide(actor=cast["manager"], request=request, decision="approve")
    assert heard == []  # the HR approver's step is still to come
    request = services.request_decide(actor=cast["hr_approver"], request=request, decision="approve")
    assert heard == [(cast["hr_approver"], request.pk, "approved")]


def test_accepted_changes_are_announced_and_declined_ones_are_not(cast, asa_assessed, heard):
    employee, manager = cast["employee"], cast["manager"]
    for accept in (False, True):
        request = services.request_submit(actor=employee, request=draft(employee, days="2"))
        request = services.request_decide(
            actor=manager, request=request, decision="approve_with_changes", changes={"days_per_week": "1"}
        )
        request = services.request_answer_changes(actor=employee, request=request, accept=accept)
    assert heard == [(employee, request.pk, "approved")]


def test_a_rejection_is_not_announced(cast, asa_assessed, heard):
    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))
    services.request_decide(actor=cast["manager"], request=request, decision="reject", comment="Not now")
    assert heard == []


def test_a_subscriber_that_fails_undoes_the_approval(cast, asa_assessed):
    def fails(*, actor, request):
        raise RuntimeError("the agreement could not be drafted")

    request = services.request_submit(actor=cast["employee"], request=draft(cast["employee"]))
    hooks.request_approved.subscribe("test.fails", fails)
    try:
        with pytest.raises(RuntimeError):
            services.request_decide(actor=cast["manager"], request=request, decision="approve")
    finally:
        hooks.request_approved.unsubscribe("test.fails")
    assert Request.objects.get(pk=request.pk).status == "in_review"
