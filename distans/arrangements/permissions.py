"""Who may see and act on a request.

Seen by the person, whoever started it for them, their managers at any depth, HR and HR approvers.
Decided by the person's line manager at the manager's step and by an HR approver at theirs; nobody
decides their own request (a manager's own request goes to her own manager).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.arrangements import rules
from distans.arrangements.models import Request, Step
from distans.checklists.permissions import can_assign
from distans.core.permissions import has_role, is_hr
from distans.core.roles import Role
from distans.org.permissions import manages


def is_hr_approver(user) -> bool:
    return has_role(user, Role.HR_APPROVER)


def can_view_request(user, request: Request) -> bool:
    return (
        request.person_id == user.pk
        or request.created_by_id == user.pk
        or is_hr(user)
        or is_hr_approver(user)
        or manages(user, request.person)
    )


def can_start_for(user, person) -> bool:
    """Asking for yourself, or starting a request on an employee's behalf as her manager or HR."""
    return person.is_active and (person.pk == user.pk or is_hr(user) or manages(user, person))


def can_edit(user, request: Request) -> bool:
    if request.status == rules.DRAFT:
        return user.pk in (request.person_id, request.created_by_id)
    return request.status == rules.RETURNED and user.pk == request.person_id


def can_act(user, request: Request, action: str) -> bool:
    """Whether the user may take a non-deciding action now."""
    if not rules.allowed(request.status, action):
        return False
    mine = request.person_id == user.pk
    on_behalf = request.created_by_id == user.pk and not mine
    if action == rules.SUBMIT:
        return mine
    if action == rules.SEND_FOR_CONFIRMATION:
        return on_behalf
    if action in (rules.CONFIRM, rules.ACCEPT_CHANGES, rules.DECLINE_CHANGES):
        return mine
    if action == rules.WITHDRAW:
        return mine or (on_behalf and request.status in (rules.DRAFT, rules.AWAITING))
    return False


def can_decide(user, request: Request) -> bool:
    step = request.current_step
    if step is None or request.person_id == user.pk:
        return False
    if step == Step.MANAGER:
        return request.person.manager_id == user.pk
    return is_hr_approver(user)


def can_assess_suitability(user, request: Request) -> bool:
    """At the manager's step, the deciding manager opens the suitability assessment from the request."""
    return (
        request.current_step == Step.MANAGER
        and can_decide(user, request)
        and can_assign(user, request.person)
    )


def can_view_overview(user) -> bool:
    return is_hr(user) or is_hr_approver(user)


def get_request_for_user(user, pk: int, *, for_write: bool = False) -> Request:
    """404 when the user may not see the request; with `for_write`, 403 when she may see it but not
    change its contents (deciding and the other steps have their own `can_*`)."""
    request = get_object_or_404(
        Request.objects.select_related(
            "person__unit", "person__position", "person__manager", "created_by", "policy_version"
        ),
        pk=pk,
    )
    if not can_view_request(user, request):
        raise Http404
    if for_write and not can_edit(user, request):
        raise PermissionDenied
    return request
