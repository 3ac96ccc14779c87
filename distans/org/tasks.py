"""E-mail for the organisation: the invitation to choose a password, and telling HR when someone's
roles change (the task takes the audit entry's id: the entry holds who changed what, as written then)."""

import datetime

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_tasks import task

from distans.core.mail import send_to_person, site_link
from distans.core.models import AuditEntry
from distans.core.roles import Role
from distans.org.audit_actions import OrgAudit
from distans.org.models import Person
from distans.org.tokens import invitation_days, invitation_tokens


@task()
def invitation_send(person_id: int) -> int:
    """The link is made when the mail is written, so its days count from then."""
    person = Person.objects.filter(pk=person_id, is_active=True).first()
    if person is None or person.has_usable_password():
        return 0  # deactivated, or chose a password since the invitation
    path = reverse(
        "org:invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": invitation_tokens.make_token(person),
        },
    )
    send_to_person(
        person,
        subject=lambda: _("Welcome to Distans: choose your password"),
        template="org/email/invitation.txt",
        context={
            "url": site_link(path),
            "days": invitation_days(),
            "until": timezone.now() + datetime.timedelta(days=invitation_days()),
        },
    )
    return 1


def _labels(values) -> list:
    """Role labels, translated when the e-mail is written in each recipient's language."""
    return [Role(value).label if value in Role.values else value for value in values]


@task()
def roles_changed_notify(entry_id: int) -> int:
    entry = AuditEntry.objects.filter(pk=entry_id, action=OrgAudit.PERSON_ROLES).first()
    if entry is None:
        return 0
    before, after = entry.changes["roles"]
    hr = Group.objects.get(name=Role.HR.value).user_set.filter(is_active=True)
    for person in hr:
        send_to_person(
            person,
            subject=lambda: _("Roles changed in Distans: %(name)s") % {"name": entry.object_repr},
            template="org/email/roles_changed.txt",
            context={
                "entry": entry,
                "before": _labels(before),
                "after": _labels(after),
                "url": site_link(reverse("org:person", args=[entry.object_id])),
            },
        )
    return len(hr)
