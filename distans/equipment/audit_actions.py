"""What equipment writes to the audit log."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class EquipmentAudit(AuditAction):
    LOAN_CREATE = "loan.create", _("Equipment lent")
    LOAN_ACKNOWLEDGE = "loan.acknowledge", _("Receipt confirmed")
    LOAN_RETURN = "loan.return", _("Equipment returned")
    LOAN_LOST = "loan.lost", _("Equipment reported lost")
    RETURNS_REQUESTED = "loan.returns_requested", _("Equipment return requested")
    REQUEST_CREATE = "equipment_request.create", _("Equipment requested")
    REQUEST_DECIDE = "equipment_request.decide", _("Equipment request decided")
