"""Sign-in throttling: per account and address, and per address across accounts."""

from django.test import Client
from django.urls import reverse


def login(client, email, password, address):
    return client.post(reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=address)


def test_one_address_trying_many_accounts_is_locked_out_and_others_still_sign_in(cast, settings):
    """Regression: failures were counted only per account and address, so one address could try every
    account a few times each without ever being stopped."""
    limit = settings.AXES_ADDRESS_FAILURE_LIMIT
    per_account = settings.AXES_FAILURE_LIMIT - 1  # never enough to lock any one account
    guesser = Client()
    accounts = [f"person{number}@example.com" for number in range(limit // per_account + 1)]
    tried = 0
    for email in accounts:
        for _ in range(per_account):
            if tried < limit - 1:
                login(guesser, email, "wrong password", "10.0.0.66")
                tried += 1
    # One short of the address's limit: someone at that address with the right password gets in.
    assert login(Client(), "bjorn@example.com", "correct horse battery", "10.0.0.66").status_code == 302
    login(guesser, "olav@example.com", "wrong password", "10.0.0.66")
    locked = login(Client(), "asa@example.com", "correct horse battery", "10.0.0.66")
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    # Åsa from her own desk, at another address, is not affected.
    response = login(Client(), "asa@example.com", "correct horse battery", "10.0.0.7")
    assert response.status_code == 302 and response["Location"] == "/"
