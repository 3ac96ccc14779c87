"""Writes to the policy: HR drafts the next version, edits it, and publishes it."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.core.audit import audit_record, field_changes
from distans.core.errors import Conflict, DomainError
from distans.core.translated import language_names, missing_languages
from distans.policy.audit_actions import PolicyAudit
from distans.policy.models import PARAMETER_FIELDS, PolicyVersion

EDITABLE = ["effective_from", "text", *PARAMETER_FIELDS]


def policy_draft_create(*, actor) -> PolicyVersion:
    """The next version as a draft, copied from the newest; the existing draft if there is one."""
    with transaction.atomic():
        existing = PolicyVersion.objects.select_for_update().filter(status=PolicyVersion.Status.DRAFT).first()
        if existing:
            return existing
        latest = PolicyVersion.objects.order_by("-number").first()
        number = (PolicyVersion.objects.aggregate(top=Max("number"))["top"] or 0) + 1
        values = {field: getattr(latest, field) for field in EDITABLE} if latest else {}
        values["effective_from"] = max(
            values.get("effective_from", timezone.localdate()), timezone.localdate()
        )
        draft = PolicyVersion.objects.create(number=number, created_by=actor, **values)
        audit_record(actor=actor, action=PolicyAudit.DRAFT, obj=draft)
    return draft


def _locked_draft(version: PolicyVersion) -> PolicyVersion:
    version = PolicyVersion.objects.select_for_update().get(pk=version.pk)
    if not version.is_draft:
        raise Conflict(
            "policy_published", _("A published policy version cannot be changed. Start a new draft instead.")
        )
    return version


def policy_draft_update(*, actor, version: PolicyVersion, **values) -> PolicyVersion:
    with transaction.atomic():
        version = _locked_draft(version)
        before = {field: getattr(version, field) for field in EDITABLE}
        for key, value in values.items():
            setattr(version, key, value)
        if version.manager_max_days > version.max_days:
            raise DomainError(
                "manager_limit_above_max",
                _("The days a line manager may approve cannot be more than the most days a week at all."),
                field="manager_max_days",
            )
        version.save()
        audit_record(
            actor=actor,
            action=PolicyAudit.UPDATE,
            obj=version,
            changes=field_changes(before, {field: getattr(version, field) for field in EDITABLE}),
        )
    return version


def policy_publish(*, actor, version: PolicyVersion) -> PolicyVersion:
    """Publish a draft. It takes effect on its date, which may not lie in the past: requests already
    judged keep the version they were judged by."""
    with transaction.atomic():
        version = _locked_draft(version)
        missing = missing_languages(version.text)
        if missing:
            raise DomainError(
                "policy_text_missing",
                _("The policy text is missing in: %(languages)s.")
                % {"languages": ", ".join(language_names(missing))},
            )
        if version.effective_from < timezone.localdate():
            raise DomainError(
                "policy_in_the_past",
                _("The date it takes effect has passed. Choose today or a later day."),
                field="effective_from",
            )
        version.status = PolicyVersion.Status.PUBLISHED
        version.published_by = actor
        version.published_at = timezone.now()
        version.save(update_fields=["status", "published_by", "published_at"])
        audit_record(
            actor=actor,
            action=PolicyAudit.PUBLISH,
            obj=version,
            changes={"effective_from": [None, version.effective_from.isoformat()]},
        )
    return version
