"""Notices by e-mail: each recipient in their own language, with a link to the page from reverse()."""

from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext_noop

from distans.core.mail import notify, site_link


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
