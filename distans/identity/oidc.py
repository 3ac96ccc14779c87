"""Single sign-on with OpenID Connect, through mozilla-django-oidc (authorization code flow with PKCE).

The library runs the flow (state, nonce, PKCE, the code exchange, the signature against the provider's
keys); this module adds what it leaves out or Distans needs: the endpoints from the provider's discovery
document, the issuer, audience and expiry checks on the ID token, finding the person (never creating
one), refusing a deactivated person, and the roles the provider's groups grant. Off unless OIDC_ISSUER
is set; docs/sso.md says how to set it up.
"""

import logging
import time

import jwt
import requests
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from distans.identity import services
from distans.identity.env import OIDC_BACKEND
from distans.org.models import Person

logger = logging.getLogger(__name__)

BACKEND = OIDC_BACKEND
# The provider's keys and endpoints change rarely; read again after an hour.
DISCOVERY_SECONDS = 3600
# Clocks differ a little between the provider and Distans.
LEEWAY_SECONDS = 60
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


class OIDCBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        # Django makes every backend for every sign-in, passwords too: the provider is asked only when
        # its endpoints are needed, so a provider that is down never stops a password sign-in.
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.UserModel = Person

    OIDC_OP_TOKEN_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_TOKEN_ENDPOINT"))
    OIDC_OP_USER_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_USER_ENDPOINT"))
    OIDC_OP_JWKS_ENDPOINT = property(lambda self: oidc_setting("OIDC_OP_JWKS_ENDPOINT"))
    # Refuses a deactivated person's session, as the password backend does.
    get_user = ModelBackend.get_user

    def retrieve_matching_jwk(self, token):
        """The provider's signing key named by the token's key id; the only one when the token names none."""
        header = jwt.get_unverified_header(token)
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        keys = [
            key
            for key in response.json().get("keys", [])
            if key.get("use", "sig") == "sig"
            and key.get("alg", header.get("alg")) == header.get("alg")
            and ("kid" not in header or key.get("kid") == header["kid"])
        ]
        if len(keys) != 1:
            raise SuspiciousOperation(f"{len(keys)} of the provider's keys match the ID token")
        return jwt.PyJWK(keys[0])

    def _verify_jws(self, payload, key):
        """The signature with the provider's algorithm only, then issuer, audience and expiry."""
        try:
            algorithm = jwt.get_unverified_header(payload).get("alg")
            if algorithm != self.OIDC_RP_SIGN_ALGO:
                raise SuspiciousOperation(f"ID token signed with {algorithm!r}")
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=discovery()["issuer"],
                leeway=LEEWAY_SECONDS,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.PyJWTError as exc:
            raise SuspiciousOperation(f"ID token refused: {exc}") from exc

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims; the userinfo endpoint only when they lack the claim naming the person."""
        if settings.OIDC_PERSON_CLAIM in payload:
            return payload
        userinfo = super().get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("userinfo is about someone else")
        return {**userinfo, **payload}

    def filter_users_by_claims(self, claims):
        value = claims.get(settings.OIDC_PERSON_CLAIM)
        if not isinstance(value, str) or not value.strip():
            return Person.objects.none()
        if settings.OIDC_PERSON_FIELD == "employee_number":
            return Person.objects.filter(employee_number=value.strip())
        return Person.objects.filter(email__iexact=value.strip())

    def get_or_create_user(self, access_token, id_token, payload):
        """The one person the claims name, never a new one; roles follow the provider's groups."""
        claims = self.get_userinfo(access_token, id_token, payload)
        people = list(self.filter_users_by_claims(claims)[:2])
        if len(people) != 1:
            logger.warning(
                "SSO: no single person for %s=%r",
                settings.OIDC_PERSON_CLAIM,
                claims.get(settings.OIDC_PERSON_CLAIM),
            )
            return refuse(self.request, "unknown")
        person = people[0]
        if not person.is_active:
            return refuse(self.request, "inactive")
        granted = roles_from_claims(claims)
        if granted is not None:
            services.roles_from_provider(
                person=person, roles=granted, ip_address=self.request.META.get("REMOTE_ADDR")
            )
        return person


def roles_from_claims(claims: dict) -> set[str] | None:
    """The roles the provider's groups grant; None when no group grants any (roles are kept in Distans)."""
    mapping = settings.OIDC_ROLE_GROUPS
    if not mapping:
        return None
    groups = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    names = {str(group) for group in ([groups] if isinstance(groups, str) else groups)}
    return {role for role, granting in mapping.items() if granting & names}
