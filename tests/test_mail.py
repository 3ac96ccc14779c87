"""Notices by e-mail: each recipient in their own language, with a link to the page from reverse(). As a mail
program sees them: a text part and the same words as HTML with working links, marked as sent by a machine,
with a Message-ID and sender in Distans's own domain, and links to the address Distans is served on (under
`make run`, its PORT)."""

import re
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext_noop

from distans.core.mail import notify, site_link
from distans.core.testing import run_due_tasks
from distans.org.tasks import invitation_send

ROOT = Path(__file__).resolve().parent.parent


@override_settings(SITE_URL="https://distans.example.com/")
def test_a_link_is_the_site_address_and_the_reversed_path():
    assert site_link(reverse("agreements:detail", args=[7])) == "https://distans.example.com/agreements/7/"


@override_settings(SITE_URL="https://distans.example.com")
def test_notify_tells_each_person_in_their_language_and_counts_them(cast):
    asa, olav = cast["employee"], cast["skip"]
    asa.language, olav.language = "sv", "en"
    asa.save(), olav.save()
    url = site_link(reverse("equipment:mine"))
    told = notify(
        [asa, olav],
        subject=gettext_noop("Your equipment request is decided"),
        template="equipment/email/notice.txt",
        context={"kind": "lent", "url": url, "loan": None},
    )
    assert told == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address[olav.email].subject == "Your equipment request is decided"
    assert by_address[asa.email].subject != "Your equipment request is decided", "Swedish for Åsa"
    assert all("https://distans.example.com/equipment/" in message.body for message in mail.outbox)


@pytest.mark.django_db
@override_settings(SITE_URL="https://distans.example.org", DEFAULT_FROM_EMAIL="Distans <hr@nordvik.example>")
def test_an_invitation_has_a_text_and_an_html_part_and_says_it_is_automatic(cast):
    person = cast["employee"]
    person.set_unusable_password()
    person.save()
    invitation_send.enqueue(person.pk)
    run_due_tasks()
    [message] = mail.outbox
    assert message.from_email == "Distans <hr@nordvik.example>"
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert re.fullmatch(r"<[^@>]+@nordvik\.example>", message.extra_headers["Message-ID"])
    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    link = re.search(r"https://distans\.example\.org/\S+", message.body).group(0)
    assert f'<a href="{link}"' in html
    first_line = message.body.splitlines()[0]  # the same words in both parts
    assert first_line in html
    sent = message.message()
    assert sent["Auto-Submitted"] == "auto-generated" and sent["Message-ID"].endswith("@nordvik.example>")


def test_make_run_serves_and_links_on_its_port():
    """`PORT=8123 make run`: the server, and the worker whose e-mails carry the links, use that port."""
    plan = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "SITE_URL=${SITE_URL:-http://127.0.0.1:8123}" in plan
    assert "runserver 127.0.0.1:8123" in plan
