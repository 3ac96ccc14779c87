import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from distans.core.audit import client_address
from distans.core.permissions import require
from distans.core.places import country_name
from distans.core.refusals import refusal_message, refusal_on
from distans.privacy import export, notice, retention, services
from distans.privacy.forms import (
    AccessRequestForm,
    ExtendForm,
    HoldForm,
    LiftForm,
    PrivacySettingsForm,
    RetentionForm,
)
from distans.privacy.models import AccessRequest, LegalHold, NoticeVersion, PrivacySettings, RetentionRun
from distans.privacy.permissions import (
    can_manage_privacy,
    get_access_request_for_user,
    get_hold_for_user,
    get_person_for_privacy,
)

FORMATS = ("json", "pdf")
DOWNLOAD_TOKEN = re.compile(r"[a-z0-9]{8,40}")


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
    _say_started(request, response)
    return response


def _say_started(request, response: HttpResponse) -> None:
    """The page that asked for the file (download-status.js) waits for a cookie named by the token it
    sent, so that "Preparing your file…" goes as soon as the file arrives."""
    token = request.GET.get("status", "")
    if DOWNLOAD_TOKEN.fullmatch(token):
        response.set_cookie(f"download-{token}", "1", max_age=60, samesite="Lax", secure=request.is_secure())


@login_required
def mine(request):
    requests = AccessRequest.objects.filter(person=request.user)
    return render(
        request,
        "privacy/mine.html",
        {"access_requests": requests, "contact": PrivacySettings.current().contact_name},
    )


@login_required
def mine_download(request, kind: str):
    return _download(request, request.user, kind)


@login_required
def overview(request):
    """HR's page; its form records an access request, from a colleague or from someone who has left."""
    require(can_manage_privacy(request.user))
    form = AccessRequestForm(request.POST or None, user=request.user, prefix="access")
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            access = services.access_request_create(
                actor=request.user,
                person=form.cleaned_data["person"],
                received_on=form.cleaned_data["received_on"],
                note=form.cleaned_data["note"],
            )
            return redirect("privacy:access_request", access.pk)
    return _overview_page(request, access_form=form, status=400 if form.is_bound else 200)


def _overview_page(request, *, access_form=None, hold_form=None, status=200):
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
            "lifted": LegalHold.objects.filter(lifted_at__isnull=False)
            .select_related("person")
            .order_by("-lifted_at")[:10],
            "access_form": access_form or AccessRequestForm(user=request.user, prefix="access"),
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
            if request.POST.get("back") == "person":  # placed from the person's page: back to her
                return redirect("org:person", form.cleaned_data["person"].pk)
            return redirect("privacy:overview")
    return _overview_page(request, hold_form=form, status=400)


@login_required
def hold_lift(request, pk: int):
    """A hold with the person's history of holds; lifting it asks for a reason, on this page."""
    hold = get_hold_for_user(request.user, pk)
    # Opened from the person's page (?back=person, kept as the form posts to this address): back to her.
    if request.GET.get("back") == "person":
        back = reverse("org:person", args=[hold.person_id])
    else:
        back = reverse("privacy:overview")
    form = LiftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            services.legal_hold_lift(actor=request.user, hold=hold, reason=form.cleaned_data["reason"])
            messages.success(request, _("The legal hold is lifted."))
            return redirect(back)
    history = LegalHold.objects.filter(person=hold.person).select_related("placed_by", "lifted_by")
    return render(
        request,
        "privacy/hold.html",
        {"hold": hold, "history": history, "form": form, "back": back},
        status=400 if form.is_bound else 200,
    )


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
            messages.success(
                request,
                _(
                    "Saved. Periods changed: %(count)s. They take effect with the next daily run, which "
                    "also states them in the privacy notice."
                )
                % {"count": changed},
            )
            return redirect("privacy:retention")
    changed = retention.changed()
    rows = [
        {
            "type": record_type,
            "cells": [
                {
                    "field": form[f"{record_type.key}:{country}"],
                    "changed": (record_type.key, country) in changed,
                    "country": country_name(country) if country else _("Other countries"),
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
    """The notice as `version` stated it, or (none published, or the record of processing) as it reads
    today; HR sees when today's differs from the version employees read."""
    details = PrivacySettings.current()
    today = notice.content(details)
    stated = notice.content_of(version) if version else today
    can_manage = can_manage_privacy(request.user)
    return render(
        request,
        "privacy/notice.html",
        {
            "version": version,
            "activities": notice.record(stated["periods"], full=full),
            "full": full,
            "controller": stated["controller"],
            "contact": stated["contact"],
            "transfers": details.transfers or notice.DEFAULT_TRANSFERS,
            "security": details.security or notice.DEFAULT_SECURITY,
            "set_by_organisation": {"transfers": bool(details.transfers), "security": bool(details.security)},
            "versions": NoticeVersion.objects.only("number", "published_at"),
            "can_manage": can_manage,
            "pending": can_manage and version is not None and stated != today,
        },
    )


@login_required
@require_GET
def notice_page(request):
    return _notice_page(request, NoticeVersion.objects.first(), full=False)


@login_required
def privacy_settings(request):
    """The controller and the contact the notice names, and what the record of processing states about
    transfers and security."""
    require(can_manage_privacy(request.user))
    defaults = {
        "controller": settings.PRIVACY_CONTROLLER or _("the notice says “your employer”"),
        "contact": settings.PRIVACY_CONTACT or _("the notice tells employees to ask HR"),
        "transfers": notice.DEFAULT_TRANSFERS,
        "security": notice.DEFAULT_SECURITY,
    }
    form = PrivacySettingsForm(request.POST or None, instance=PrivacySettings.current(), defaults=defaults)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            services.privacy_settings_set(actor=request.user, **form.cleaned_data)
            messages.success(
                request,
                _(
                    "Saved. The record of processing states it now; the privacy notice names a new "
                    "controller or contact from the next daily run, or as soon as you publish it."
                ),
            )
            return redirect("privacy:settings")
    return render(request, "privacy/settings.html", {"form": form}, status=400 if form.is_bound else 200)


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
