"""In a real browser, on the demo: signing in through the local OpenID Connect provider, and HR's
two-factor sign-in (required, as in production) from enrolment to a recovery code."""

import re
from base64 import b32decode

import pytest
from playwright.sync_api import expect

from distans.identity.otp import totp
from distans.identity.testing import person_at_provider
from distans.org.demo import DEMO_PASSWORD, demo_load

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_signing_in_through_the_provider_and_with_a_password_and_a_second_factor(
    page, live_server, sso, settings
):
    """One demo for both (it takes a while to build): Åsa through the provider, then Elin of HR with her
    password, where two-factor sign-in is required as in production."""
    demo_load(people=60, seed=1)
    person_at_provider(sso, "asa-at-nordvik", email="asa.oberg@nordvik.example")
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Sign in with Nordvik ID").click()
    page.locator("input[name=sub]").fill("asa-at-nordvik")  # the provider's own sign-in page
    page.get_by_role("button", name="Authorize").click()
    expect(page.get_by_role("heading", name="My page")).to_be_visible()
    expect(page.get_by_role("link", name="Åsa Öberg")).to_be_visible()

    page.get_by_role("button", name="Menu").click()  # a phone: sign-out is in the menu
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="End session").click()  # the provider ends its session too
    expect(page.get_by_role("heading", name="Sign in to Distans")).to_be_visible()

    settings.TWO_FACTOR_REQUIRED = True

    def password_sign_in():
        page.goto(live_server.url + "/")
        page.get_by_label("E-mail").fill("elin.sjoberg@nordvik.example")
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()

    password_sign_in()
    expect(page.get_by_text("Your role requires two-factor sign-in.")).to_be_visible()
    # Until the second factor is given, the header has no menu: the name, the languages, signing out.
    expect(page.get_by_role("button", name="Menu")).to_have_count(0)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.get_by_role("button", name="Set up an authenticator app").click()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    key = b32decode(page.locator(".two-factor-key").inner_text().replace(" ", ""))
    page.get_by_label("Type the six-digit code the app shows").fill(f"{totp(key):06d}")  # as the app shows it
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.locator(".recovery-codes code")).to_have_count(10)  # the next page has come
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", code) for code in codes)
    page.get_by_role("link", name="I have saved them: continue").click()
    expect(page.get_by_role("heading", name="My page")).to_be_visible()

    page.context.clear_cookies()  # another day, another browser
    password_sign_in()
    expect(page.get_by_role("heading", name="Two-factor sign-in")).to_be_visible()
    page.goto(live_server.url + "/agreements/")  # the password alone opens nothing
    expect(page.get_by_role("heading", name="Two-factor sign-in")).to_be_visible()
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/agreements/$"))
