"""The words for each finding of `policy.rules.evaluate`, in the user's language, citing the policy.

The codes are stable: the API returns them, and they are listed in its schema.
"""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from distans.core.weekdays import NAMES
from distans.policy.rules import Finding

MESSAGES = {
    "days_invalid": lambda p: _("Choose between half a day and five days a week, in half days."),
    "end_before_start": lambda p: _("The end date is before the start date."),
    "weekdays_mismatch": lambda p: (
        _(
            "With fixed days, choose as many weekdays as the days asked for: %(days)s days, but "
            "%(chosen)s weekdays are chosen."
        )
        % p
    ),
    "position_unknown": lambda p: _(
        "Your record has no position, and the position is the main factor in whether remote work is "
        "possible. Your manager or HR will check it."
    ),
    "position_onsite": lambda p: _(
        "Your position is marked as on-site only, so the policy does not allow remote work for it."
    ),
    "position_onsite_exception": lambda p: _(
        "Your position is marked as on-site only. Only the HR approver can grant an exception, so the "
        "request also goes to them."
    ),
    "tenure_below_minimum": lambda p: (
        _(
            "You will have been employed for %(months)s months at the start; the policy expects at least "
            "%(minimum)s."
        )
        % p
    ),
    "suitability_pending": lambda p: _(
        "Your manager assesses suitability for remote work before deciding, as the policy requires."
    ),
    "suitability_failed": lambda p: _(
        "The suitability assessment did not pass, so the request cannot be approved now."
    ),
    "suitability_with_actions": lambda p: _(
        "The suitability assessment passed with actions; they are followed up before the start."
    ),
    "above_maximum": lambda p: _("%(days)s days a week is more than the policy allows (%(maximum)s).") % p,
    "above_manager_limit": lambda p: (
        _(
            "%(days)s days a week is more than the %(limit)s a line manager may approve, so the HR approver "
            "decides after your manager."
        )
        % p
    ),
    "attachment_warning": lambda p: (
        _(
            "Above an average of %(limit)s days a week, the attachment to the workplace tends to "
            "weaken; plan regular days together with the team."
        )
        % p
    ),
    "trial_suggested": lambda p: (
        _(
            "The policy suggests starting with a trial of %(days)s days a week for %(weeks)s weeks, then an "
            "evaluation."
        )
        % p
    ),
    "no_sporadic": lambda p: (
        _(
            "Below an average of %(limit)s day a week, home work in Norway counts as sporadic and falls "
            "outside the home-office regulation."
        )
        % p
    ),
    "no_regulation": lambda p: _(
        "In Norway this arrangement falls under the regulation on work in the employee's home: a written "
        "agreement with its required contents is needed before it starts."
    ),
    "dk_screen_work": lambda p: (
        _(
            "In Denmark, with more than %(limit)s days a week at home, the screen-work rules apply to the "
            "home workplace."
        )
        % p
    ),
    "abroad_review": lambda p: _(
        "Work from abroad is never approved automatically: HR reviews social security, tax and the "
        "risk of a permanent establishment first."
    ),
    "abroad_social_security": lambda p: (
        _(
            "%(share)s %% of the working time abroad reaches the %(limit)s %% at which social security can "
            "move to the country of residence; an A1 certificate must be applied for."
        )
        % p
    ),
    "abroad_framework": lambda p: (
        _(
            "%(share)s %% of the working time abroad reaches the %(limit)s %% limit of the framework "
            "agreement on cross-border telework."
        )
        % p
    ),
    "abroad_dk_no_framework": lambda p: (
        _(
            "Denmark has not signed the framework agreement on cross-border telework, so 25 %% of the "
            "working time abroad is the limit for Danish social security."
        )
        % p
    ),
    "abroad_tax_days": lambda p: (
        _(
            "About %(days)s working days abroad in 12 months reaches the %(limit)s days at which tax can "
            "become due in the other country."
        )
        % p
    ),
    "coverage_shortfall": lambda p: (
        (
            _(
                "Your unit needs you at the office on a usual %(weekday)s: without you it would have "
                "%(available)s there, %(short)s fewer than the %(needed)s it needs, and the days asked for "
                "cannot all fall on other days."
            )
            if p.get("flexible")
            else _(
                "On a usual %(weekday)s your unit would have %(available)s at the office, %(short)s fewer "
                "than the %(needed)s it needs."
            )
        )
        % {**p, "short": int(p["needed"]) - int(p["available"])}
    ),
}


def plain_number(value: Decimal) -> str:
    """2.0 as "2", and 2.5 as "2,5" in the Nordic languages."""
    whole = value == value.to_integral_value()
    return number_format(value.quantize(Decimal(1)) if whole else value.normalize())


def message(finding: Finding) -> str:
    params = {
        key: plain_number(value) if isinstance(value, Decimal) else value
        for key, value in finding.params.items()
    }
    if "weekday" in params:
        params["weekday"] = NAMES[finding.params["weekday"]]
    return MESSAGES[finding.code](params)


def described(findings, version: int) -> list[dict]:
    """Findings as the pages and the API show them, each citing the policy version."""
    return [
        {
            "code": finding.code,
            "severity": finding.severity,
            "message": message(finding),
            "policy": _("Remote work policy, version %(number)s") % {"number": version},
        }
        for finding in findings
    ]
