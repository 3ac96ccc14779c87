"""Who may see and handle equipment. A loan is seen by the person, her managers at any depth and HR;
HR and administrators (who run IT's lending) lend, take back and keep the lists."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from distans.core.permissions import is_admin, is_hr
from distans.equipment.models import EquipmentRequest, Loan
from distans.org.permissions import manages


def can_lend(user) -> bool:
    return is_hr(user) or is_admin(user)


def can_view_loan(user, loan: Loan) -> bool:
    return loan.person_id == user.pk or can_lend(user) or manages(user, loan.person)


def can_decide_request(user, request: EquipmentRequest) -> bool:
    return request.person_id != user.pk and (request.person.manager_id == user.pk or is_hr(user))


def can_view_request(user, request: EquipmentRequest) -> bool:
    return request.person_id == user.pk or can_lend(user) or manages(user, request.person)


def get_loan_for_user(user, pk: int) -> Loan:
    loan = get_object_or_404(Loan.objects.select_related("person__manager", "item_type"), pk=pk)
    if not can_view_loan(user, loan):
        raise Http404
    return loan


def get_request_for_user(user, pk: int) -> EquipmentRequest:
    request = get_object_or_404(
        EquipmentRequest.objects.select_related("person__manager", "item_type"), pk=pk
    )
    if not can_view_request(user, request):
        raise Http404
    return request
