import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from distans.core.models import AuditEntry

ROOT = Path(__file__).resolve().parents[3]


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    unset = {"DISTANS_TESTING", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        DEBUG="0",
        SECRET_KEY="x" * 20 + "production-like-secret-key-1234567890",
        ALLOWED_HOSTS="distans.example.org",
        VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DISTANS_TESTING", "SECRET_KEY"}}
    env.update(DEBUG="0", VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def login(client, email, password, address):
    return client.post(reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=address)


def test_guessing_locks_the_account_from_that_address_only(cast, settings):
    guesser, colleague = Client(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(guesser, "asa@example.com", "wrong password", "10.0.0.66")
    locked = login(guesser, "asa@example.com", "correct horse battery", "10.0.0.66")
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert "Try again in 15 minutes" in locked.content.decode()
    # Åsa herself, at her own desk, still gets in: the guesser cannot lock her out.
    response = login(colleague, "asa@example.com", "correct horse battery", "10.0.0.7")
    assert response.status_code == 302 and response["Location"] == "/"


def test_switching_the_language_on_the_pause_keeps_saying_it_is_paused(cast, settings):
    guesser = Client(enforce_csrf_checks=True)

    def token(page) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
        assert found, "the page has a form with its token"
        return found.group(1)

    form = guesser.get(reverse("login"), REMOTE_ADDR="10.0.0.66")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        locked = guesser.post(
            reverse("login"),
            {"csrfmiddlewaretoken": token(form), "username": "asa@example.com", "password": "wrong password"},
            REMOTE_ADDR="10.0.0.66",
        )
    assert locked.status_code == 429
    back = re.search(r'<input type="hidden" name="next" value="([^"]+)"', locked.content.decode())
    assert back, "the language form says where to come back to"
    switched = guesser.post(
        reverse("core:language"),
        {"csrfmiddlewaretoken": token(locked), "language": "sv", "next": back.group(1)},
    )
    again = guesser.get(switched["Location"], REMOTE_ADDR="10.0.0.66")
    assert again.status_code == 429 and "För många försök" in again.content.decode()
    # From another address the same link is the plain form: nothing is paused there.
    elsewhere = Client().get(switched["Location"], REMOTE_ADDR="10.0.0.7")
    assert elsewhere.status_code == 200 and 'name="password"' in elsewhere.content.decode()


def test_wrong_password_says_so_without_telling_which_part(client, cast):
    response = login(client, "asa@example.com", "nope", "10.0.0.8")
    assert response.status_code == 200
    assert "The e-mail address or the password is not right." in response.content.decode()


def test_the_last_tries_before_the_pause_are_announced_and_the_pause_counts_down(cast, settings):
    """Two tries before the pause the form says so; the pause runs from the last wrong password, and a try
    while paused (even the right password) does not start it again."""
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 3):
        assert "is paused" not in login(client, "asa@example.com", "wrong", "10.0.0.9").content.decode()
    warned = login(client, "asa@example.com", "wrong", "10.0.0.9").content.decode()
    assert "After 2 more wrong passwords, signing in here is paused for 15 minutes." in warned
    login(client, "asa@example.com", "wrong", "10.0.0.9")
    login(client, "asa@example.com", "wrong", "10.0.0.9")
    later = timezone.now() + datetime.timedelta(minutes=6)
    with time_machine.travel(later, tick=False):
        locked = login(client, "asa@example.com", "correct horse battery", "10.0.0.9")
        assert locked.status_code == 429 and "Try again in 9 minutes" in locked.content.decode()
    with time_machine.travel(later + datetime.timedelta(minutes=9, seconds=1), tick=False):
        assert login(client, "asa@example.com", "correct horse battery", "10.0.0.9").status_code == 302


def test_pages_carry_a_content_security_policy_and_no_inline_script(client, cast):
    client.force_login(cast["employee"])
    response = client.get(reverse("core:my_page"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "<script>" not in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"


def test_forms_need_the_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["employee"])
    assert client.post(reverse("core:language"), {"language": "sv"}).status_code == 403


def test_audit_log_is_append_only_and_records_changes(client, cast):
    client.force_login(cast["employee"])
    client.post(reverse("core:language"), {"language": "nb"}, REMOTE_ADDR="192.0.2.10")
    entry = AuditEntry.objects.get(action="person.preferences")
    assert entry.actor == cast["employee"] and entry.changes["language"] == ["en", "nb"]
    with pytest.raises(TypeError):
        AuditEntry.objects.all().delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.update(action="x")
    client.force_login(cast["hr"])
    assert "Personal settings changed" in client.get(reverse("core:audit_log")).content.decode()


def test_password_reset_mail_goes_out_in_the_recipients_language(client, cast, mailoutbox):
    cast["outsider"].language = "nb"
    cast["outsider"].save()
    client.post(reverse("password_reset"), {"email": "olav@example.com"})
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert "passord" in message.body.lower() and message.extra_headers["Auto-Submitted"] == "auto-generated"
    html, kind = message.alternatives[0]
    assert kind == "text/html" and 'lang="nb"' in html and "/password-reset/" in html


@pytest.mark.parametrize("path", ["/plans/people/{id}/days/", "/plans/team/{id}/", "/agreements/{id}/"])
def test_an_id_beyond_64_bits_in_a_page_address_is_not_found(client, cast, path):
    client.force_login(cast["hr"])
    assert client.get(path.format(id=2**70)).status_code == 404
