"""Personal tokens as integrations use them: no session, no CSRF, a scope, a rate limit."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from distans.core.models import ApiToken
from distans.core.services import token_create

WRITE = ApiToken.Scope.READ_WRITE


def next_monday() -> str:
    today = timezone.localdate()
    return (today + datetime.timedelta(days=7 - today.weekday())).isoformat()


def put_day(client, person, **headers):
    url = reverse("api:plan_day", args=[person.pk, next_monday()])
    return client.put(url, json.dumps({"kind": "office"}), content_type="application/json", **headers)


def bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_read_and_write_token_writes_without_csrf(cast):
    """Regression: the session check ran first and refused every token write with "CSRF check Failed"."""
    asa = cast["employee"]
    _token, raw = token_create(actor=asa, person=asa, name="Calendar sync", scope=WRITE)
    client = Client(enforce_csrf_checks=True)
    response = put_day(client, asa, **bearer(raw))
    assert response.status_code == 200, response.content
    assert response.json()["kind"] == "office"
    evaluated = client.post(
        reverse("api:request_evaluate"),
        json.dumps({"days_per_week": "1", "start_date": next_monday()}),
        content_type="application/json",
        **bearer(raw),
    )
    assert evaluated.status_code == 200, evaluated.content


def test_a_session_write_still_needs_the_csrf_token(cast):
    asa = cast["employee"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(asa)
    refused = put_day(client, asa)
    assert refused.status_code == 403
    client.get(reverse("core:profile"))  # sets the CSRF cookie, as the browser's first page does
    accepted = put_day(client, asa, HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert accepted.status_code == 200 and accepted.json()["kind"] == "office"


def test_a_read_only_token_reads_but_any_write_is_refused_in_the_owners_language(cast):
    olav = cast["outsider"]
    olav.language = "nb"
    olav.save()
    _token, raw = token_create(actor=olav, person=olav, name="Rapport")
    client = Client(enforce_csrf_checks=True)
    assert client.get("/api/v1/me", **bearer(raw)).json()["email"] == "olav@example.com"
    response = put_day(client, olav, **bearer(raw))
    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "token_read_only"
    assert "kan bare lese" in body["message"]
    created = client.post(
        reverse("api:requests"),
        json.dumps({"days_per_week": "1", "start_date": next_monday()}),
        content_type="application/json",
        **bearer(raw),
    )
    assert created.status_code == 403 and created.json()["code"] == "token_read_only"
    assert not olav.remote_requests.exists()


def test_new_tokens_read_only_unless_asked_on_the_page_and_in_the_command(client, cast, capsys):
    client.force_login(cast["employee"])
    page = client.get(reverse("core:profile")).content.decode()
    assert 'value="read" selected' in page and "Read and write" in page
    assert "Authorization: Bearer &lt;token&gt;" in page  # the placeholder shows, not an HTML tag
    client.post(reverse("core:token_create"), {"name": "Phone", "scope": "read"})
    client.post(reverse("core:token_create"), {"name": "Payroll", "scope": "read_write"})
    assert ApiToken.objects.get(name="Phone").scope == "read"
    assert ApiToken.objects.get(name="Payroll").scope == "read_write"
    assert "Read and write" in client.get(reverse("core:profile")).content.decode()
    refused = client.post(reverse("core:token_create"), {"name": "Odd", "scope": "admin"})
    assert refused.status_code == 400 and not ApiToken.objects.filter(name="Odd").exists()

    call_command("create_token", "asa@example.com", "--name", "Reader")
    call_command("create_token", "asa@example.com", "--name", "Writer", "--scope", "read_write")
    capsys.readouterr()
    assert ApiToken.objects.get(name="Reader").scope == "read"
    assert ApiToken.objects.get(name="Writer").scope == "read_write"


@pytest.fixture
def low_rate(settings):
    settings.NINJA_DEFAULT_THROTTLE_RATES = {"auth": "3/min", "anon": "3/min"}
    cache.clear()
    yield
    cache.clear()


def test_too_many_calls_answer_429_with_retry_after(cast, low_rate):
    asa = cast["employee"]
    _token, raw = token_create(actor=asa, person=asa, name="Busy script")
    _other, other_raw = token_create(actor=asa, person=asa, name="Quiet script")
    client = Client()
    assert [client.get("/api/v1/me", **bearer(raw)).status_code for _ in range(3)] == [200] * 3
    throttled = client.get("/api/v1/me", **bearer(raw))
    assert throttled.status_code == 429
    assert 0 < int(throttled["Retry-After"]) <= 60
    assert throttled.json() == {
        "code": "throttled",
        "message": "Too many requests. Wait as many seconds as Retry-After says, then try again.",
    }
    # Each token has its own budget.
    assert client.get("/api/v1/me", **bearer(other_raw)).status_code == 200


def test_a_write_without_session_or_token_is_told_to_sign_in(cast):
    response = put_day(Client(enforce_csrf_checks=True), cast["employee"])
    assert response.status_code == 401 and response.json()["code"] == "unauthenticated"
