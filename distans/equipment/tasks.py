"""E-mail about equipment: a loan to confirm, items due back, requests to decide and their outcome."""

from django.urls import reverse
from django.utils.translation import gettext_noop
from django_tasks import task

from distans.core.mail import notify, site_link
from distans.equipment.models import EquipmentRequest, Loan
from distans.org.models import Person

SUBJECTS = {
    "lent": gettext_noop("Equipment lent to you: please confirm receipt"),
    "returns": gettext_noop("Please return the equipment you borrowed"),
    "request": gettext_noop("An equipment request waits for your decision"),
    "decided": gettext_noop("Your equipment request is decided"),
}


def _send(person, kind: str, **context) -> None:
    notify(
        [person],
        subject=SUBJECTS[kind],
        template="equipment/email/notice.txt",
        context={"kind": kind, "url": site_link(reverse("equipment:mine")), **context},
    )


@task()
def loan_notify(loan_id: int, kind: str) -> int:
    loan = Loan.objects.select_related("person", "item_type").filter(pk=loan_id).first()
    if loan is None:
        return 0
    _send(loan.person, kind, loan=loan)
    return 1


@task()
def returns_notify(person_id: int) -> int:
    person = Person.objects.filter(pk=person_id).first()
    loans = list(Loan.objects.filter(person_id=person_id, status=Loan.Status.OUT).select_related("item_type"))
    if person is None or not loans:
        return 0
    _send(person, "returns", loans=loans)
    return 1


@task()
def request_notify(request_id: int) -> int:
    request = (
        EquipmentRequest.objects.select_related("person__manager", "item_type").filter(pk=request_id).first()
    )
    if request is None or request.person.manager is None:
        return 0
    _send(request.person.manager, "request", request=request)
    return 1


@task()
def request_decided_notify(request_id: int) -> int:
    request = EquipmentRequest.objects.select_related("person", "item_type").filter(pk=request_id).first()
    if request is None:
        return 0
    _send(request.person, "decided", request=request)
    return 1
