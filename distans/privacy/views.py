from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from distans.core.audit import client_address
from distans.core.permissions import require
from distans.core.refusals import refusal_message, refusal_on
from distans.privacy import export, notice, retention, services
from distans.privacy.forms import (
    AccessRequestForm,
    ExtendForm,
    HoldForm,
    LeaverAccessRequestForm,
    RetentionForm,
)
from distans.privacy.models import AccessRequest, LegalHold, NoticeVersion, RetentionRun
from distans.privacy.permissions import (
    can_manage_privacy,
    get_access_request_for_user,
    get_hold_for_user,
    get_person_for_privacy,
)

FORMATS = ("json", "pdf")


def _download(request, person, kind: str) -> HttpResponse:
    if kind not in FORMATS:
        raise Http404
    services.export_record(actor=request.user, person=person, kind=kind, ip_address=client_address(request))
    name = f"distans-data-{person.pk}-{timezone.localdate().isoformat()}.{kind}"
    if kind == "json":
        response: HttpResponse = JsonResponse(
            export.as_json(person), json_dumps_params={"ensure_ascii": False, "indent": 2}
        )
    else:
        response = HttpResponse(export.as_pdf(person), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def mine(request):
    requests = AccessRequest.objects.filter(person=request.user)
    return render(
        request, "privacy/mine.html", {"access_requests": requests, "contact": settings.PRIVACY_CONTACT}
    )


@login_required
def mine_download(request, kind: str):
    return _download(request, request.user, kind)


@login_required
def overview(request):
    """HR's page; its form records an access request from a colleague, or (the `leaver` form) from
    someone who has left."""
    require(can_manage_privacy(request.user))
    data = request.POST or None
    leaver = data is not None and "leaver-leaver" in data
    form = (LeaverAccessRequestForm if leaver else AccessRequestForm)(
        data, user=request.user, prefix="leaver" if leaver else "access"
    )
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            access = services.access_request_create(
                actor=request.user,
                person=form.cleaned_data["leaver" if leaver else "person"],
                received_on=form.cleaned_data["received_on"],
                note=form.cleaned_data["note"],
            )
            return redirect("privacy:access_request", access.pk)
    bound = {"leaver_form": form} if leaver else {"access_form": form}
    return _overview_page(request, **bound, status=400 if form.is_bound else 200)


def _overview_page(request, *, access_form=None, leaver_form=None, hold_form=None, status=200):
    today = timezone.localdate()
    access_requests = list(AccessRequest.objects.select_related("person")[:200])
    return render(
        request,
        "privacy/overview.html",
        {
            "today": today,
            "open": [access for access in access_requests if not access.delivered_at],
            "answered": [access for access in access_requests if access.delivered_at][:20],
            "holds": LegalHold.objects.filter(lifted_at__isnull=True).select_related("person", "placed_by"),
            "access_form": access_form or AccessRequestForm(user=request.user, prefix="access"),
            "leaver_form": leaver_form or LeaverAccessRequestForm(user=request.user, prefix="leaver"),
            "hold_form": hold_form or HoldForm(user=request.user, prefix="hold"),
            "last_run": RetentionRun.objects.first(),
        },
        status=status,
    )


@login_required
@require_POST
def hold_place(request):
    require(can_manage_privacy(request.user))
    form = HoldForm(request.POST, user=request.user, prefix="hold")
    if form.is_valid():
        with refusal_on(form):
            services.legal_hold_place(
                actor=request.user, person=form.cleaned_data["person"], reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The legal hold is placed: nothing about the person is deleted."))
            return redirect("privacy:overview")
    return _overview_page(request, hold_form=form, status=400)


@login_required
@require_POST
def hold_lift(request, pk: int):
    hold = get_hold_for_user(request.user, pk)
    with refusal_message(request):
        services.legal_hold_lift(actor=request.user, hold=hold)
        messages.success(request, _("The legal hold is lifted."))
    return redirect("privacy:overview")


@login_required
def access_request(request, pk: int):
    access = get_access_request_for_user(request.user, pk)
    form = ExtendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            services.access_request_extend(
                actor=request.user,
                access=access,
                to=form.cleaned_data["extended_to"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("The deadline is extended, and the employee is told why by e-mail."))
            return redirect("privacy:access_request", access.pk)
    status = 400 if form.is_bound else 200
    return render(request, "privacy/access_request.html", {"access": access, "form": form}, status=status)


@login_required
@require_POST
def access_deliver(request, pk: int):
    access = get_access_request_for_user(request.user, pk)
    with refusal_message(request):
        services.access_request_deliver(actor=request.user, access=access)
        messages.success(request, _("The request is marked as answered."))
    return redirect("privacy:access_request", access.pk)


@login_required
def person_download(request, pk: int, kind: str):
    return _download(request, get_person_for_privacy(request.user, pk), kind)


@login_required
def retention_rules(request):
    require(can_manage_privacy(request.user))
    periods = retention.periods()
    form = RetentionForm(request.POST or None, periods=periods)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            changed = services.retention_rules_set(actor=request.user, days=form.days())
            messages.success(request, _("Saved. Periods changed: %(count)s.") % {"count": changed})
            return redirect("privacy:retention")
    changed = retention.changed()
    rows = [
        {
            "type": record_type,
            "cells": [
                {
                    "field": form[f"{record_type.key}:{country}"],
                    "changed": (record_type.key, country) in changed,
                }
                for country in periods[record_type.key]
            ],
        }
        for record_type in retention.RECORD_TYPES
    ]
    status = 400 if form.is_bound else 200
    return render(
        request,
        "privacy/retention.html",
        {"form": form, "rows": rows, "countries": retention.COUNTRIES},
        status=status,
    )


def _notice_page(request, version: NoticeVersion | None, *, full: bool):
    periods = version.periods if version else None
    return render(
        request,
        "privacy/notice.html",
        {
            "version": version,
            "activities": notice.record(periods, full=full),
            "full": full,
            "controller": settings.PRIVACY_CONTROLLER,
            "contact": settings.PRIVACY_CONTACT,
            "versions": NoticeVersion.objects.only("number", "published_at"),
            "can_manage": can_manage_privacy(request.user),
        },
    )


@login_required
@require_GET
def notice_page(request):
    return _notice_page(request, NoticeVersion.objects.first(), full=False)


@login_required
def notice_version(request, number: int):
    return _notice_page(request, get_object_or_404(NoticeVersion, number=number), full=False)


@login_required
def record_of_processing(request):
    require(can_manage_privacy(request.user))
    return _notice_page(request, None, full=True)


@login_required
@require_POST
def notice_publish(request):
    require(can_manage_privacy(request.user))
    version = services.notice_publish(actor=request.user)
    messages.success(
        request, _("Privacy notice version %(number)s is the one employees see.") % {"number": version.number}
    )
    return redirect("privacy:notice")
