"""Two-factor sign-in for password accounts: enrolment, the code after the password, recovery codes,
the role requirement and an administrator's reset. Writes go through forms with their CSRF token."""

import datetime
import re
from base64 import b32encode

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from distans.core.models import AuditEntry
from distans.core.roles import Role
from distans.core.testing import CAST_PASSWORD
from distans.identity import services
from distans.identity.audit_actions import IdentityAudit
from distans.identity.otp import TOTPDevice, totp

pytestmark = pytest.mark.django_db
KEY = re.compile(r'<code class="two-factor-key">([A-Z2-7 ]+)</code>')
CODES = re.compile(r"<li><code>([a-z2-7]{8})</code></li>")


def browser() -> Client:
    return Client(enforce_csrf_checks=True)


def post(client: Client, url: str, data: dict | None = None):
    """A form posted as the browser does, with the CSRF token of the page it came from."""
    for page in ("login", "password_change"):  # the sign-in page, or a signed-in one with a form
        if "csrftoken" not in client.cookies:
            client.get(reverse(page))
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def password_sign_in(client: Client, email: str):
    return post(client, reverse("login"), {"username": email, "password": CAST_PASSWORD})


def code_now(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enrol(client: Client, person) -> list[str]:
    """Ask to set up an app, scan (read the key from the page), type the app's code: the recovery codes
    shown once."""
    started = post(client, reverse("identity:two_factor"), {"start": "1"})
    assert started.status_code == 302
    page = client.get(started["Location"]).content.decode()
    assert 'src="data:image/svg+xml' in page  # the QR code, allowed by the CSP's img-src
    device = TOTPDevice.objects.get(user=person, confirmed=False)
    assert KEY.findall(page)[0].replace(" ", "") == b32encode(device.bin_key).decode()
    response = post(client, reverse("identity:two_factor"), {"code": code_now(device)})
    assert response.status_code == 200
    return CODES.findall(response.content.decode())


def signed_in(client: Client) -> bool:
    return client.get(reverse("core:my_page")).status_code == 200


def test_enrolment_then_the_password_alone_is_not_enough(cast):
    asa = cast["employee"]
    client = browser()
    password_sign_in(client, asa.email)
    not_started = post(client, reverse("identity:two_factor"), {"code": "000000"})
    assert not_started.status_code == 400 and "Set up an authenticator app" in not_started.content.decode()
    post(client, reverse("identity:two_factor"), {"start": "1"})
    wrong = post(client, reverse("identity:two_factor"), {"code": "000000"})
    assert wrong.status_code == 400 and "That code does not match" in wrong.content.decode()
    with time_machine.travel(datetime.timedelta(seconds=5)):  # a wrong code makes the next wait a moment
        codes = enrol(client, asa)
    assert len(codes) == 10
    assert AuditEntry.objects.filter(action=IdentityAudit.TWO_FACTOR_ON, object_id=str(asa.pk)).exists()

    again = browser()
    response = password_sign_in(again, asa.email)
    assert response["Location"] == reverse("core:my_page")
    page = again.get(reverse("core:my_page"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("identity:two_factor_verify"))
    api = again.get("/api/v1/me")
    assert api.status_code == 403 and api.json()["code"] == "two_factor_required"
    # Another device's secret may not be set up before the code is given.
    assert again.get(reverse("identity:two_factor")).status_code == 302

    device = TOTPDevice.objects.get(user=asa, confirmed=True)
    bad = post(again, reverse("identity:two_factor_verify"), {"code": "123456"})
    assert bad.status_code == 400 and "That code does not work" in bad.content.decode()
    too_soon = post(again, reverse("identity:two_factor_verify"), {"code": code_now(device)})
    # The wait is told as it is: a second after one wrong code (each wrong code doubles it).
    assert too_soon.status_code == 400 and "Wait 1 second, then try again" in too_soon.content.decode()
    # Half a minute on: a wait after the wrong code, and a new code (each is taken once).
    with time_machine.travel(datetime.timedelta(seconds=35)):
        ok = post(
            again, reverse("identity:two_factor_verify") + "?next=/profile/", {"code": code_now(device)}
        )
    assert ok.status_code == 302 and ok["Location"] == "/profile/"
    assert signed_in(again)


def test_a_recovery_code_signs_in_once(cast):
    asa = cast["employee"]
    codes = enrol_directly(asa)
    for expected in (302, 400):
        client = browser()
        password_sign_in(client, asa.email)
        response = post(client, reverse("identity:two_factor_verify"), {"code": codes[0].upper()})
        assert response.status_code == expected
    assert not signed_in(client)


def enrol_directly(person) -> list[str]:
    device = services.app_device_start(person=person)
    return services.app_device_confirm(actor=person, token=code_now(device))[1]


def test_hr_must_set_up_an_app_before_signing_in(cast, settings):
    settings.TWO_FACTOR_REQUIRED = True
    client = browser()
    password_sign_in(client, cast["hr"].email)
    page = client.get(reverse("core:my_page"))
    assert page["Location"].startswith(reverse("identity:two_factor"))
    text = client.get(reverse("identity:two_factor")).content.decode()
    assert "Your role requires two-factor sign-in" in text
    codes = enrol(client, cast["hr"])
    assert signed_in(client)
    off = post(client, reverse("identity:two_factor_off"), {"code": codes[0]})
    assert off.status_code == 403 and TOTPDevice.objects.filter(user=cast["hr"]).exists()
    assert "Your role requires two-factor sign-in, so it cannot be turned off." in off.content.decode()
    assert not AuditEntry.objects.filter(action=IdentityAudit.TWO_FACTOR_OFF).exists()


def test_others_may_sign_in_with_a_password_alone_and_turn_it_off(cast, settings):
    settings.TWO_FACTOR_REQUIRED = True
    client = browser()
    password_sign_in(client, cast["employee"].email)
    assert signed_in(client)
    codes = enrol(client, cast["employee"])
    off = post(client, reverse("identity:two_factor_off"), {"code": codes[0]})
    assert off.status_code == 302
    assert not TOTPDevice.objects.filter(user=cast["employee"]).exists()


def test_the_requirement_is_off_for_the_demo_and_tests(cast, settings):
    assert settings.TWO_FACTOR_REQUIRED is False
    client = browser()
    password_sign_in(client, cast["hr"].email)
    assert signed_in(client)


def test_new_recovery_codes_replace_the_old(cast):
    asa = cast["employee"]
    old = enrol_directly(asa)
    client = browser()
    password_sign_in(client, asa.email)
    post(client, reverse("identity:two_factor_verify"), {"code": old[0]})
    response = post(client, reverse("identity:recovery_codes_new"), {"code": old[1]})
    new = CODES.findall(response.content.decode())
    assert len(new) == 10 and not set(old) & set(new)


def test_a_session_left_open_cannot_change_how_she_signs_in(cast):
    """New recovery codes or an app on a new phone, like turning it off, need a code from the app or a
    recovery code: someone at an unlocked computer cannot put their own phone in her place."""
    asa = cast["employee"]
    codes = enrol_directly(asa)
    client = browser()
    password_sign_in(client, asa.email)
    post(client, reverse("identity:two_factor_verify"), {"code": codes[0]})
    for url, data in (
        (reverse("identity:recovery_codes_new"), {"code": ""}),
        (reverse("identity:recovery_codes_new"), {"code": "wrong-code"}),
        (reverse("identity:two_factor") + "?new=1", {"start": "1", "code": "wrong-code"}),
    ):
        refused = post(client, url, data)
        assert refused.status_code == 400 and 'id="off-code-error"' in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=asa, confirmed=False).exists()
    assert AuditEntry.objects.filter(action=IdentityAudit.RECOVERY_CODES).count() == 0
    with time_machine.travel(datetime.timedelta(minutes=5)):  # past the wait the wrong codes earned
        started = post(client, reverse("identity:two_factor") + "?new=1", {"start": "1", "code": codes[1]})
    assert started.status_code == 302
    assert TOTPDevice.objects.filter(user=asa, confirmed=False).exists()


def test_an_administrator_resets_a_lost_phone(cast):
    asa, admin = cast["employee"], cast["admin"]
    enrol_directly(asa)
    url = reverse("identity:two_factor_reset", args=[asa.pk])
    person_page = browser()
    person_page.force_login(admin)
    assert url in person_page.get(reverse("org:person", args=[asa.pk])).content.decode()

    manager = browser()
    manager.force_login(cast["manager"])
    assert post(manager, url).status_code == 403
    assert TOTPDevice.objects.filter(user=asa).exists()

    assert post(person_page, url).status_code == 302
    assert not TOTPDevice.objects.filter(user=asa).exists()
    assert AuditEntry.objects.filter(action=IdentityAudit.TWO_FACTOR_RESET, actor=admin).exists()
    client = browser()
    password_sign_in(client, asa.email)
    assert signed_in(client)


def test_single_sign_on_asks_no_second_code(sso, cast):
    from distans.identity.testing import authorize, local, person_at_provider

    enrol_directly(cast["employee"])
    person_at_provider(sso, "asa-sub", email="asa@example.com")
    client = Client()
    start = client.get(reverse("identity:sso_start"))["Location"]
    client.get(local(authorize(start, "asa-sub")))
    assert client.session.get(SESSION_KEY) == str(cast["employee"].pk)
    assert signed_in(client)


def test_turning_it_off_asks_for_a_code_and_a_wrong_one_changes_nothing(cast):
    """An open session alone may not switch it off: the refusal is on the page, in her language."""
    asa = cast["employee"]
    asa.language = "sv"
    asa.save(update_fields=["language"])
    codes = enrol_directly(asa)
    client = browser()
    password_sign_in(client, asa.email)
    post(client, reverse("identity:two_factor_verify"), {"code": codes[0]})
    url = reverse("identity:two_factor_off")
    for code in ("", "123456", codes[0]):  # none, wrong, a recovery code already used
        refused = post(client, url, {"code": code})
        assert refused.status_code == 400
        page = refused.content.decode()
        assert 'id="off-code-error" role="alert"' in page
        assert TOTPDevice.objects.filter(user=asa, confirmed=True).exists()
    assert "Koden fungerar inte" in page
    assert not AuditEntry.objects.filter(action=IdentityAudit.TWO_FACTOR_OFF).exists()
    with time_machine.travel(datetime.timedelta(minutes=2)):  # the wait after wrong codes
        off = post(client, url, {"code": codes[1]})
    assert off.status_code == 302
    assert not TOTPDevice.objects.filter(user=asa).exists()
    assert AuditEntry.objects.filter(action=IdentityAudit.TWO_FACTOR_OFF, actor=asa).exists()


def has_menu(response) -> bool:
    return 'id="main-menu"' in response.content.decode()


def test_the_second_step_shows_no_menu_only_the_languages_and_sign_out(cast, settings):
    enrol_directly(cast["employee"])
    client = browser()
    password_sign_in(client, cast["employee"].email)
    verify = client.get(reverse("identity:two_factor_verify"))
    page = verify.content.decode()
    assert verify.status_code == 200 and not has_menu(verify)
    assert 'class="brand"' in page and 'class="langform"' in page and 'action="/logout/"' in page
    assert reverse("core:profile") not in page  # the profile would only send them back here

    settings.TWO_FACTOR_REQUIRED = True
    hr = browser()
    password_sign_in(hr, cast["hr"].email)
    enrolment = hr.get(reverse("identity:two_factor"))
    assert "Your role requires two-factor sign-in" in enrolment.content.decode()
    assert not has_menu(enrolment)
    enrol(hr, cast["hr"])
    assert has_menu(hr.get(reverse("identity:two_factor")))  # signed in: the page among the others


def test_a_role_gained_while_signed_in_asks_for_the_second_factor_at_the_next_request(cast, settings):
    settings.TWO_FACTOR_REQUIRED = True
    asa = cast["employee"]
    client = browser()
    password_sign_in(client, asa.email)
    assert signed_in(client)
    asa.groups.add(Group.objects.get(name=Role.HR))  # made HR by an administrator meanwhile
    page = client.get(reverse("core:my_page"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("identity:two_factor"))
    assert client.get("/api/v1/me").json()["code"] == "two_factor_required"
    asa.groups.clear()  # and no longer: nothing is owed
    assert signed_in(client)


def test_a_role_gained_after_the_second_factor_was_given_asks_nothing_more(cast, settings):
    settings.TWO_FACTOR_REQUIRED = True
    asa = cast["employee"]
    codes = enrol_directly(asa)
    client = browser()
    password_sign_in(client, asa.email)
    post(client, reverse("identity:two_factor_verify"), {"code": codes[0]})
    asa.groups.add(Group.objects.get(name=Role.HR))
    assert signed_in(client)


def test_opening_the_pages_writes_no_device(cast):
    """A secret is made when she asks to set up an app (a POST), never by opening a page."""
    asa = cast["employee"]
    client = browser()
    password_sign_in(client, asa.email)
    with CaptureQueriesContext(connection) as queries:
        for _twice in range(2):
            assert client.get(reverse("identity:two_factor")).status_code == 200
            assert client.get(reverse("identity:two_factor") + "?new=1").status_code == 200
    assert not TOTPDevice.objects.filter(user=asa).exists()
    assert not [q["sql"] for q in queries if "otp_" in q["sql"] and not q["sql"].startswith("SELECT")]
    enrol_directly(asa)
    client.get(reverse("identity:two_factor") + "?new=1")  # on: a new phone is set up only when asked
    assert TOTPDevice.objects.filter(user=asa).count() == 1


def test_the_profile_leads_to_two_factor_sign_in(cast):
    """Two-factor sign-in is found from one's profile, not only by typing its address."""
    cast["employee"].language = "sv"
    cast["employee"].save()
    client = browser()
    password_sign_in(client, cast["employee"].email)
    page = client.get(reverse("core:profile")).content.decode()
    assert f'<a href="{reverse("identity:two_factor")}">Tvåstegsinloggning</a>' in page


def test_the_page_never_looks_switched_off_while_two_factor_is_on(cast):
    """Reloading the recovery codes (the confirming form sent again) or opening ?new=1 by hand shows the
    page as it is, on, not a set-up that would make her think it is off."""
    asa = cast["employee"]
    client = browser()
    client.force_login(asa)
    enrol(client, asa)
    device = TOTPDevice.objects.get(user=asa, confirmed=True)
    sent_again = post(client, reverse("identity:two_factor") + "?new=1", {"code": code_now(device)})
    assert sent_again.status_code == 302 and sent_again["Location"] == reverse("identity:two_factor")
    for url in (sent_again["Location"], reverse("identity:two_factor") + "?new=1"):
        page = client.get(url).content.decode()
        assert "Two-factor sign-in is on" in page and "Set up an authenticator app" not in page
    refused = post(client, reverse("identity:two_factor_off"), {"code": ""})
    assert "Type a code from your authenticator app or one of your recovery" in refused.content.decode()


def test_a_change_address_opened_by_hand_shows_the_two_factor_page(cast):
    """A bookmark or a pasted address of a change leads to the page, not the browser's bare 405."""
    client = browser()
    client.force_login(cast["employee"])
    for name in ("identity:recovery_codes_new", "identity:two_factor_off"):
        response = client.get(reverse(name))
        page = response.content.decode()
        assert response.status_code == 405 and "Nothing was changed" in page
        assert f'href="{reverse("identity:two_factor")}">Back to the page</a>' in page


def test_the_first_code_is_asked_for_without_mentioning_recovery_codes(cast):
    client = browser()
    client.force_login(cast["employee"])
    post(client, reverse("identity:two_factor"), {"start": "1"})
    page = post(client, reverse("identity:two_factor") + "?new=1", {"code": ""}).content.decode()
    assert 'id="code-error" role="alert">Type the six-digit code the app shows</p>' in page
