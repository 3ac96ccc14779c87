"""E-mail to a person, in their language and time zone, through Django's configured backend."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext


def site_link(path: str) -> str:
    """The full address of a page for an e-mail: `site_link(reverse("app:page", args=[pk]))`."""
    return settings.SITE_URL.rstrip("/") + path


def send_to_person(person, *, subject, template: str, context: dict) -> None:
    """`subject` is a callable so that it is translated in the recipient's language."""
    if not person.email or not person.is_active:
        return
    with (
        translation.override(person.language or settings.LANGUAGE_CODE),
        timezone.override(person.time_zone or settings.TIME_ZONE),
    ):
        body = render_to_string(template, {"person": person, **context})
        send_mail(str(subject()), body, None, [person.email])


def notify(people, *, subject: str, template: str, context: dict) -> int:
    """The same notice to each of `people`, each in their own language. `subject` is marked with
    gettext_noop where it is defined and translated here for each recipient. Answers how many were told."""
    for person in people:
        send_to_person(person, subject=lambda: gettext(subject), template=template, context=context)
    return len(people)
