"""Follow-up's periodic job, background tasks and audit entries in words (core.job_labels, core.audit)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from distans.core.audit import AuditWords
from distans.core.job_labels import JobWords, counted
from distans.followup.tasks import deviation_escalate, deviation_notify, evaluation_open


def job_words() -> JobWords:
    return JobWords(
        jobs={"followup.sweep": _("Book evaluations and send pulse surveys")},
        results={
            "followup.sweep": {
                "evaluations": counted(
                    ngettext_lazy("%(count)s evaluation booked", "%(count)s evaluations booked", "count")
                ),
                "pulses": counted(
                    ngettext_lazy("%(count)s pulse survey sent", "%(count)s pulse surveys sent", "count")
                ),
            }
        },
        tasks={
            evaluation_open.module_path: _("Open an evaluation and invite to it"),
            deviation_notify.module_path: _("E-mail about a deviation"),
            deviation_escalate.module_path: _("Escalate a deviation left unanswered"),
        },
    )


def audit_words() -> AuditWords:
    return AuditWords(names_read={"followup.evaluation": ("person",), "followup.deviation": ("person",)})
