import pytest

from distans.scim import tokens


@pytest.fixture
def client_token(db, cast):
    """A provisioning token created by the cast's administrator, as a SCIM client holds it."""
    token, raw = tokens.token_create(actor=cast["admin"], name="Entra ID")
    return token, raw
