"""The sign-in backend for OpenID Connect (settings.AUTHENTICATION_BACKENDS names it when OIDC_ISSUER is set).
Apart from oidc.py because it needs the HTTP and JWT libraries, which Django loads with the backend at the
first sign-in rather than with the pages."""

import logging

import jwt
import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from distans.core.permissions import person_with_roles
from distans.identity import services
from distans.identity.oidc import discovery, oidc_setting, refuse, roles_from_claims
from distans.org.models import Person

logger = logging.getLogger(__name__)

# Clocks differ a little between the provider and Distans.
LEEWAY_SECONDS = 60
# What an answer the provider's sign-in cannot be trusted with raises: a replayed or forged answer, a wrong
# audience, an expired token, a code refused by the provider.
UNVERIFIED = (SuspiciousOperation, requests.RequestException, jwt.PyJWTError, KeyError, ValueError)


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

    def get_user(self, user_id):
        """As the password backend reads her (`backends.PasswordBackend`): with her roles, in one query,
        and refusing a deactivated person's session."""
        user = person_with_roles(self.UserModel, user_id) if user_id is not None else None
        return user if user is not None and user.is_active else None

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
