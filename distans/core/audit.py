"""Writing to the audit log. Every state-changing service calls `audit_record` in its transaction.

What was done is an `AuditAction`: each app lists its own in `<app>/audit_actions.py`, as a subclass of
`AuditAction` whose values are the strings stored in `AuditEntry.action`. Core finds them by that module
name (as the admin finds `admin.py`), so it never names a higher app.
"""

import datetime
import functools
import json
from decimal import Decimal

from django.apps import apps
from django.db import models
from django.utils import formats
from django.utils.module_loading import autodiscover_modules
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import pgettext_lazy

from distans.core.models import AuditEntry
from distans.core.weekdays import NAMES as WEEKDAY_NAMES


class AuditAction(models.TextChoices):
    """The base of every app's audit actions; it has no members of its own."""


@functools.cache
def audit_actions() -> dict[str, AuditAction]:
    """Every action of every installed app, by the value stored."""
    autodiscover_modules("audit_actions")
    return {member.value: member for actions in AuditAction.__subclasses__() for member in actions}


def action_label(value: str) -> str:
    """The action in the reader's language; a value no app declares (such as an old row's) as stored."""
    member = audit_actions().get(value)
    return str(member.label) if member is not None else value


def client_address(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(
    *,
    actor,
    action: AuditAction,
    obj: models.Model | None = None,
    object_type: str = "",
    changes: dict | None = None,
    ip_address: str | None = None,
) -> AuditEntry:
    if not isinstance(action, AuditAction):
        raise TypeError(f"audit_record takes an AuditAction, not {action!r}")
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=actor.full_name[:201] if actor else "",
        actor_number=(actor.employee_number or "") if actor else "",
        action=action,
        object_type=object_type,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        changes=changes or {},
        ip_address=ip_address,
    )


def field_changes(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields whose value differs, as JSON-friendly strings."""

    def plain(value):
        if value is None or isinstance(value, bool | int | float | str):
            return value
        return str(value)

    return {
        key: [plain(before.get(key)), plain(value)]
        for key, value in after.items()
        if before.get(key) != value
    }


def _model(object_type: str):
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def type_label(object_type: str) -> str:
    """What kind of thing an entry is about, in the reader's language: the model's name ("Agreement"),
    else its app's ("Organisation" for an import), else as stored."""
    model = _model(object_type)
    if model is not None:
        return capfirst(model._meta.verbose_name)
    try:
        return str(apps.get_app_config(object_type.partition(".")[0]).verbose_name)
    except LookupError:
        return object_type


# Keys the services record that are not fields of the entry's model (a day's date on a person, a
# signature's party on an agreement), and words they store, named for the reader.
KEY_LABELS = {
    "agreements": _lazy("Agreements"),
    "comment": _lazy("Comment"),
    "date": _lazy("Date"),
    "days": _lazy("Days"),
    "escalated": _lazy("Escalated"),
    "item": _lazy("Item"),
    "kind": _lazy("Kind"),
    "note": pgettext_lazy("audit log", "Note"),
    "party": _lazy("Party"),
    "pdf_sha256": _lazy("PDF checksum"),
    "text_sha256": _lazy("Text checksum"),
    "valid_from": _lazy("Valid from"),
    "version": _lazy("Version"),
    "weekdays": _lazy("Weekdays"),
}
VALUE_LABELS = {
    "office": _lazy("Office"),
    "remote": _lazy("Remote"),
    "off": _lazy("Day off"),
    "employer": _lazy("Employer"),
    "employee": _lazy("Employee"),
}


def change_rows(entry: AuditEntry) -> list[tuple[str, str, str]]:
    """An entry's changes as (field, before, after), with the field's name and choices in the reader's
    language; changes stored as {field: [old, new]} (see `field_changes`), any other shape as written."""
    model = _model(entry.object_type)
    fields = {field.name: field for field in model._meta.get_fields()} if model is not None else {}
    rows = []
    for key, change in (entry.changes or {}).items():
        field = fields.get(key)
        label = capfirst(getattr(field, "verbose_name", None) or KEY_LABELS.get(key) or key.replace("_", " "))
        before, after = change if isinstance(change, list) and len(change) == 2 else (None, change)
        rows.append((str(label), _shown(field, key, before), _shown(field, key, after)))
    return rows


def _shown(field, key: str, value) -> str:
    """A stored value as the reader writes it: choices and words by name, dates and decimals in the
    reader's format, weekdays by name, checksums shortened."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if key == "weekdays":
        numbers = json.loads(value) if isinstance(value, str) and value.startswith("[") else value
        if isinstance(numbers, list) and all(isinstance(n, int) and 0 <= n < 7 for n in numbers):
            return ", ".join(str(WEEKDAY_NAMES[n]) for n in numbers)
    if isinstance(value, list):
        return ", ".join(_shown(field, key, item) for item in value)
    choices = dict(getattr(field, "flatchoices", None) or ())
    if value in choices:
        return str(choices[value])
    if isinstance(value, str):
        return _shown_text(key, value)
    return formats.number_format(value) if isinstance(value, float) else str(value)


def _shown_text(key: str, value: str) -> str:
    if value in VALUE_LABELS:
        return str(VALUE_LABELS[value])
    if key.endswith("sha256"):
        return value[:12] + "…"
    try:
        return formats.date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
    except ValueError:
        pass
    try:
        return formats.number_format(Decimal(value), use_l10n=True) if "." in value else value
    except ArithmeticError:
        return value
