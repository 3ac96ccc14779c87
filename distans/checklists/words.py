"""Checklists' background tasks and audit entries in words (core.job_labels, core.audit)."""

from django.utils.translation import gettext_lazy as _

from distans.checklists.tasks import assignment_completed_notify, assignment_notify, assignment_remind
from distans.core.audit import AuditWords
from distans.core.job_labels import JobWords


def job_words() -> JobWords:
    return JobWords(
        tasks={
            assignment_notify.module_path: _("E-mail about a checklist to answer"),
            assignment_remind.module_path: _("Remind about a checklist not yet answered"),
            assignment_completed_notify.module_path: _("E-mail that a checklist's results are ready"),
        }
    )


def audit_words() -> AuditWords:
    return AuditWords(
        names_read={
            "checklists.assignment": ("version", "person"),
            "checklists.response": ("assignment__version", "assignment__person"),
        }
    )
