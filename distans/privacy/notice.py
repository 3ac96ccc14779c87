"""The record of processing (GDPR Art. 30) and the privacy notice to employees (Art. 13), drawn from
the code: each activity names its models, and the categories of data are their fields' names, in the
reader's language; the periods come from the retention rules (or a published version's copy of them).
No activity rests on consent (research G1)."""

from dataclasses import dataclass

from django.apps import apps
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from distans.privacy import retention
from distans.privacy.export import NEVER, field_label

CONTRACT = _("Contract of employment (Art. 6(1)(b))")
LEGAL = _("Legal obligation (Art. 6(1)(c)): work-environment law")
INTEREST = _("Legitimate interests (Art. 6(1)(f)), weighed against the employee's interests and rights")


@dataclass(frozen=True)
class Activity:
    """One purpose. The notice speaks to the employee ("your managers"); the record of processing is
    read by the organisation and the inspectorate, so where the words differ it has its own, in the
    third person."""

    purpose: str | Promise
    bases: tuple[str | Promise, ...]
    models: tuple[str, ...]
    recipients: str | Promise
    record_types: tuple[str, ...]
    record_purpose: str | Promise = ""
    record_recipients: str | Promise = ""


ACTIVITIES = [
    Activity(
        _("Your profile and the directory: who you are, your unit, manager, position and site."),
        (CONTRACT,),
        ("org.Person",),
        _("Colleagues see your directory card; your managers, HR and administrators see the rest."),
        ("leavers",),
        _("Employee profiles and the directory: name, unit, manager, position and site."),
        _("Colleagues see the directory card; the employee's managers, HR and administrators see the rest."),
    ),
    Activity(
        _("Deciding requests to work remotely."),
        (CONTRACT, INTEREST),
        ("arrangements.Request", "arrangements.Decision"),
        _("Your managers in line and HR."),
        ("agreements",),
        record_recipients=_("The employee's managers in line and HR."),
    ),
    Activity(
        _("The written remote work agreement, its versions and signatures."),
        (CONTRACT, LEGAL),
        ("agreements.Agreement", "agreements.AgreementVersion", "agreements.Signature"),
        _("Your managers in line and HR; the labour inspectorate when it asks."),
        ("agreements", "signature_details"),
        record_recipients=_("The employee's managers in line and HR; the labour inspectorate when it asks."),
    ),
    Activity(
        _("Checklists on suitability, the home workplace and IT security, and their actions."),
        (LEGAL, CONTRACT),
        ("checklists.Assignment", "checklists.Response", "checklists.Action"),
        _("You, your assessor and your managers in line, HR."),
        ("checklists",),
        record_recipients=_("The employee, the assessor, the employee's managers in line and HR."),
    ),
    Activity(
        _("Following up remote work, and deviations and injuries."),
        (LEGAL,),
        ("followup.Evaluation", "followup.Deviation"),
        _("Your managers in line, the handler and HR; an injury is reported to the insurer or authority."),
        ("agreements", "deviations"),
        record_recipients=_(
            "The employee's managers in line, the handler and HR; an injury is reported to the insurer or "
            "authority."
        ),
    ),
    Activity(
        _("The wellbeing pulse, reported only in groups."),
        (INTEREST,),
        (),
        _("HR, only as totals for a group."),
        ("pulse",),
    ),
    Activity(
        _("Planning where you work each day, the office's desks and the team's coverage."),
        (INTEREST, LEGAL),
        ("planning.WorkPattern", "planning.DayChange"),
        _("Your unit, your managers in line and HR; the reason for an absence only your managers and HR."),
        ("day_changes", "work_patterns"),
        _("Planning where each employee works each day, the office's desks and the team's coverage."),
        _(
            "The employee's unit, managers in line and HR; the reason for an absence only the managers "
            "and HR."
        ),
    ),
    Activity(
        _("Equipment lent for work at home."),
        (CONTRACT,),
        ("equipment.Loan", "equipment.EquipmentRequest"),
        _("Your managers in line, HR and IT."),
        ("leavers",),
        record_recipients=_("The employee's managers in line, HR and IT."),
    ),
    Activity(
        _("Security: the audit log, sign-ins and API tokens."),
        (INTEREST,),
        ("core.AuditEntry", "core.ApiToken"),
        _("Administrators and HR."),
        ("audit", "sessions_tokens"),
    ),
]


# What only the program needs, not a kind of personal data.
NOT_DATA = NEVER | {"id", "is_superuser", "is_staff", "last_login", "invited_at", "created_at", "updated_at"}


# Fields whose own label speaks to the employee ("why you need it"), named for a register.
CATEGORY_LABELS = {("equipment.EquipmentRequest", "reason"): _("Reason for the request")}


def _categories(labels: tuple[str, ...]) -> list[str]:
    """The kinds of data: each model's own fields (links to other records are those records)."""
    found: list[str] = []
    for label in labels:
        for field in apps.get_model(label)._meta.concrete_fields:
            name = str(CATEGORY_LABELS.get((label, field.name)) or field_label(field))
            if not field.is_relation and field.name not in NOT_DATA and name not in found:
                found.append(name)
    return found


def _period(days: int) -> str:
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)s year", "%(count)s years", years) % {"count": years}
    return ngettext("%(count)s day", "%(count)s days", days) % {"count": days}


def record(periods: dict[str, dict[str, int]] | None = None, *, full: bool = False) -> list[dict]:
    """The activities in the active language, each with its periods by country: as the notice tells
    the employee, or (`full`) as the record of processing states them."""
    periods = periods or retention.periods()
    return [
        {
            "purpose": (full and activity.record_purpose) or activity.purpose,
            "bases": activity.bases,
            "models": [
                capfirst(apps.get_model(label)._meta.verbose_name_plural) for label in activity.models
            ],
            "categories": _categories(activity.models),
            "recipients": (full and activity.record_recipients) or activity.recipients,
            "retention": [
                {
                    "label": retention.BY_KEY[key].label,
                    "counted_from": retention.BY_KEY[key].counted_from,
                    "periods": [(country, _period(days)) for country, days in periods.get(key, {}).items()],
                }
                for key in activity.record_types
                if key in retention.BY_KEY
            ],
        }
        for activity in ACTIVITIES
    ]
