"""Requests' background tasks and audit entries in words (core.job_labels, core.audit)."""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from distans.arrangements.audit_actions import RequestAudit
from distans.arrangements.models import Status, Step
from distans.arrangements.tasks import request_notify, request_remind
from distans.core.audit import AuditWords
from distans.core.job_labels import JobWords


def job_words() -> JobWords:
    return JobWords(
        tasks={
            request_notify.module_path: _("E-mail about a remote work request"),
            request_remind.module_path: _("Remind about a request waiting for a decision"),
        }
    )


def audit_words() -> AuditWords:
    steps = dict(Step.choices)
    return AuditWords(
        # A request's route and the step decided are approval steps; its policy by version number.
        choices={"route": steps, "step": steps},
        references={"policy_version": ("policy.policyversion", "number")},
        names_read={"arrangements.request": ("person",)},
        action_words=_sent_on,
    )


def _after(change) -> Any:
    return change[1] if isinstance(change, list) and len(change) == 2 else change


def _sent_on(action: str, changes: Mapping[str, Any]) -> str | None:
    """An approval after which the request is still in review granted nothing: the line manager's step
    sent it on to HR's (the route is the manager, then HR), so the entry says that."""
    if _after(changes.get("status")) != Status.IN_REVIEW:
        return None
    approver = Step.HR_APPROVER.label
    if action == RequestAudit.APPROVE:
        return gettext("Approved by the line manager, sent on to %(approver)s") % {"approver": approver}
    if action == RequestAudit.ACCEPT_CHANGES:
        return gettext("Changes accepted, sent on to %(approver)s") % {"approver": approver}
    return None
