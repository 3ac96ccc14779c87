"""Who sees "Does it work?": HR, HR approvers and administrators the whole organisation, managers the
people below them in the line (at any depth)."""

from distans.core.permissions import has_role, is_admin, is_hr, is_manager
from distans.core.roles import Role
from distans.org.models import Person
from distans.org.permissions import own_or_reports


def sees_organisation(user) -> bool:
    return is_hr(user) or has_role(user, Role.HR_APPROVER) or is_admin(user)


def can_view_effect(user) -> bool:
    return sees_organisation(user) or is_manager(user)


def people_for(user):
    """Everyone the user may follow in the report, leavers included."""
    if sees_organisation(user):
        return Person.objects.all()
    return own_or_reports(Person.objects.all(), user, "pk")
