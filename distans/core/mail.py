"""E-mail to a person, in their language and time zone, through Django's configured backend.

Every message has a text part and an HTML part drawn from the same template (the HTML one is the text
in paragraphs with its links made clickable, so the two never say different things), says it was sent
by a machine (`Auto-Submitted: auto-generated`, RFC 3834, so out-of-office replies stay away), and
carries a Message-ID in the sender's own domain, from DEFAULT_FROM_EMAIL."""

from email.utils import make_msgid, parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext


def site_link(path: str) -> str:
    """The full address of a page for an e-mail: `site_link(reverse("app:page", args=[pk]))`. SITE_URL is
    the address people reach Distans at (`make run` sets it from PORT)."""
    return settings.SITE_URL.rstrip("/") + path


def sender_domain() -> str:
    """The domain of DEFAULT_FROM_EMAIL, or else of SITE_URL."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or urlsplit(settings.SITE_URL).hostname or "localhost"


def automatic_message(subject: str, text: str, to: list[str]) -> EmailMultiAlternatives:
    """A message Distans sends by itself: the text, the same as HTML, and the headers that say so."""
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        to,
        headers={
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "All",  # Exchange's word for the same
            "Message-ID": make_msgid(domain=sender_domain()),
        },
    )
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    html = render_to_string(
        "core/email/message.html",
        {"subject": subject, "paragraphs": paragraphs, "language": translation.get_language()},
    )
    message.attach_alternative(html, "text/html")
    return message


def send_to_person(person, *, subject, template: str, context: dict) -> None:
    """`subject` is a callable so that it is translated in the recipient's language."""
    if not person.email or not person.is_active:
        return
    with (
        translation.override(person.language or settings.LANGUAGE_CODE),
        timezone.override(person.time_zone or settings.TIME_ZONE),
    ):
        text = render_to_string(template, {"person": person, **context})
        automatic_message(str(subject()), text, [person.email]).send()


def notify(people, *, subject: str, template: str, context: dict) -> int:
    """The same notice to each of `people`, each in their own language. `subject` is marked with
    gettext_noop where it is defined and translated here for each recipient. Answers how many were told."""
    for person in people:
        send_to_person(person, subject=lambda: gettext(subject), template=template, context=context)
    return len(people)
