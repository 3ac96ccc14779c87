"""Background work for checklists: notices and reminders by e-mail.

Tasks take ids and load fresh state, so a reminder for an assignment that was answered or
cancelled in the meantime sends nothing. They are enqueued inside the service's transaction: the
database task backend stores them in the same commit as the assignment.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from distans.checklists.models import Assignment, Kind
from distans.checklists.queries import pending_respondents
from distans.core.mail import send_to_person, site_link
from distans.core.translated import localized


def _load(assignment_id: int) -> Assignment | None:
    return (
        Assignment.objects.select_related("version__template", "person", "assessor", "assigned_by")
        .filter(pk=assignment_id)
        .first()
    )


def _send(recipients, assignment: Assignment, subject: str, template: str, **context) -> int:
    """`subject` is a format string with %(title)s, translated in each recipient's language."""
    for person in recipients:
        send_to_person(
            person,
            subject=lambda: _(subject) % {"title": localized(assignment.version.title)},
            template=f"checklists/email/{template}.txt",
            context={
                "assignment": assignment,
                **context,
                "url": site_link(reverse("checklists:assignment", args=[assignment.pk])),
                "answers_due": person in (assignment.person, assignment.assessor),
            },
        )
    return len(recipients)


@task()
def assignment_notify(assignment_id: int) -> int:
    assignment = _load(assignment_id)
    if assignment is None:
        return 0
    return _send(
        pending_respondents(assignment),
        assignment,
        gettext_noop("A checklist for you to answer: %(title)s"),
        "assigned",
    )


@task()
def assignment_remind(assignment_id: int) -> int:
    assignment = _load(assignment_id)
    if assignment is None:
        return 0
    recipients = pending_respondents(assignment)
    overdue = assignment.due_date < timezone.localdate()
    if overdue and recipients and assignment.assigned_by and assignment.assigned_by not in recipients:
        recipients.append(assignment.assigned_by)
    subject = gettext_noop("Overdue: %(title)s") if overdue else gettext_noop("Reminder: %(title)s")
    return _send(recipients, assignment, subject, "reminder", overdue=overdue)


@task()
def assignment_completed_notify(assignment_id: int) -> int:
    """Tell the person and whoever assigned it that the results are ready; pulse answers stay private."""
    assignment = _load(assignment_id)
    if assignment is None or assignment.version.template.kind == Kind.PULSE:
        return 0
    recipients = [assignment.person]
    if assignment.assigned_by and assignment.assigned_by not in recipients:
        recipients.append(assignment.assigned_by)
    return _send(recipients, assignment, gettext_noop("Results ready: %(title)s"), "completed")
