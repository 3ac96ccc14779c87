"""Everything Distans holds about a person (GDPR Art. 15): the same records as JSON for a program and
as a PDF to read, in the person's language. Secrets never leave: no password hash, no token key, no
calendar feed key."""

import datetime
import decimal
import json
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from distans.agreements.models import Agreement, AgreementVersion, Signature
from distans.arrangements.models import Decision, Request
from distans.checklists.models import Action, Assignment, Response
from distans.core.models import ApiToken, AuditEntry
from distans.equipment.models import EquipmentRequest, Loan
from distans.followup.models import Deviation, Evaluation
from distans.planning.models import DayChange, FeedToken, PlanPreference, WorkPattern
from distans.privacy.models import AccessRequest

# Secrets and what only serves the program (search keys, the stored PDF's bytes).
NEVER = {"password", "key_hash", "token", "search_text", "first_key", "last_key", "pdf"}


@dataclass
class Part:
    key: str
    title: str | Promise
    records: list[models.Model]
    skip: frozenset[str] = frozenset()


def _parts(person) -> list[Part]:
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


def _shown(record: models.Model, field: models.Field) -> str:
    """A value as a reader sees it, in the active language and time zone."""
    value = getattr(record, field.name)
    if value is None or value == "":
        return "–"
    if field.choices:
        return str(getattr(record, f"get_{field.name}_display")())
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


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


def as_pdf(person) -> bytes:
    with translation.override(person.language), timezone.override(person.time_zone):
        parts = [
            {
                "title": part.title,
                "records": [
                    [(field_label(field), _shown(record, field)) for field in _fields(record, part.skip)]
                    for record in part.records
                ],
            }
            for part in _parts(person)
        ]
        html = render_to_string(
            "privacy/export_pdf.html", {"person": person, "parts": parts, "generated_at": timezone.now()}
        )
    # Imported here: WeasyPrint takes about a second to load, which every process would pay at start-up.
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
