"""Planning's background tasks and audit entries in words (core.job_labels, core.audit)."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditWords
from distans.core.job_labels import JobWords
from distans.planning.models import DayKind
from distans.planning.tasks import plan_changed_notify, planner_run


def job_words() -> JobWords:
    return JobWords(
        tasks={
            planner_run.module_path: _("Run the planner"),
            plan_changed_notify.module_path: _("E-mail about a changed plan"),
        }
    )


def audit_words() -> AuditWords:
    return AuditWords(
        choices={"kind": dict(DayKind.choices)},  # where a person is on a day she changed
        names_read={
            "planning.workpattern": ("person",),
            "planning.daychange": ("person",),
            "planning.feedtoken": ("person",),
            "planning.planpreference": ("person",),
            "planning.unitplansettings": ("unit",),
            "planning.plannerrun": ("unit", "site"),
        },
    )
