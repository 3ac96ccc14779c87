import pytest
from oidc_provider_mock import run_server_in_thread

from distans.identity import oidc
from distans.identity.env import csp_allowing_provider
from distans.identity.testing import CLIENT_ID, CLIENT_SECRET


@pytest.fixture(scope="session")
def provider():
    """A real OpenID Connect provider on a free port: its issuer address."""
    with run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso(provider, settings):
    """Single sign-on switched on against the local provider, as the environment variables would."""
    settings.OIDC_ISSUER = provider
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_PROVIDER_NAME = "Nordvik ID"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, oidc.BACKEND]
    settings.CONTENT_SECURITY_POLICY = csp_allowing_provider(settings.CONTENT_SECURITY_POLICY, provider)
    oidc._discovered.clear()
    yield provider
    oidc._discovered.clear()
