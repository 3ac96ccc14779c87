"""Everything Distans holds about a person (GDPR Art. 15): the same records as JSON for a program and
as a PDF to read, in the person's language. Secrets never leave: no password hash, no token key, no
calendar feed key."""

import datetime
import decimal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from distans.agreements.models import Agreement, AgreementVersion, Signature
from distans.arrangements.audit_actions import RequestAudit
from distans.arrangements.models import Decision, Request, Step
from distans.arrangements.queries import stored_findings
from distans.checklists.models import Action, Assignment, Item, Response
from distans.checklists.queries import answer_display
from distans.core import markdown, places
from distans.core.audit import Names, change_rows, entry_action, object_name, referenced_names, type_label
from distans.core.models import ApiToken, AuditEntry
from distans.core.pdf import archival_pdf
from distans.core.roles import Role
from distans.core.translated import localized
from distans.core.weekdays import NAMES as WEEKDAY_NAMES
from distans.equipment.models import EquipmentRequest, Loan
from distans.followup.models import Deviation, Evaluation
from distans.planning.models import DayChange, FeedToken, PlanPreference, WorkPattern
from distans.policy.findings import plain_number
from distans.privacy.models import AccessRequest

LANGUAGES = dict(settings.LANGUAGES)
# Secrets and what only serves the program (search keys, the stored PDF's bytes).
NEVER = {"password", "key_hash", "token", "search_text", "first_key", "last_key", "pdf"}
# What the JSON keeps but means nothing to a reader: Django's flags, and what repeats another field.
UNREAD = {
    "org.person.is_superuser",
    "org.person.is_staff",
    "core.auditentry.actor_name",
    "core.auditentry.actor_number",
    "core.auditentry.object_id",
}
# Parts with many short records, read as one table (a row a record) rather than a table each.
AS_TABLE = {"audit", "audit_records"}


@dataclass
class Part:
    key: str
    title: str | Promise
    records: list[models.Model]
    skip: frozenset[str] = frozenset()


def _parts(person) -> list[Part]:
    parts = _records(person)
    parts.insert(
        [part.key for part in parts].index("audit") + 1,
        # What others did to the person's records: who and what, not the other person's address.
        Part(
            "audit_records",
            _("Audit log entries about your records"),
            list(_entries_about(parts).exclude(actor=person).select_related("actor")),
            frozenset({"ip_address", "actor_number"}),
        ),
    )
    return parts


# The person's records whose audit entries are about them too.
AUDITED = (
    "requests",
    "agreements",
    "agreement_versions",
    "checklists",
    "evaluations",
    "deviations",
    "loans",
    "equipment_requests",
    "access_requests",
)


def _entries_about(parts: list[Part]) -> models.QuerySet:
    about = models.Q(pk__in=[])
    for part in parts:
        if part.key in AUDITED and part.records:
            label = part.records[0]._meta.label_lower
            about |= models.Q(object_type=label, object_id__in=[str(record.pk) for record in part.records])
    return AuditEntry.objects.filter(about)


def _records(person) -> list[Part]:
    mine = models.Q(person=person)
    others_signatures = ~models.Q(person=person)
    return [
        Part("profile", _("Profile"), [person]),
        Part("requests", _("Requests"), list(Request.objects.filter(mine).select_related("policy_version"))),
        Part(
            "decisions",
            _("Decisions on your requests"),
            list(Decision.objects.filter(request__person=person).select_related("decided_by", "request")),
        ),
        Part("agreements", _("Agreements"), list(Agreement.objects.filter(mine).select_related("request"))),
        Part(
            "agreement_versions",
            _("Agreement versions"),
            list(
                AgreementVersion.objects.filter(agreement__person=person).select_related(
                    "agreement", "template", "created_by"
                )
            ),
        ),
        Part(
            "signatures",
            _("Signatures"),
            list(
                Signature.objects.filter(version__agreement__person=person, person=person).select_related(
                    "version"
                )
            ),
        ),
        # The other party's signatures on the person's agreements, without that party's address and browser.
        Part(
            "other_signatures",
            _("Signatures of the other party"),
            list(
                Signature.objects.filter(
                    models.Q(version__agreement__person=person) & others_signatures
                ).select_related("version")
            ),
            frozenset({"ip_address", "user_agent", "person"}),
        ),
        Part(
            "checklists",
            _("Checklists"),
            list(
                Assignment.objects.filter(mine).select_related(
                    "version", "assessor", "assigned_by", "context_type"
                )
            ),
        ),
        Part(
            "checklist_answers",
            _("Checklist answers"),
            list(
                Response.objects.filter(assignment__person=person).select_related("assignment", "respondent")
            ),
        ),
        Part(
            "checklist_actions",
            _("Checklist actions"),
            list(
                Action.objects.filter(response__assignment__person=person).select_related(
                    "response", "item", "owner", "done_by"
                )
            ),
        ),
        Part(
            "evaluations",
            _("Evaluations"),
            list(Evaluation.objects.filter(mine).select_related("agreement", "assignment", "held_by")),
        ),
        Part(
            "deviations",
            _("Deviations"),
            list(
                Deviation.objects.filter(mine).select_related(
                    "agreement", "loan", "reported_by", "handler", "closed_by"
                )
            ),
        ),
        Part(
            "loans",
            _("Equipment on loan"),
            list(Loan.objects.filter(mine).select_related("item_type", "agreement", "created_by")),
        ),
        Part(
            "equipment_requests",
            _("Equipment requests"),
            list(EquipmentRequest.objects.filter(mine).select_related("item_type", "decided_by", "loan")),
        ),
        Part(
            "work_patterns",
            _("Usual weeks"),
            list(WorkPattern.objects.filter(mine).select_related("site", "created_by")),
        ),
        Part(
            "day_changes",
            _("Day changes"),
            list(DayChange.objects.filter(mine).select_related("site", "created_by")),
        ),
        Part("plan_preferences", _("Planning preferences"), list(PlanPreference.objects.filter(mine))),
        Part(
            "calendar_feeds", _("Calendar feeds"), list(FeedToken.objects.filter(mine).select_related("unit"))
        ),
        Part(
            "audit",
            _("Audit log entries about you or by you"),
            list(
                AuditEntry.objects.filter(
                    models.Q(actor=person)
                    | models.Q(object_type=person._meta.label_lower, object_id=str(person.pk))
                ).select_related("actor")
            ),
        ),
        Part("api_tokens", _("API tokens"), list(ApiToken.objects.filter(mine))),
        Part(
            "access_requests",
            _("Your access requests"),
            list(AccessRequest.objects.filter(mine).select_related("recorded_by")),
        ),
    ]


def _fields(record: models.Model, skip: frozenset[str]):
    for field in record._meta.concrete_fields:
        if field.name in NEVER or field.name in skip or field.name == "id":
            continue
        yield field


def _plain(value: Any) -> Any:
    """A JSON value."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    return value


def _shown(record: models.Model, field: models.Field, names: Names) -> str:
    """A value as a reader sees it, in the active language and time zone: never a code or raw JSON.
    `names`: the objects audit entries are about and refer to (`referenced_names`)."""
    if isinstance(record, AuditEntry) and field.name in AUDIT_NAMED:
        return AUDIT_NAMED[field.name](record, names) or "–"
    value = getattr(record, field.name)
    if value is None or value == "" or value == [] or value == {}:
        return "–"
    readable = READABLE.get(f"{record._meta.label_lower}.{field.name}")
    if readable is not None:
        return readable(record, value) or "–"
    if field.choices:
        return str(getattr(record, f"get_{field.name}_display")())
    if field.name in ("country", "abroad_country"):
        return places.country_name(value)
    if field.name == "time_zone":
        return places.zone_name(value)
    if field.name == "language":
        return str(get_language_info(value)["name_translated"]) if value in LANGUAGES else value
    return _plain_words(value)


def _plain_words(value: Any) -> str:
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, datetime.time):
        return formats.time_format(value, "TIME_FORMAT")
    if isinstance(value, decimal.Decimal | float):
        return plain_number(decimal.Decimal(str(value)))
    if isinstance(value, list):
        return ", ".join(_plain_words(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(
            f"{capfirst(str(key).replace('_', ' '))}: {_plain_words(item)}" for key, item in value.items()
        )
    return str(value)


def _change_lines(rows: list[tuple[str, str, str]]) -> str:
    return "\n".join(
        f"{label}: {before} → {after}" if before else f"{label}: {after}" for label, before, after in rows
    )


def _changes(object_type: str, changes: dict, action: str) -> str:
    """Stored changes ({field: value} or {field: [before, after]}) as "Field: before → after" lines,
    in the audit log's words for the app that wrote them (`action`)."""
    return _change_lines(change_rows(AuditEntry(object_type=object_type, action=action, changes=changes)))


def _weekdays(_record, numbers) -> str:
    return ", ".join(str(WEEKDAY_NAMES[n]) for n in numbers if isinstance(n, int) and 0 <= n < 7)


def _findings(request: Request, _value) -> str:
    try:
        return "\n".join(finding["message"] for finding in stored_findings(request))
    except (KeyError, TypeError, ValueError):  # a finding no longer known: its words as stored
        return _plain_words(request.findings)


def _waiting_for(request: Request, step: int) -> str:
    """The step a request waits at, by who decides there; none once decided."""
    route = request.route or []
    return str(dict(Step.choices).get(route[step], route[step])) if 0 <= step < len(route) else ""


def _route(_record, steps) -> str:
    labels = dict(Step.choices)
    return " → ".join(str(labels.get(step, step)) for step in steps)


def _questions(keys) -> dict[str, Item]:
    return {
        str(item.pk): item
        for item in Item.objects.filter(pk__in=[int(key) for key in keys if str(key).isdigit()])
    }


def _answers(_record, answers: dict) -> str:
    """Question → answer, one a line, in the order of the checklist."""
    items = _questions(answers)
    lines = [
        (items[key].position, f"{localized(items[key].text)} → {answer_display(items[key], value)}")
        for key, value in answers.items()
        if key in items
    ]
    return "\n".join(line for _position, line in sorted(lines))


def _blocking(_record, keys) -> str:
    items = _questions(keys)
    return "\n".join(localized(items[str(key)].text) for key in keys if str(key) in items)


def _context_type(record, value) -> str:
    return type_label(f"{value.app_label}.{value.model}")


# Fields whose stored value is a code or a structure: how each is said in words.
READABLE: dict[str, Callable[[Any, Any], str]] = {
    "arrangements.request.findings": _findings,
    "arrangements.request.route": _route,
    "arrangements.request.weekdays": _weekdays,
    "arrangements.request.proposed_changes": lambda record, value: _changes(
        "arrangements.request", value, RequestAudit.UPDATE
    ),
    "arrangements.decision.changes": lambda record, value: _changes(
        "arrangements.request", value, RequestAudit.of(record.decision)
    ),
    # Who decided at a step, and the outcome, as the request's history says them.
    "arrangements.decision.step": lambda record, value: str(value + 1),
    "arrangements.decision.decision": lambda record, value: str(RequestAudit.of(value).label),
    "arrangements.request.step": _waiting_for,
    # The terms are said in words in the version's text, which follows in the same table.
    "agreements.agreementversion.terms": lambda record, value: gettext(
        "In words in the text of this version."
    ),
    # The text as the agreement reads (headings, lists), not its Markdown source.
    "agreements.agreementversion.text": lambda record, value: markdown.render(value),
    # Stored as printed in the agreement's language; in English it has the reader's words.
    "agreements.signature.role": lambda record, value: gettext(value),
    "checklists.response.answers": _answers,
    "checklists.response.blocking": _blocking,
    "checklists.action.text": lambda record, value: localized(value),
    "checklists.assignment.context_type": _context_type,
    "planning.planpreference.preferred_office": _weekdays,
    "planning.planpreference.unwanted_office": _weekdays,
    "core.auditentry.object_type": lambda record, value: type_label(value),
}
# What an audit entry did, its object and the objects its changes refer to, in the reader's language as
# the audit log page says them (objects named now, not as stored in the language of whoever acted).
AUDIT_NAMED: dict[str, Callable[[AuditEntry, Names], str]] = {
    "action": lambda entry, names: entry_action(entry),
    "object_repr": object_name,
    "changes": lambda entry, names: _change_lines(change_rows(entry, names)),
}


# Words for the fields whose models leave Django to name them ("created at"), by field name.
FIELD_LABELS = {
    "acknowledged_at": _("Receipt confirmed"),
    "agreement": _("Agreement"),
    "changes": _("Changes"),
    "language": _("Language"),
    "loan": _("Equipment on loan"),
    "name": _("Name"),
    "policy_version": _("Policy version"),
    "request": _("Remote work request"),
    "answers": _("Answers"),
    "assessor": _("Assessor"),
    "assigned_by": _("Assigned by"),
    "assignment": _("Checklist"),
    "away_reason": _("Reason for being away"),
    "blocking": _("Blocking answers"),
    "closed_at": _("Closed"),
    "closed_by": _("Closed by"),
    "comment": _("Comment"),
    "completed_at": _("Completed"),
    "context_id": _("Linked record"),
    "context_type": _("Linked to"),
    "created_at": _("Created"),
    "created_by": _("Created by"),
    "decided_at": _("Decided"),
    "decided_by": _("Decided by"),
    "decision": _("Decision"),
    "done_at": _("Done"),
    "done_by": _("Done by"),
    "due_date": _("Due"),
    "ended_by": _("Ended by"),
    "escalated_at": _("Escalated"),
    "findings": _("Findings"),
    "first_response_at": _("First response"),
    "flexible": _("Flexible"),
    "handler": _("Handler"),
    "held_at": _("Held"),
    "held_by": _("Held by"),
    "ip_address": _("IP address"),
    "item": _("Question"),
    "item_type": _("Item"),
    "kind": _("Kind"),
    "number": _("Version number"),
    "owner": _("Owner"),
    "party": _("Party"),
    "pdf_sha256": _("SHA-256 of the PDF"),
    "preferred_office": _("Preferred office days"),
    "proposed_changes": _("Proposed changes"),
    "reported_at": _("Reported"),
    "reported_by": _("Reported by"),
    "respondent": _("Answered by"),
    "response": _("Answer"),
    "return_condition": _("Condition on return"),
    "role": _("Role"),
    "round": _("Round"),
    "route": _("Route"),
    "saved_at": _("Saved"),
    "score": _("Score"),
    "self_view": _("Employee sees the assessment"),
    "sent_at": _("Sent"),
    "signed_at": _("Signed"),
    "status": _("Status"),
    "step": _("Step"),
    "submitted_at": _("Submitted"),
    "template": _("Template"),
    "terms": _("Terms"),
    "text": _("Text"),
    "text_sha256": _("SHA-256 of the text"),
    "unwanted_office": _("Unwanted office days"),
    "updated_at": _("Changed"),
    "user_agent": _("Browser"),
    "version": _("Version"),
    **{
        day: label
        for day, label in zip(
            ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
            (
                _("Monday"),
                _("Tuesday"),
                _("Wednesday"),
                _("Thursday"),
                _("Friday"),
                _("Saturday"),
                _("Sunday"),
            ),
            strict=True,
        )
    },
}


def field_label(field: models.Field) -> str:
    if field.verbose_name == field.name.replace("_", " ") and field.name in FIELD_LABELS:
        return str(FIELD_LABELS[field.name])
    return capfirst(str(field.verbose_name))


def as_json(person) -> dict[str, Any]:
    data: dict[str, Any] = {
        "generated_at": timezone.now().isoformat(),
        "person_id": person.pk,
        "roles": sorted(person.groups.values_list("name", flat=True)),
    }
    for part in _parts(person):
        data[part.key] = [
            {"id": record.pk}
            | {field.name: _plain(getattr(record, field.name)) for field in _fields(record, part.skip)}
            for record in part.records
        ]
    return data


def _readable_fields(record: models.Model, skip: frozenset[str]) -> list[models.Field]:
    label = record._meta.label_lower
    return [field for field in _fields(record, skip) if f"{label}.{field.name}" not in UNREAD]


def _roles(person) -> str:
    names = dict(Role.choices)
    return ", ".join(
        str(names.get(name, name)) for name in sorted(person.groups.values_list("name", flat=True))
    )


def _pdf_part(part: Part) -> dict[str, Any]:
    """A part as the PDF shows it: a table per record (label, value), or for `AS_TABLE` one table with a
    column a field."""
    fields = _readable_fields(part.records[0], part.skip) if part.records else []
    audit = bool(part.records) and isinstance(part.records[0], AuditEntry)
    names = referenced_names(part.records) if audit else {}
    rows = [[_shown(record, field, names) for field in fields] for record in part.records]
    if part.key in AS_TABLE:
        return {
            "title": part.title,
            "count": len(rows),
            "columns": [field_label(f) for f in fields],
            "rows": rows,
        }
    labels = [field_label(field) for field in fields]
    return {
        "title": part.title,
        "count": len(rows),
        "records": [list(zip(labels, row, strict=True)) for row in rows],
    }


def as_pdf(person) -> bytes:
    with translation.override(person.language), timezone.override(person.time_zone):
        parts = [_pdf_part(part) for part in _parts(person)]
        # Roles are no field of the person: they follow the profile, in words.
        parts[0]["records"][0].append((gettext("Roles"), _roles(person) or "–"))
        html = render_to_string(
            "privacy/export_pdf.html", {"person": person, "parts": parts, "generated_at": timezone.now()}
        )
    return archival_pdf(html)
