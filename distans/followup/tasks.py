"""Background work for follow-up: open an evaluation's checklist two weeks ahead, tell the personnel
manager of a deviation at once, and escalate it when the first response is late."""

from typing import Any

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.translation import gettext_noop
from django_tasks import task

from distans.core.mail import notify, site_link
from distans.core.roles import Role
from distans.followup.models import Deviation, Evaluation

SUBJECTS = {
    "reported": gettext_noop("A deviation in remote work needs your response"),
    "escalated": gettext_noop("Overdue: a deviation in remote work has had no response"),
    "closed": gettext_noop("A deviation in remote work is closed"),
}


@task()
def evaluation_open(evaluation_id: int) -> int:
    from distans.followup.services import evaluation_open as open_evaluation

    evaluation = Evaluation.objects.select_related("person__manager").filter(pk=evaluation_id).first()
    return 1 if evaluation is not None and open_evaluation(evaluation) else 0


def _recipients(deviation: Deviation, kind: str) -> list:
    hr = (
        list(Group.objects.get(name=Role.HR.value).user_set.filter(is_active=True))
        if kind == "escalated"
        else []
    )
    people: list[Any]  # people, and None for a handler or manager not set
    if kind == "reported":
        people = (
            [deviation.handler]
            if deviation.handler
            else hr or list(Group.objects.get(name=Role.HR.value).user_set.filter(is_active=True))
        )
    elif kind == "escalated":
        above = deviation.handler.manager if deviation.handler else None
        people = [above, *hr] if above else hr
    else:
        people = [deviation.person, deviation.handler]
    return [person for index, person in enumerate(people) if person and person not in people[:index]]


@task()
def deviation_notify(deviation_id: int, kind: str) -> int:
    deviation = Deviation.objects.select_related("person", "handler__manager").filter(pk=deviation_id).first()
    if deviation is None:
        return 0
    return notify(
        _recipients(deviation, kind),
        subject=SUBJECTS[kind],
        template="followup/email/deviation.txt",
        context={
            "deviation": deviation,
            "kind": kind,
            "url": site_link(reverse("followup:deviation", args=[deviation.pk])),
        },
    )


@task()
def deviation_escalate(deviation_id: int) -> bool:
    from distans.followup.services import deviation_escalate as escalate

    return escalate(deviation_id)
