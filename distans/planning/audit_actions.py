"""What plans write to the audit log."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class PlanAudit(AuditAction):
    CHANGE = "plan.change", _("Day in the plan changed")
    RESET = "plan.reset", _("Day in the plan reset to the usual week")
    CANCEL_REMOTE = "plan.cancel_remote", _("Remote days no longer allowed were cancelled")
    PATTERN = "plan.pattern", _("Usual week changed")
    UNIT_SETTINGS = "plan.unit_settings", _("Team plan settings changed")
    FEED_RESET = "plan.feed_reset", _("Calendar address renewed")
    PLANNER_START = "plan.planner_start", _("Planner started")
    PLANNER_APPLY = "plan.planner_apply", _("Planner proposal applied")
    PREFERENCES = "plan.preferences", _("Plan preferences changed")
