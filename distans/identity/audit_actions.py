"""What sign-in writes to the audit log."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class IdentityAudit(AuditAction):
    TWO_FACTOR_ON = "two_factor.on", _("Two-factor sign-in turned on")
    TWO_FACTOR_OFF = "two_factor.off", _("Two-factor sign-in turned off")
    TWO_FACTOR_RESET = "two_factor.reset", _("Two-factor sign-in reset by an administrator")
    RECOVERY_CODES = "two_factor.recovery_codes", _("New recovery codes made")
