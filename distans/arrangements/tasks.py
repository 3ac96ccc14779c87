"""E-mail about requests: to whoever acts next, reminders when a step waits, the outcome to the
employee. Enqueued inside the service's transaction (database task backend); tasks load fresh state."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop
from django_tasks import task

from distans.arrangements.models import Request
from distans.arrangements.queries import approvers
from distans.checklists.rules import reminder_moments
from distans.core.mail import notify, site_link

SUBJECTS = {
    "next": gettext_noop("A remote work request waits for your decision"),
    "remind": gettext_noop("Reminder: a remote work request waits for your decision"),
    "confirm": gettext_noop("Please confirm your remote work request"),
    "approve": gettext_noop("Your remote work request is approved"),
    "accept_changes": gettext_noop("Your remote work request is approved"),
    "approve_with_changes": gettext_noop("Changes proposed to your remote work request"),
    "reject": gettext_noop("Your remote work request is rejected"),
    "return": gettext_noop("Your remote work request needs more information"),
    "decline_changes": gettext_noop("The remote work request is withdrawn"),
}


def notify_step(request: Request) -> None:
    """Tell the deciders of the current step now, and remind them if it still waits after N days."""
    request_notify.enqueue(request.pk, "next")
    due = timezone.localdate() + datetime.timedelta(days=settings.REQUEST_REMINDER_DAYS)
    moment = reminder_moments(
        due, days_before=0, time_zone=request.person.time_zone, hour=settings.REMINDER_LOCAL_HOUR
    )[0]
    request_remind.using(run_after=moment).enqueue(request.pk, request.round, request.step)


def _send(people, request: Request, kind: str) -> int:
    return notify(
        people,
        subject=SUBJECTS[kind],
        template="arrangements/email/notice.txt",
        context={
            "request": request,
            "kind": kind,
            "url": site_link(reverse("arrangements:detail", args=[request.pk])),
        },
    )


def _load(request_id: int) -> Request | None:
    return Request.objects.select_related("person__manager", "created_by").filter(pk=request_id).first()


@task()
def request_notify(request_id: int, kind: str) -> int:
    request = _load(request_id)
    if request is None:
        return 0
    if kind == "next":
        return _send(approvers(request, request.current_step), request, kind) if request.current_step else 0
    people = [request.person]
    if kind != "confirm" and request.created_by and request.created_by != request.person:
        people.append(request.created_by)
    return _send(people, request, kind)


@task()
def request_remind(request_id: int, round_: int, step: int) -> int:
    """Remind the deciders when the same step of the same round still waits."""
    request = _load(request_id)
    if request is None or request.current_step is None or (request.round, request.step) != (round_, step):
        return 0
    return _send(approvers(request, request.current_step), request, "remind")
