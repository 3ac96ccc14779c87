"""Every write of privacy, one transaction each, each audited."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.core.audit import audit_record, field_changes
from distans.core.errors import Conflict, DomainError
from distans.core.mail import send_to_person, site_link
from distans.privacy import notice, retention, rules
from distans.privacy.audit_actions import PrivacyAudit
from distans.privacy.models import (
    AccessRequest,
    LegalHold,
    NoticeVersion,
    PrivacySettings,
    RetentionRule,
    RetentionRun,
)


def export_record(*, actor, person, kind: str, ip_address=None) -> None:
    """A download of a person's data leaves a trace, whoever made it."""
    audit_record(
        actor=actor, action=PrivacyAudit.EXPORT, obj=person, changes={"format": kind}, ip_address=ip_address
    )


def access_request_create(*, actor, person, received_on: datetime.date, note: str = "") -> AccessRequest:
    if received_on > timezone.localdate():
        raise DomainError(
            "received_in_future", _("The date received cannot be in the future."), field="received_on"
        )
    with transaction.atomic():
        access = AccessRequest.objects.create(
            person=person,
            received_on=received_on,
            note=note,
            deadline=rules.deadline(received_on),
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            action=PrivacyAudit.ACCESS_REQUEST,
            obj=access,
            changes={"person": person.pk, "deadline": access.deadline.isoformat()},
        )
    return access


def access_request_extend(*, actor, access: AccessRequest, to: datetime.date, reason: str) -> AccessRequest:
    """Up to two more months, told to the person with the reason within the first month (Art. 12(3))."""
    with transaction.atomic():
        access = AccessRequest.objects.select_for_update().get(pk=access.pk)
        if access.delivered_at or access.extended_to:
            raise Conflict("access_already_settled", _("This request is already answered or extended."))
        if timezone.localdate() > access.deadline:
            raise DomainError(
                "extension_too_late",
                _("An extension must be told to the employee within the first month; that month has passed."),
            )
        if not access.deadline < to <= rules.latest_extension(access.deadline):
            raise DomainError(
                "extended_to",
                _("The new date must be after the deadline and at most two months after it."),
                field="extended_to",
            )
        if not reason.strip():
            raise DomainError(
                "reason", _("Give the reason for the extension: the employee is told it."), field="reason"
            )
        access.extended_to, access.extension_reason = to, reason.strip()
        access.extension_notified_at = timezone.now()
        access.save(update_fields=["extended_to", "extension_reason", "extension_notified_at"])
        audit_record(
            actor=actor,
            action=PrivacyAudit.ACCESS_EXTEND,
            obj=access,
            changes={"extended_to": to.isoformat()},
        )
        person = access.person
        transaction.on_commit(
            lambda: send_to_person(
                person,
                subject=lambda: _("Your request for your data: more time needed"),
                template="privacy/email/extension.txt",
                context={"access": access, "link": site_link(reverse("privacy:mine"))},
            )
        )
    return access


def access_request_deliver(*, actor, access: AccessRequest) -> AccessRequest:
    with transaction.atomic():
        access = AccessRequest.objects.select_for_update().get(pk=access.pk)
        if access.delivered_at:
            raise Conflict("access_already_settled", _("This request is already answered."))
        access.delivered_at = timezone.now()
        access.save(update_fields=["delivered_at"])
        audit_record(actor=actor, action=PrivacyAudit.ACCESS_DELIVER, obj=access)
    return access


def retention_rules_set(*, actor, days: dict[tuple[str, str], int]) -> int:
    """HR's periods, by (record type, country); they take effect with the next daily run, which
    publishes the notice again if they changed it (so a change and its undo publish nothing). Answers
    how many changed."""
    with transaction.atomic():
        periods = retention.periods()
        changed = 0
        for (record_type, country), new in days.items():
            before = periods.get(record_type, {}).get(country)
            if before is None:
                raise DomainError("record_type", _("There is no such retention rule."))
            if before == new:
                continue
            RetentionRule.objects.update_or_create(
                record_type=record_type, country=country, defaults={"days": new, "changed_by": actor}
            )
            audit_record(
                actor=actor,
                action=PrivacyAudit.RULE_CHANGE,
                object_type="privacy.retentionrule",
                changes={"record_type": record_type, "country": country or "*", "days": [before, new]},
            )
            changed += 1
    return changed


def legal_hold_place(*, actor, person, reason: str) -> LegalHold:
    with transaction.atomic():
        if LegalHold.objects.filter(person=person, lifted_at__isnull=True).exists():
            raise Conflict(
                "hold_exists", _("%(name)s is already on legal hold.") % {"name": person.full_name}
            )
        hold = LegalHold.objects.create(person=person, reason=reason, placed_by=actor)
        audit_record(actor=actor, action=PrivacyAudit.HOLD_PLACE, obj=person, changes={"reason": reason})
    return hold


def legal_hold_lift(*, actor, hold: LegalHold, reason: str) -> None:
    """Lifting lets the periods delete what is past them at the next run, so it needs a reason."""
    reason = reason.strip()
    if not reason:
        raise DomainError(
            "reason",
            _("Give the reason for lifting the legal hold: it is kept with it."),
            field="reason",
        )
    with transaction.atomic():
        updated = LegalHold.objects.filter(pk=hold.pk, lifted_at__isnull=True).update(
            lifted_at=timezone.now(), lifted_by=actor, lift_reason=reason
        )
        if not updated:
            raise Conflict("hold_lifted", _("This legal hold is already lifted."))
        audit_record(actor=actor, action=PrivacyAudit.HOLD_LIFT, obj=hold.person, changes={"reason": reason})


def retention_daily() -> dict[str, int]:
    """The daily job (`core.schedule.daily_jobs`): delete or anonymise what is past its period. The
    periods take effect now, so a published notice states them from now on (HR may publish sooner)."""
    if NoticeVersion.objects.exists():
        notice_publish(actor=None)
    counts = retention.apply()
    with transaction.atomic():
        RetentionRun.objects.create(counts=counts)
        # What was done, counted; never what the records said.
        audit_record(
            actor=None, action=PrivacyAudit.RETENTION_RUN, object_type="privacy.retentionrun", changes=counts
        )
    return {f"retention.{key}": count for key, count in counts.items()}


def notice_publish(*, actor) -> NoticeVersion:
    """Publish the notice as it now reads, unless the latest version already says the same."""
    content = notice.content()
    with transaction.atomic():
        latest = NoticeVersion.objects.select_for_update().first()
        if latest is not None and notice.content_of(latest) == content:
            return latest
        version = NoticeVersion.objects.create(
            number=(latest.number + 1) if latest else 1, published_by=actor, **content
        )
        audit_record(
            actor=actor, action=PrivacyAudit.NOTICE_PUBLISH, obj=version, changes={"number": version.number}
        )
    return version


def privacy_settings_set(
    *, actor, controller: str, contact: str, transfers: str, security: str
) -> PrivacySettings:
    """The organisation's privacy details; the notice states a new controller or contact from the next
    daily run (or when HR publishes it)."""
    with transaction.atomic():
        current = PrivacySettings.current()
        before = {name: getattr(current, name) for name in ("controller", "contact", "transfers", "security")}
        after = {
            "controller": controller.strip(),
            "contact": contact.strip(),
            "transfers": transfers.strip(),
            "security": security.strip(),
        }
        changes = field_changes(before, after)
        if changes:
            for name, value in after.items():
                setattr(current, name, value)
            current.changed_by = actor
            current.save()
            audit_record(actor=actor, action=PrivacyAudit.SETTINGS_CHANGE, obj=current, changes=changes)
    return current
