"""Reads for the pages of sign-in and for other apps' pages."""

from django.urls import reverse
from django.utils.translation import gettext as _

from distans.core.profile import ProfileLink
from distans.identity.otp import TOTPDevice
from distans.identity.permissions import can_reset_two_factor, has_two_factor
from distans.org.hooks import PersonLink


def two_factor_link(*, user, person) -> PersonLink | None:
    """On a person's page, for an administrator: reset her two-factor sign-in (a lost phone)."""
    if not can_reset_two_factor(user, person) or not has_two_factor(person):
        return None
    return {
        "text": _("Reset two-factor sign-in"),
        "url": reverse("identity:two_factor_reset", args=[person.pk]),
    }


def two_factor_profile_link(*, user) -> ProfileLink:
    """On one's own profile: set up, renew or switch off two-factor sign-in."""
    return {"text": _("Two-factor sign-in"), "url": reverse("identity:two_factor")}


def app_device_unconfirmed(person) -> TOTPDevice | None:
    """The app she has started to set up and not yet confirmed with a code."""
    return TOTPDevice.objects.filter(user=person, confirmed=False).first()
