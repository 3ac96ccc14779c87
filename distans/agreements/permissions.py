"""Who may see and act on an agreement.

Seen by the person, their managers at any depth, HR and HR approvers. Prepared, sent, amended by HR or
a manager in line; suspended by the line manager or HR; ended by either side.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.agreements.models import Agreement
from distans.arrangements.permissions import is_hr_approver
from distans.core.permissions import is_hr
from distans.org.permissions import manages


def can_view_agreement(user, agreement) -> bool:
    return (
        agreement.person_id == user.pk
        or is_hr(user)
        or is_hr_approver(user)
        or manages(user, agreement.person)
    )


def can_manage_agreement(user, agreement) -> bool:
    return agreement.person_id != user.pk and (is_hr(user) or manages(user, agreement.person))


def can_suspend_agreement(user, agreement) -> bool:
    return agreement.person_id != user.pk and (is_hr(user) or agreement.person.manager_id == user.pk)


def can_end_agreement(user, agreement) -> bool:
    return agreement.person_id == user.pk or can_manage_agreement(user, agreement)


def signing_party(user, agreement) -> str | None:
    """Which side the user signs for: the employee herself, or the employer by the line manager or HR."""
    if agreement.person_id == user.pk:
        return "employee"
    if agreement.person.manager_id == user.pk or is_hr(user):
        return "employer"
    return None


def can_view_register(user) -> bool:
    return is_hr(user) or is_hr_approver(user)


def get_agreement_for_user(user, pk: int):
    agreement = get_object_or_404(
        Agreement.objects.select_related("person__manager", "person__unit", "person__position"), pk=pk
    )
    if not can_view_agreement(user, agreement):
        raise Http404
    return agreement
