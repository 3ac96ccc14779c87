"""What requests write to the audit log. A request's history page shows these labels."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class RequestAudit(AuditAction):
    CREATE = "request.create", _("Created")
    UPDATE = "request.update", _("Changed")
    SUBMIT = "request.submit", _("Sent for decision")
    SEND_FOR_CONFIRMATION = "request.send_for_confirmation", _("Sent to the employee to confirm")
    CONFIRM = "request.confirm", _("Confirmed by the employee and sent for decision")
    APPROVE = "request.approve", _("Approved")
    APPROVE_WITH_CHANGES = "request.approve_with_changes", _("Approved with changes")
    REJECT = "request.reject", _("Rejected")
    RETURN = "request.return", _("Returned for more information")
    ACCEPT_CHANGES = "request.accept_changes", _("Changes accepted")
    DECLINE_CHANGES = "request.decline_changes", _("Changes declined")
    WITHDRAW = "request.withdraw", _("Withdrawn")

    @classmethod
    def of(cls, action: str) -> "RequestAudit":
        """The audit action of a step of the request's life (`rules.SUBMIT`, `rules.APPROVE`…)."""
        return cls(f"request.{action}")
