"""Single sign-on through a real OpenID Connect provider running locally (oidc-provider-mock)."""

import datetime

import jwt
import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from distans.core.models import AuditEntry
from distans.core.roles import Role
from distans.identity import oidc, oidc_backend
from distans.identity.env import ROLES
from distans.identity.testing import CLIENT_ID, authorize, local, person_at_provider, query, tokens_for
from distans.org.audit_actions import OrgAudit
from distans.org.models import Person
from distans.org.services import person_deactivate

pytestmark = pytest.mark.django_db


def start(client: Client) -> str:
    """Distans sends the browser to the provider: the address it sends it to."""
    response = client.get(reverse("identity:sso_start"))
    assert response.status_code == 302
    return response["Location"]


def sign_in(client: Client, sub: str):
    """The whole round: Distans → the provider's sign-in → back to Distans (and on to a refusal's page)."""
    return back(client, authorize(start(client), sub))


def back(client: Client, answer: str):
    """The provider's answer brought back to Distans; a refusal is shown at an address of its own."""
    response = client.get(local(answer))
    if response.status_code == 302 and "/sso/refused/" in response["Location"]:
        return client.get(response["Location"])
    return response


def signed_in_as(client: Client) -> Person | None:
    pk = client.session.get(SESSION_KEY)
    return Person.objects.get(pk=pk) if pk else None


def test_a_known_person_signs_in_without_a_password(sso, cast):
    person_at_provider(sso, "asa-sub", email="ASA@example.com")
    client = Client()
    first = start(client)
    params = query(first)
    assert params["code_challenge_method"] == "S256" and params["code_challenge"]  # PKCE
    assert params["nonce"] and params["state"]
    response = client.get(local(authorize(first, "asa-sub")))
    assert response.status_code == 302 and response["Location"] == reverse("core:my_page")
    assert signed_in_as(client) == cast["employee"]
    assert client.get(reverse("core:my_page")).status_code == 200


def test_the_person_can_be_named_by_employee_number(sso, cast, settings):
    settings.OIDC_PERSON_CLAIM = "employee_id"
    settings.OIDC_PERSON_FIELD = "employee_number"
    person_at_provider(sso, "olav-sub", email="someone-else@example.com", employee_id="106")
    client = Client()
    sign_in(client, "olav-sub")
    assert signed_in_as(client) == cast["outsider"]


def test_an_unknown_person_is_refused_and_no_account_is_made(sso, cast):
    person_at_provider(sso, "stranger", email="stranger@example.com")
    count = Person.objects.count()
    client = Client()
    response = sign_in(client, "stranger")
    assert response.status_code == 403
    assert "Distans does not know this account" in response.content.decode()
    assert Person.objects.count() == count and signed_in_as(client) is None


def test_refusals_at_one_address_never_lock_out_the_others_signing_in_there(sso, cast, settings):
    """The provider checked who it was; a refusal (unknown, deactivated) is no guessed password. Counted
    as failed sign-ins without an account name, five would lock single sign-on for a whole office."""
    person_at_provider(sso, "stranger", email="stranger@example.com")
    person_at_provider(sso, "asa-sub", email="asa@example.com")
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        assert sign_in(Client(), "stranger").status_code == 403
    colleague = Client()
    sign_in(colleague, "asa-sub")
    assert signed_in_as(colleague) == cast["employee"]


def test_a_deactivated_person_is_refused(sso, cast):
    person_deactivate(actor=cast["hr"], person=cast["employee"])
    person_at_provider(sso, "asa-sub", email="asa@example.com")
    client = Client()
    client.cookies.load({"distans_language": "sv"})
    response = sign_in(client, "asa-sub")
    assert response.status_code == 403
    assert "Din åtkomst till Distans har upphört" in response.content.decode()
    assert signed_in_as(client) is None


def test_a_refusal_can_be_read_again_and_in_another_language(sso, cast):
    """The refusal has an address of its own: reloading it, or switching its language, shows the same
    reason, not "could not be checked" for the provider's answer sent a second time."""
    person_at_provider(sso, "stranger", email="stranger@example.com")
    client = Client()
    answer = client.get(local(authorize(start(client), "stranger")))
    assert answer.status_code == 302
    assert client.get(answer["Location"]).status_code == 403
    client.cookies.load({"distans_language": "sv"})
    again = client.get(answer["Location"])
    assert again.status_code == 403 and "Distans känner inte till det här kontot" in again.content.decode()


def test_a_replayed_answer_is_refused(sso, cast, caplog):
    """The provider's answer used again (its state is spent), or carrying another sign-in's nonce."""
    person_at_provider(sso, "asa-sub", email="asa@example.com")
    client = Client()
    answer = authorize(start(client), "asa-sub")
    assert client.get(local(answer)).status_code == 302
    thief = Client()
    assert back(thief, answer).status_code == 400 and signed_in_as(thief) is None

    # Two sign-ins begun in one browser: the first's code (and nonce) sent back with the second's state.
    victim = Client()
    first = authorize(start(victim), "asa-sub")
    second_state = query(start(victim))["state"]
    response = victim.get(
        reverse("identity:sso_callback"), {"code": query(first)["code"], "state": second_state}, follow=True
    )
    assert response.status_code == 400
    assert "The sign-in could not be checked" in response.content.decode()
    assert signed_in_as(victim) is None
    assert "Nonce verification failed" in caplog.text


def answered_with(monkeypatch, tokens: dict) -> None:
    """The provider's token endpoint answers with these tokens (real ones, issued by the provider)."""
    monkeypatch.setattr(oidc_backend.OIDCBackend, "get_token", lambda self, payload: tokens)


def callback_with(client: Client, monkeypatch, sso, *, client_id=CLIENT_ID, change=None):
    """Distans's sign-in begun, and the provider answering with a token for `client_id`, possibly altered."""
    params = query(start(client))
    tokens = tokens_for(sso, "asa-sub", client_id=client_id, nonce=params["nonce"])
    if change:
        tokens["id_token"] = change(tokens["id_token"])
    answered_with(monkeypatch, tokens)
    return reverse("identity:sso_callback") + f"?code=c&state={params['state']}"


def test_the_unaltered_token_signs_in(sso, cast, monkeypatch):
    """The check the refusals below vary: the same path with the token as issued succeeds."""
    person_at_provider(sso, "asa-sub", email="asa@example.com")
    client = Client()
    assert client.get(callback_with(client, monkeypatch, sso)).status_code == 302
    assert signed_in_as(client) == cast["employee"]


def test_a_token_for_another_application_is_refused(sso, cast, monkeypatch, caplog):
    person_at_provider(sso, "asa-sub", email="asa@example.com")
    client = Client()
    response = client.get(callback_with(client, monkeypatch, sso, client_id="another-app"), follow=True)
    assert response.status_code == 400 and signed_in_as(client) is None
    assert "Audience doesn't match" in caplog.text  # refused for this reason, not another


def test_a_token_with_a_bad_signature_is_refused(sso, cast, monkeypatch, caplog):
    def tamper(token: str) -> str:
        head, body, signature = token.split(".")
        return f"{head}.{body}.{signature[:-6]}AAAAAA"

    person_at_provider(sso, "asa-sub", email="asa@example.com")
    client = Client()
    response = client.get(callback_with(client, monkeypatch, sso, change=tamper), follow=True)
    assert response.status_code == 400 and signed_in_as(client) is None
    assert "Signature verification failed" in caplog.text  # refused for this reason, not another


def test_an_expired_token_is_refused(sso, cast, monkeypatch, caplog):
    person_at_provider(sso, "asa-sub", email="asa@example.com")
    client = Client()
    url = callback_with(client, monkeypatch, sso)
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(hours=2)):
        response = client.get(url, follow=True)
    assert response.status_code == 400 and signed_in_as(client) is None
    assert "Signature has expired" in caplog.text  # refused for this reason, not another


def test_a_token_from_another_issuer_is_refused(sso, cast, monkeypatch, caplog, settings):
    """Signed with the provider's own key, but naming another issuer: Distans knows the provider as
    127.0.0.1 while the token was issued as localhost."""
    settings.OIDC_ISSUER = sso.replace("localhost", "127.0.0.1")
    oidc._discovered.clear()
    person_at_provider(sso, "asa-sub", email="asa@example.com")
    client = Client()
    params = query(start(client))
    tokens = tokens_for(sso, "asa-sub", client_id=CLIENT_ID, nonce=params["nonce"])
    assert jwt.decode(tokens["id_token"], options={"verify_signature": False})["iss"] == sso
    answered_with(monkeypatch, tokens)
    response = client.get(
        reverse("identity:sso_callback"), {"code": "c", "state": params["state"]}, follow=True
    )
    assert response.status_code == 400 and signed_in_as(client) is None
    assert "Invalid issuer" in caplog.text  # refused for this reason, not another


def test_groups_at_the_provider_grant_and_remove_roles(sso, cast, settings):
    settings.OIDC_ROLE_GROUPS = {"hr": frozenset({"hr-team"}), "admin": frozenset({"it-admins"})}
    asa = cast["employee"]
    person_at_provider(sso, "asa-sub", email="asa@example.com", groups=["hr-team", "sales"])
    sign_in(Client(), "asa-sub")
    assert set(asa.groups.values_list("name", flat=True)) == {Role.HR.value}
    entry = AuditEntry.objects.filter(action=OrgAudit.PERSON_ROLES).latest("pk")
    assert entry.changes["roles"] == [[], ["hr"]] and entry.actor is None

    person_at_provider(sso, "asa-sub", email="asa@example.com", groups=["sales"])
    sign_in(Client(), "asa-sub")
    assert not asa.groups.exists()


def test_roles_stay_as_given_in_distans_without_a_group_mapping(sso, cast):
    person_at_provider(sso, "elin-sub", email="elin@example.com", groups=[])
    sign_in(Client(), "elin-sub")
    assert cast["hr"].groups.filter(name=Role.HR.value).exists()


def test_signing_out_ends_the_session_and_the_providers(sso, cast):
    person_at_provider(sso, "asa-sub", email="asa@example.com")
    client = Client(enforce_csrf_checks=True)
    sign_in(client, "asa-sub")
    page = client.get(reverse("core:my_page"))
    assert page.status_code == 200
    response = client.post(reverse("logout"), {"csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 302
    assert response["Location"].startswith(f"{sso}/oauth2/end_session?")
    params = query(response["Location"])
    assert params["post_logout_redirect_uri"] == "http://testserver/login/" and params["id_token_hint"]
    assert signed_in_as(client) is None


def test_the_sign_in_page_offers_the_provider_in_the_persons_language(sso, db):
    client = Client()
    assert "Sign in with Nordvik ID" in client.get(reverse("login")).content.decode()
    client.cookies.load({"distans_language": "nb"})
    assert "Logg inn med Nordvik ID" in client.get(reverse("login")).content.decode()


def test_without_single_sign_on_the_page_is_as_before(db):
    client = Client()
    page = client.get(reverse("login")).content.decode()
    assert "Sign in with" not in page and 'name="password"' in page
    assert client.get(reverse("identity:sso_start")).status_code == 404


def test_sso_only_keeps_passwords_for_the_break_glass_administrator(sso, cast, settings):
    from distans.core.testing import CAST_PASSWORD

    settings.SSO_ONLY = True
    settings.SSO_BREAK_GLASS_EMAIL = "ingrid@example.com"
    client = Client()
    page = client.get(reverse("login")).content.decode()
    assert 'name="password"' not in page and "Sign in with Nordvik ID" in page
    refused = client.post(reverse("login"), {"username": "asa@example.com", "password": CAST_PASSWORD})
    assert refused.status_code == 200 and signed_in_as(client) is None
    assert 'name="password"' in client.get(reverse("login") + "?password=1").content.decode()
    client.post(reverse("login"), {"username": "ingrid@example.com", "password": CAST_PASSWORD})
    assert signed_in_as(client) == cast["admin"]


def test_a_provider_that_cannot_be_reached_gets_a_clear_page(settings, db):
    settings.OIDC_ISSUER = "http://127.0.0.1:9"  # nothing listens there
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    oidc._discovered.clear()
    response = Client().get(reverse("identity:sso_start"), follow=True)
    assert response.status_code == 503 and "cannot be reached" in response.content.decode()


def test_passwords_still_work_while_the_provider_is_down(settings, cast):
    from distans.core.testing import CAST_PASSWORD

    settings.OIDC_ISSUER = "http://127.0.0.1:9"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, oidc.BACKEND]
    oidc._discovered.clear()
    client = Client()
    response = client.post(reverse("login"), {"username": "asa@example.com", "password": CAST_PASSWORD})
    assert response.status_code == 302 and signed_in_as(client) == cast["employee"]


def test_the_roles_groups_may_grant_are_distans_roles():
    assert set(ROLES) == set(Role.values)
