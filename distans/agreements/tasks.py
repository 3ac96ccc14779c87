"""E-mail about agreements, and the sweep that applies what the dates call for (start, notice run out,
end date passed). The sweep runs every hour and queues its next run itself; sending an agreement
makes sure one is queued."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from distans.agreements.models import Agreement, VersionStatus
from distans.core.mail import send_to_person, site_link

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
SWEEP_EVERY = datetime.timedelta(hours=1)


def _recipients(agreement: Agreement, kind: str) -> list:
    person, manager = agreement.person, agreement.person.manager
    if kind == "sign":
        version = agreement.versions.filter(status=VersionStatus.AWAITING_SIGNATURES).first()
        if version is None:
            return []
        signed = set(version.signatures.values_list("party", flat=True))
        people = [] if "employee" in signed else [person]
        if "employer" not in signed and manager:
            people.append(manager)
        return people
    return [someone for someone in (person, manager) if someone]


@task()
def agreement_notify(agreement_id: int, kind: str) -> int:
    agreement = Agreement.objects.select_related("person__manager").filter(pk=agreement_id).first()
    if agreement is None:
        return 0
    people = _recipients(agreement, kind)
    for someone in people:
        send_to_person(
            someone,
            subject=lambda: _(SUBJECTS[kind]),
            template="agreements/email/agreement.txt",
            context={"agreement": agreement, "kind": kind, "url": site_link(f"/agreements/{agreement.pk}/")},
        )
    return len(people)


def ensure_sweep() -> None:
    """Queue the sweep unless a run is already waiting."""
    waiting = DBTaskResult.objects.filter(task_path=agreements_sweep.module_path, status="READY").exists()
    if not waiting:
        agreements_sweep.using(run_after=timezone.now() + datetime.timedelta(minutes=1)).enqueue()


@task()
def agreements_sweep() -> dict:
    from distans.agreements.services import apply_due
    from distans.followup.services import sweep  # follow-up builds on agreements, so it is imported late

    counts = {**apply_due(), **sweep()}
    agreements_sweep.using(run_after=timezone.now() + SWEEP_EVERY).enqueue()
    return counts
