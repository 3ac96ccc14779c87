"""Invitations: HR and administrators ask people who have no password yet to choose one."""

from collections.abc import Iterable

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import transaction
from django.utils import timezone

from distans.core.audit import audit_record, field_changes
from distans.org import tasks
from distans.org.audit_actions import OrgAudit
from distans.org.models import Person


def can_be_invited(person: Person) -> bool:
    """Active and without a password: whoever has one resets it on the sign-in page instead."""
    return person.is_active and not person.has_usable_password()


def person_invite(*, actor, person_ids: Iterable[int], ip_address=None) -> int:
    """Send an invitation to each of these people who can be invited; returns how many.

    Deactivated people and people who already have a password are left out.
    """
    with transaction.atomic():
        people = list(
            Person.objects.select_for_update().filter(
                pk__in=list(person_ids), is_active=True, password__startswith=UNUSABLE_PASSWORD_PREFIX
            )
        )
        now = timezone.now()
        for person in people:
            audit_record(
                actor=actor,
                action=OrgAudit.PERSON_INVITE,
                obj=person,
                ip_address=ip_address,
                changes=field_changes({"invited_at": person.invited_at}, {"invited_at": now}),
            )
            tasks.invitation_send.enqueue(person.pk)
        Person.objects.filter(pk__in=[p.pk for p in people]).update(invited_at=now)
    return len(people)
