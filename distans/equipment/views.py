from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.core.exports import csv_export
from distans.core.permissions import require
from distans.core.refusals import refusal_message, refusal_on
from distans.core.translated import localized
from distans.equipment import hooks, queries, services
from distans.equipment.forms import DecideForm, LoanForm, RequestForm, ReturnForm
from distans.equipment.models import Condition, EquipmentRequest, Loan
from distans.equipment.permissions import (
    can_acknowledge_loan,
    can_lend,
    get_loan_for_user,
    get_request_for_user,
)


@login_required
def mine(request):
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            services.equipment_request_create(
                actor=request.user,
                item_type=form.cleaned_data["item_type"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Your request is sent to your manager."))
            return redirect("equipment:mine")
    return render(
        request,
        "equipment/mine.html",
        {
            "form": form,
            "loans": Loan.objects.filter(person=request.user).select_related("item_type"),
            "requests": EquipmentRequest.objects.filter(person=request.user).select_related("item_type"),
            "entitlements": queries.entitlements(request.user),
            "to_decide": queries.requests_to_decide(request.user),
            "decide_form": DecideForm(),
            "can_lend": can_lend(request.user),
        },
    )


@login_required
@require_POST
def acknowledge(request, pk: int):
    loan = get_loan_for_user(request.user, pk)
    require(can_acknowledge_loan(request.user, loan))
    with refusal_message(request):
        services.loan_acknowledge(actor=request.user, loan=loan)
        messages.success(request, _("Thank you: receipt confirmed."))
    return redirect("equipment:mine")


@login_required
@require_POST
def decide(request, pk: int):
    equipment_request = get_request_for_user(request.user, pk, for_write=True)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or reject."))
        return redirect("equipment:mine")
    with refusal_message(request):
        services.equipment_request_decide(
            actor=request.user,
            request=equipment_request,
            approve=form.cleaned_data["approve"],
            comment=form.cleaned_data["comment"],
        )
        messages.success(request, _("Decided. The employee has been told."))
    return redirect("equipment:mine")


@login_required
def loans(request):
    require(can_lend(request.user))
    form = LoanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            services.loan_create(actor=request.user, **form.cleaned_data)
            messages.success(request, _("Lent. The employee is asked to confirm receipt."))
            return redirect("equipment:loans")
    today = timezone.localdate()
    out = queries.loans_out(overdue_on=today if request.GET.get("overdue") else None)
    if request.GET.get("format") == "csv":
        return _csv(out)
    approved = EquipmentRequest.objects.filter(
        status=EquipmentRequest.Status.APPROVED, loan=None
    ).select_related("person", "item_type")
    return render(
        request,
        "equipment/loans.html",
        {
            "form": form,
            "page": Paginator(out, 50).get_page(request.GET.get("page")),
            "today": today,
            "return_form": ReturnForm(),
            "approved": approved,
        },
    )


def _csv(loans) -> HttpResponse:
    return csv_export(
        "equipment-on-loan.csv",
        [
            _("Item"),
            _("Serial number"),
            _("Employee number"),
            _("Name"),
            _("Unit"),
            _("Lent on"),
            _("Due back"),
            _("Receipt confirmed"),
            _("Suits private use"),
        ],
        map(_csv_row, loans.iterator(chunk_size=500)),
    )


def _csv_row(loan) -> list:
    return [
        localized(loan.item_type.name),
        loan.serial_number,
        loan.person.employee_number,
        loan.person.full_name,
        loan.person.unit.name if loan.person.unit else "",
        loan.out_date.isoformat(),
        loan.due_back.isoformat() if loan.due_back else "",
        _("Yes") if loan.acknowledged_at else _("No"),
        _("Yes") if loan.item_type.private_use else _("No"),
    ]


@login_required
@require_POST
def loan_return(request, pk: int):
    loan = get_loan_for_user(request.user, pk, for_write=True)
    form = ReturnForm(request.POST)
    if form.is_valid():
        with refusal_message(request):
            services.loan_return(actor=request.user, loan=loan, condition=form.cleaned_data["condition"])
            if form.cleaned_data["condition"] == Condition.DAMAGED:
                messages.success(request, _("Returned damaged: report it as a deviation."))
                return _report(loan)
            messages.success(request, _("Returned."))
    return redirect("equipment:loans")


@login_required
@require_POST
def loan_lost(request, pk: int):
    loan = get_loan_for_user(request.user, pk, for_write=True)
    services.loan_lost(actor=request.user, loan=loan)
    messages.success(request, _("Marked as lost: report what happened as a deviation."))
    return _report(loan)


def _report(loan: Loan):
    """Lost or damaged equipment is reported as a deviation, where an app above offers the form."""
    reports = [url for url in hooks.loan_report.collect(loan=loan) if url]
    return redirect(reports[0] if reports else "equipment:loans")
