"""E-mail about agreements. What the dates call for (start, notice run out, end date passed) is applied
by `services.agreement_apply_due`, which the hourly sweep runs (`core.schedule`)."""

from django.urls import reverse
from django.utils.translation import gettext_noop
from django_tasks import task

from distans.agreements.models import Agreement, Party, VersionStatus
from distans.core.mail import notify, site_link

SUBJECTS = {
    "sign": gettext_noop("A remote work agreement waits for your signature"),
    "signed": gettext_noop("The remote work agreement is signed by both parties"),
    "active": gettext_noop("Your remote work agreement is now in effect"),
    "suspend": gettext_noop("The remote work agreement is suspended"),
    "reinstate": gettext_noop("The remote work agreement is in effect again"),
    "ending": gettext_noop("Notice given: the remote work agreement will end"),
    "ended": gettext_noop("The remote work agreement has ended"),
    "expired": gettext_noop("The remote work agreement has expired"),
}


def _recipients(agreement: Agreement, kind: str) -> list:
    person, manager = agreement.person, agreement.person.manager
    if kind == "sign":
        version = agreement.versions.filter(status=VersionStatus.AWAITING_SIGNATURES).first()
        if version is None:
            return []
        signed = set(version.signatures.values_list("party", flat=True))
        people = [] if Party.EMPLOYEE in signed else [person]
        if Party.EMPLOYER not in signed and manager:
            people.append(manager)
        return people
    return [someone for someone in (person, manager) if someone]


@task()
def agreement_notify(agreement_id: int, kind: str) -> int:
    agreement = Agreement.objects.select_related("person__manager").filter(pk=agreement_id).first()
    if agreement is None:
        return 0
    return notify(
        _recipients(agreement, kind),
        subject=SUBJECTS[kind],
        template="agreements/email/agreement.txt",
        context={
            "agreement": agreement,
            "kind": kind,
            "url": site_link(reverse("agreements:detail", args=[agreement.pk])),
        },
    )
