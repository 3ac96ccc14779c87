"""E-mail for the organisation: the invitation to choose a password."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_tasks import task

from distans.core.mail import send_to_person, site_link
from distans.org.models import Person
from distans.org.tokens import invitation_days, invitation_tokens


@task()
def invitation_send(person_id: int) -> int:
    """The link is made when the mail is written, so its days count from then."""
    person = Person.objects.filter(pk=person_id, is_active=True).first()
    if person is None or person.has_usable_password():
        return 0  # deactivated, or chose a password since the invitation
    path = reverse("org:invitation", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
        "token": invitation_tokens.make_token(person),
    })
    send_to_person(
        person,
        subject=lambda: _("Welcome to Distans: choose your password"),
        template="org/email/invitation.txt",
        context={"url": site_link(path), "days": invitation_days(),
                 "until": timezone.now() + datetime.timedelta(days=invitation_days())},
    )
    return 1
