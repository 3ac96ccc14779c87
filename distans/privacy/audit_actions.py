"""What privacy writes to the audit log."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class PrivacyAudit(AuditAction):
    EXPORT = "privacy.export", _("Personal data downloaded")
    ACCESS_REQUEST = "privacy.access_request", _("Access request recorded")
    ACCESS_EXTEND = "privacy.access_extend", _("Access request extended")
    ACCESS_DELIVER = "privacy.access_deliver", _("Access request answered")
    RULE_CHANGE = "privacy.rule_change", _("Retention period changed")
    HOLD_PLACE = "privacy.hold_place", _("Legal hold placed")
    HOLD_LIFT = "privacy.hold_lift", _("Legal hold lifted")
    RETENTION_RUN = "privacy.retention_run", _("Retention run")
    ANONYMISE = "privacy.anonymise", _("Former employee anonymised")
    NOTICE_PUBLISH = "privacy.notice_publish", _("Privacy notice published")
    SETTINGS_CHANGE = "privacy.settings_change", _("Privacy details changed")
