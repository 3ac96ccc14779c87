"""Who may hold an evaluation, handle a deviation, watch attachment and read the pulse: the named
capabilities the pages show and the API refuses with (`distans.followup.permissions`)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from distans.agreements.testing import agreement_in_force
from distans.followup import permissions, services
from distans.followup.models import Deviation

ROLES = ("employee", "manager", "skip", "hr", "hr_approver", "admin", "outsider")


def _who(may) -> set[str]:
    return {role for role in ROLES if may(role)}


def test_who_watches_attachment_and_reads_the_pulse(cast):
    assert _who(lambda role: permissions.can_watch_attachment(cast[role])) == {
        "manager",
        "skip",
        "hr",
        "hr_approver",
    }  # a manager of reports, HR and HR approvers
    assert _who(lambda role: permissions.can_view_pulse(cast[role])) == {"hr"}


def test_the_line_manager_and_hr_hold_an_evaluation_while_it_is_to_be_held(cast):
    evaluation = services.evaluation_schedule_first(agreement_in_force(cast))
    assert _who(lambda role: permissions.can_hold_now(cast[role], evaluation)) == {"manager", "hr"}
    assert permissions.get_evaluation_for_user(cast["manager"], evaluation.pk, for_write=True) == evaluation
    with pytest.raises(PermissionDenied):  # she sees her own, and does not hold it
        permissions.get_evaluation_for_user(cast["employee"], evaluation.pk, for_write=True)
    with pytest.raises(Http404):
        permissions.get_evaluation_for_user(cast["outsider"], evaluation.pk, for_write=True)
    evaluation.status = evaluation.Status.HELD
    assert _who(lambda role: permissions.can_hold_now(cast[role], evaluation)) == set()


def test_the_handler_and_hr_handle_a_deviation_until_it_is_closed(cast):
    deviation = services.deviation_report(
        actor=cast["employee"],
        person=cast["employee"],
        kind="injury",
        occurred_on=timezone.localdate(),
        description="Fell over a cable",
    )
    assert _who(lambda role: permissions.can_handle_now(cast[role], deviation)) == {"manager", "hr"}
    with pytest.raises(PermissionDenied):  # her manager's manager sees it; it is not escalated to her
        permissions.get_deviation_for_user(cast["skip"], deviation.pk, for_write=True)
    with pytest.raises(Http404):
        permissions.get_deviation_for_user(cast["outsider"], deviation.pk, for_write=True)
    deviation.status = Deviation.Status.CLOSED
    assert _who(lambda role: permissions.can_handle_now(cast[role], deviation)) == set()
