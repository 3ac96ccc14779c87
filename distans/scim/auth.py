"""A SCIM client signs in with its provisioning token as `Authorization: Bearer …`."""

import functools
from datetime import timedelta

from django.utils import timezone

from distans.core.models import hash_token
from distans.scim.models import ProvisioningToken
from distans.scim.responses import scim_error


def token_from(request) -> ProvisioningToken | None:
    scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not raw.strip():
        return None
    token = ProvisioningToken.objects.filter(
        key_hash=hash_token(raw.strip()), revoked_at__isnull=True
    ).first()
    if token is not None:
        now = timezone.now()
        # Use is recorded at most once a minute: a provider's sync makes thousands of calls.
        if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
            ProvisioningToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def client_required(view):
    """Refuse (401, as SCIM answers) a request without a valid token; give the view the token."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        token = token_from(request)
        if token is None:
            response = scim_error(401, None, "A valid provisioning token is required.")
            response["WWW-Authenticate"] = 'Bearer realm="SCIM"'
            return response
        request.scim_token = token
        return view(request, *args, **kwargs)

    return wrapped
