"""Single sign-on with OpenID Connect, through mozilla-django-oidc (authorization code flow with PKCE).

The library runs the flow (state, nonce, PKCE, the code exchange, the signature against the provider's
keys); Distans adds what it leaves out or needs otherwise: here the endpoints from the provider's discovery
document and the roles the provider's groups grant; in the sign-in backend (oidc_backend.py) the issuer,
audience and expiry checks on the ID token, finding the person (never creating one) and refusing a
deactivated person. The backend is apart so that the pages load without its HTTP and JWT libraries. Off
unless OIDC_ISSUER is set; docs/sso.md says how to set it up.
"""

import time

from django.conf import settings
from django.utils.translation import gettext
from mozilla_django_oidc.utils import import_from_settings

from distans.identity.env import OIDC_BACKEND

BACKEND = OIDC_BACKEND
# The provider's keys and endpoints change rarely; read again after an hour.
DISCOVERY_SECONDS = 3600
_discovered: dict[str, tuple[float, dict]] = {}
_ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be read, or names another issuer."""


def enabled() -> bool:
    return bool(settings.OIDC_ISSUER)


def provider_name() -> str:
    return settings.OIDC_PROVIDER_NAME or gettext("your organisation's account")


def discovery() -> dict:
    issuer = settings.OIDC_ISSUER
    cached = _discovered.get(issuer)
    if cached and time.monotonic() - cached[0] < DISCOVERY_SECONDS:
        return cached[1]
    import requests  # here, not at the top: 0.08 s at every start-up for what only single sign-on uses

    try:
        response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=10)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise ProviderUnavailable(f"discovery at {issuer} failed: {exc}") from exc
    if not isinstance(document, dict) or str(document.get("issuer", "")).rstrip("/") != issuer:
        raise ProviderUnavailable(f"the discovery document at {issuer} names another issuer")
    _discovered[issuer] = (time.monotonic(), document)
    return document


def oidc_setting(attr: str, *default):
    """The library's settings, with the provider's endpoints read from its discovery document."""
    if attr in _ENDPOINTS:
        return discovery()[_ENDPOINTS[attr]]
    return import_from_settings(attr, *default)


def refuse(request, code: str) -> None:
    """Tell the callback view why nobody was signed in (see views.REFUSALS)."""
    request.identity_refusal = code


def roles_from_claims(claims: dict) -> set[str] | None:
    """The roles the provider's groups grant; None when no group grants any (roles are kept in Distans)."""
    mapping = settings.OIDC_ROLE_GROUPS
    if not mapping:
        return None
    groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    names = {str(group) for group in ([groups] if isinstance(groups, str) else groups)}
    return {role for role, granting in mapping.items() if granting & names}
