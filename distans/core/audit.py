"""Writing to the audit log. Every state-changing service calls `audit_record` in its transaction.

What was done is an `AuditAction`: each app lists its own in `<app>/audit_actions.py`, as a subclass of
`AuditAction` whose values are the strings stored in `AuditEntry.action`. Core finds them by that module
name (as the admin finds `admin.py`), so it never names a higher app.
"""

import functools

from django.db import models
from django.utils.module_loading import autodiscover_modules

from distans.core.models import AuditEntry


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
