"""Every write of sign-in: the roles a provider's groups grant, and two-factor devices."""

import math

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from distans.core.audit import audit_record
from distans.core.errors import DomainError, NotAllowed
from distans.identity import permissions
from distans.identity.audit_actions import IdentityAudit
from distans.identity.env import ROLES
from distans.identity.otp import StaticDevice, StaticToken, TOTPDevice
from distans.org.models import Person
from distans.org.services import person_set_roles

RECOVERY_CODES = 10
APP_DEVICE = "app"
RECOVERY_DEVICE = "recovery"


def _wait(details: dict | None) -> DomainError:
    """Each wrong code doubles the wait before the next (django-otp's throttling): say how long it is."""
    until = (details or {}).get("locked_until")
    seconds = max(1, math.ceil((until - timezone.now()).total_seconds())) if until else 1
    if seconds > 90:
        minutes = math.ceil(seconds / 60)
        message = ngettext(
            "After a wrong code, the next try waits a little longer. "
            "Wait %(minutes)d minute, then try again.",
            "After a wrong code, the next try waits a little longer. "
            "Wait %(minutes)d minutes, then try again.",
            minutes,
        ) % {"minutes": minutes}
    else:
        message = ngettext(
            "After a wrong code, the next try waits a little longer. "
            "Wait %(seconds)d second, then try again.",
            "After a wrong code, the next try waits a little longer. "
            "Wait %(seconds)d seconds, then try again.",
            seconds,
        ) % {"seconds": seconds}
    return DomainError("two_factor_wait", message)


def roles_from_provider(*, person: Person, roles: set[str], ip_address=None) -> None:
    """The provider's groups grant and remove HR, HR approver and admin; other groups stay as they are.
    Through org's role change, so it is audited and HR is told (the actor is the provider: none)."""
    held = set(person.groups.values_list("name", flat=True))
    wanted = (held - set(ROLES)) | roles
    if wanted != held:
        person_set_roles(
            actor=None, person=person, groups=Group.objects.filter(name__in=wanted), ip_address=ip_address
        )


def app_device_start(*, person: Person, code: str = "") -> TOTPDevice:
    """A new secret for an authenticator app, unconfirmed until a code from the app is given back.
    Only when she asks to set one up (a POST): opening the page writes nothing. With two-factor on (a
    new phone), only with a code from the old app or a recovery code: a session left open is not enough
    to put someone else's app in its place."""
    if permissions.has_two_factor(person):
        code_verify(person=person, code=code)
    device = TOTPDevice.objects.filter(user=person, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=person, name=APP_DEVICE, confirmed=False)


def code_verify(*, person: Person, code: str) -> TOTPDevice | StaticDevice:
    """Six digits are the app's code; anything else a recovery code (used once). Each wrong code makes
    the next wait longer (django-otp's throttling)."""
    code = "".join(code.split()).lower()
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in kind.objects.filter(user=person, confirmed=True):
        allowed, details = device.verify_is_allowed()
        if not allowed:
            raise _wait(details)
        if device.verify_token(code):
            return device
    raise DomainError(
        "two_factor_wrong_code",
        _("That code does not work. Type the six digits your app shows now, or an unused recovery code."),
    )


def app_device_confirm(*, actor: Person, token: str, ip_address=None) -> tuple[TOTPDevice, list[str]]:
    """The app's first code proves it holds the secret: two-factor is on (replacing an older app), with
    fresh recovery codes, which are returned to be shown once."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=actor, confirmed=False).first()
        if device is None:  # the page was opened, but no app set up
            raise DomainError(
                "two_factor_not_started", _("Choose “Set up an authenticator app” first, then type its code.")
            )
        allowed, details = device.verify_is_allowed()
        if not allowed:
            raise _wait(details)
        # A wrong code counts towards the device's throttling, so it is kept: refused after the commit.
        matched = device.verify_token(token.strip())
    if not matched:
        raise DomainError(
            "two_factor_wrong_code", _("That code does not match. Type the six digits your app shows now.")
        )
    with transaction.atomic():
        TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _recovery_codes_replace(actor)
        audit_record(actor=actor, action=IdentityAudit.TWO_FACTOR_ON, obj=actor, ip_address=ip_address)
    return device, codes


def recovery_codes_new(*, actor: Person, code: str, ip_address=None) -> list[str]:
    """New recovery codes only with a code from the app or a recovery code, as turning it off."""
    if not permissions.has_two_factor(actor):
        raise DomainError("two_factor_off", _("Turn on two-factor sign-in first."))
    code_verify(person=actor, code=code)
    with transaction.atomic():
        codes = _recovery_codes_replace(actor)
        audit_record(actor=actor, action=IdentityAudit.RECOVERY_CODES, obj=actor, ip_address=ip_address)
    return codes


def two_factor_off(*, actor: Person, code: str, ip_address=None) -> None:
    """Off only with a code from the app or a recovery code: a session left open is not enough."""
    if permissions.two_factor_required(actor):
        raise NotAllowed(
            "two_factor_required", _("Your role requires two-factor sign-in; it cannot be turned off.")
        )
    code_verify(person=actor, code=code)
    with transaction.atomic():
        _devices_delete(actor)
        audit_record(actor=actor, action=IdentityAudit.TWO_FACTOR_OFF, obj=actor, ip_address=ip_address)


def two_factor_reset(*, actor: Person, person: Person, ip_address=None) -> None:
    """An administrator clears someone's lost phone and codes; she sets up a new app at her next sign-in."""
    if not permissions.can_reset_two_factor(actor, person):
        raise NotAllowed(
            "not_allowed", _("Only an administrator can reset someone else's two-factor sign-in.")
        )
    with transaction.atomic():
        _devices_delete(person)
        audit_record(actor=actor, action=IdentityAudit.TWO_FACTOR_RESET, obj=person, ip_address=ip_address)


def _recovery_codes_replace(person: Person) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=person, name=RECOVERY_DEVICE, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _number in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _devices_delete(person: Person) -> None:
    TOTPDevice.objects.filter(user=person).delete()
    StaticDevice.objects.filter(user=person).delete()
