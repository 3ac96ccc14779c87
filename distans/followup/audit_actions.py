"""What follow-up writes to the audit log."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class FollowupAudit(AuditAction):
    EVALUATION_SCHEDULE = "evaluation.schedule", _("Evaluation booked")
    EVALUATION_HOLD = "evaluation.hold", _("Evaluation held")
    EVALUATION_CANCEL = "evaluation.cancel", _("Evaluation cancelled")
    DEVIATION_REPORT = "deviation.report", _("Deviation reported")
    DEVIATION_RESPOND = "deviation.respond", _("Deviation being handled")
    DEVIATION_CLOSE = "deviation.close", _("Deviation closed")
    DEVIATION_ESCALATE = "deviation.escalate", _("Deviation escalated")
