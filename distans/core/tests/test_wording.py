"""Words a reader would stumble on: the sign-in pause says what is paused, Danish calls a decision on a
request one name throughout, Norwegian duty shortfalls read as Norwegian."""

from pathlib import Path

import polib
import pytest
from django.test import Client
from django.urls import reverse

LOCALE = Path(__file__).resolve().parents[3] / "locale"


def catalogue(language):
    entries = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    return [entry for entry in entries if not entry.obsolete]


def text(entry):
    return " ".join([entry.msgstr, *entry.msgstr_plural.values()])


@pytest.mark.parametrize(
    ("language", "paused", "not_said"),
    [
        ("en", "signing in to this account from here is paused", "your address"),
        ("sv", "inloggning på det här kontot härifrån pausad", "din adress"),
        ("nb", "innlogging på denne kontoen herfra satt på pause", "adressen din"),
        ("da", "login på denne konto herfra sat på pause", "din adresse"),
    ],
)
def test_the_pause_names_the_account_and_the_place_not_an_address(cast, settings, language, paused, not_said):
    """The pause is per account and address (AXES_LOCKOUT_PARAMETERS); "from your address" read as the
    e-mail address and hid that the account is still open from elsewhere."""
    guesser = Client()
    guesser.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        page = guesser.post(
            reverse("login"), {"username": "asa@example.com", "password": "wrong"}, REMOTE_ADDR="10.0.0.66"
        )
    assert page.status_code == 429
    assert paused in page.content.decode() and not_said not in page.content.decode()


@pytest.mark.parametrize(("language", "decision"), [("da", "afgør"), ("nb", "avgjør")])
def test_a_decision_on_a_request_has_one_name(language, decision):
    """Danish and Norwegian mixed "beslutning" with "afgørelse"/"avgjørelse" for the same decision."""
    words = {entry.msgid: text(entry).lower() for entry in catalogue(language)}
    mixed = {msgid: said for msgid, said in words.items() if "decision" in msgid.lower()}
    assert {msgid: said for msgid, said in mixed.items() if "beslut" in said or decision not in said} == {}


def test_norwegian_duty_shortfalls_read_as_norwegian():
    awkward = [text(entry) for entry in catalogue("nb") if "jobber i vaktens tid" in text(entry)]
    assert awkward == []
