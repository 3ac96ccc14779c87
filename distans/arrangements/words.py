"""Requests' background tasks and audit entries in words (core.job_labels, core.audit)."""

from django.utils.translation import gettext_lazy as _

from distans.arrangements.models import Step
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
    )
