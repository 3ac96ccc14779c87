import pytest

from distans.scim import services


@pytest.fixture
def client_token(db, cast):
    """A provisioning token created by the cast's administrator, as a SCIM client holds it."""
    token, raw = services.token_create(actor=cast["admin"], name="Entra ID")
    return token, raw
