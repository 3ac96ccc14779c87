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
from distans.privacy.models import NoticeVersion, PrivacySettings

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


# Fields whose own label is a register's word, or the program's ("object id"), named as a reader of the
# notice understands them; several fields of one kind share one name and are listed once.
WHAT_THE_ENTRY_IS_ABOUT = _("What the entry is about")
APPROVAL_PROGRESS = _("How far the request has come in its approval")
CHECKSUMS = _("Checksums that show the text and the PDF are unchanged")
WEEK = _("Where the work is done on each weekday")
CATEGORY_LABELS = {
    ("org.Person", "is_active"): _("Whether the person still works here"),
    ("arrangements.Request", "abroad_country"): _("Country, when working abroad"),
    ("arrangements.Request", "step"): APPROVAL_PROGRESS,
    ("arrangements.Request", "round"): APPROVAL_PROGRESS,
    ("arrangements.Decision", "step"): APPROVAL_PROGRESS,
    ("arrangements.Decision", "round"): APPROVAL_PROGRESS,
    ("arrangements.Decision", "role"): _("The role of whoever decided"),
    ("agreements.AgreementVersion", "number"): _("Version number"),
    ("agreements.AgreementVersion", "text"): _("The agreement's text"),
    ("agreements.AgreementVersion", "text_sha256"): CHECKSUMS,
    ("agreements.AgreementVersion", "pdf_sha256"): CHECKSUMS,
    ("agreements.Signature", "text_sha256"): CHECKSUMS,
    ("agreements.Signature", "party"): _("Who signed, and in what role"),
    ("agreements.Signature", "role"): _("Who signed, and in what role"),
    ("agreements.Signature", "name"): _("Name as signed"),
    ("checklists.Assignment", "context_id"): _("What the checklist is about"),
    ("checklists.Response", "role"): _("In what role the answers were given"),
    ("planning.WorkPattern", "mon"): WEEK,
    ("planning.WorkPattern", "tue"): WEEK,
    ("planning.WorkPattern", "wed"): WEEK,
    ("planning.WorkPattern", "thu"): WEEK,
    ("planning.WorkPattern", "fri"): WEEK,
    ("planning.WorkPattern", "sat"): WEEK,
    ("planning.WorkPattern", "sun"): WEEK,
    ("planning.DayChange", "kind"): _("Where the day is spent: at home, at the office, elsewhere or away"),
    ("planning.DayChange", "flexible"): _("Whether the day may be moved"),
    ("equipment.EquipmentRequest", "reason"): _("Reason for the request"),
    ("core.AuditEntry", "actor_name"): _("Who did it"),
    ("core.AuditEntry", "actor_number"): _("Their employee number"),
    ("core.AuditEntry", "action"): _("What was done"),
    ("core.AuditEntry", "object_type"): WHAT_THE_ENTRY_IS_ABOUT,
    ("core.AuditEntry", "object_id"): WHAT_THE_ENTRY_IS_ABOUT,
    ("core.AuditEntry", "object_repr"): WHAT_THE_ENTRY_IS_ABOUT,
    ("core.AuditEntry", "ip_address"): _("IP address"),
    ("core.ApiToken", "name"): _("The token's name"),
    ("core.ApiToken", "hint"): _("The token's first characters"),
    ("core.ApiToken", "scope"): _("What the token may do"),
}

# What the record of processing states where the organisation has not said (Art. 30(1)(e) and (g)),
# drawn from docs/deployment.md: the organisation runs Distans on its own servers.
DEFAULT_TRANSFERS = _(
    "None. Distans runs on the organisation's own servers, and its data, backups and e-mail stay with "
    "the organisation and its providers in the EU/EEA."
)
DEFAULT_SECURITY = _(
    "Encrypted connections (TLS) only; passwords stored as salted hashes; two-step sign-in for HR, "
    "HR approvers and administrators; each person sees only what their role allows; every change "
    "written to an audit log; nightly backups, kept 30 days; error reports without personal data "
    "beyond a person's id; data past its retention period deleted or anonymised every day."
)


def content(details: PrivacySettings | None = None) -> dict:
    """What the notice states that the organisation sets, as a published version keeps it."""
    details = details or PrivacySettings.current()
    return {
        "periods": retention.periods(),
        "controller": details.controller_name,
        "contact": details.contact_name,
    }


def content_of(version: NoticeVersion) -> dict:
    return {"periods": version.periods, "controller": version.controller, "contact": version.contact}


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
