"""Who must, and who may, do what with two-factor sign-in."""

from django.conf import settings

from distans.core.permissions import has_role, is_admin
from distans.core.roles import Role
from distans.identity.otp import TOTPDevice


def two_factor_required(user) -> bool:
    """HR, HR approvers and administrators signing in with a password, when the setting asks for it."""
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    return is_admin(user) or has_role(user, Role.HR) or has_role(user, Role.HR_APPROVER)


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def can_reset_two_factor(user, person) -> bool:
    """Administrators, for someone else (one's own is turned off or set up again on one's own page)."""
    return is_admin(user) and user.pk != person.pk
