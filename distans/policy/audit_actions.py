"""What the policy writes to the audit log."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class PolicyAudit(AuditAction):
    DRAFT = "policy.draft", _("Policy draft started")
    UPDATE = "policy.update", _("Policy draft changed")
    PUBLISH = "policy.publish", _("Policy published")
