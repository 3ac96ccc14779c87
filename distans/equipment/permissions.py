"""Who may see and handle equipment. A loan is seen by the person, her managers at any depth and HR;
HR and administrators (who run IT's lending) lend, take back and keep the lists."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.core.permissions import is_admin, is_hr
from distans.equipment.models import EquipmentRequest, Loan
from distans.org.permissions import manages


def can_lend(user) -> bool:
    return is_hr(user) or is_admin(user)


def can_view_loan(user, loan: Loan) -> bool:
    return loan.person_id == user.pk or can_lend(user) or manages(user, loan.person)


def can_acknowledge_loan(user, loan: Loan) -> bool:
    """Only the borrower confirms she received it."""
    return loan.person_id == user.pk


def can_decide_request(user, request: EquipmentRequest) -> bool:
    return request.person_id != user.pk and (request.person.manager_id == user.pk or is_hr(user))


def can_view_request(user, request: EquipmentRequest) -> bool:
    return request.person_id == user.pk or can_lend(user) or manages(user, request.person)


def get_loan_for_user(user, pk: int, *, for_write: bool = False) -> Loan:
    """404 when the user may not see the loan; with `for_write`, 403 unless she lends (takes it back,
    marks it lost). The borrower's receipt has its own `can_acknowledge_loan`."""
    loan = get_object_or_404(Loan.objects.select_related("person__manager", "item_type"), pk=pk)
    if not can_view_loan(user, loan):
        raise Http404
    if for_write and not can_lend(user):
        raise PermissionDenied
    return loan


def get_request_for_user(user, pk: int, *, for_write: bool = False) -> EquipmentRequest:
    """404 when the user may not see the request; with `for_write`, 403 unless she decides it."""
    request = get_object_or_404(
        EquipmentRequest.objects.select_related("person__manager", "item_type"), pk=pk
    )
    if not can_view_request(user, request):
        raise Http404
    if for_write and not can_decide_request(user, request):
        raise PermissionDenied
    return request
