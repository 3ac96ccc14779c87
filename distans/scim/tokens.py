"""Provisioning tokens: what an administrator creates for a SCIM client, and revokes. Apart from the SCIM
services, so the admin pages (loaded at start-up) do not load the SCIM resource models."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.core.audit import audit_record
from distans.core.errors import DomainError
from distans.core.models import hash_token
from distans.scim.audit_actions import ScimAudit
from distans.scim.models import ProvisioningToken


def token_create(*, actor, name: str, ip_address=None) -> tuple[ProvisioningToken, str]:
    """A new token for a SCIM client; the raw key is returned once and never stored."""
    name = name.strip()
    if not name:
        raise DomainError("token_name_missing", _("Give the token a name, such as the provider's."))
    if ProvisioningToken.objects.filter(name__iexact=name).exists():
        raise DomainError("token_name_taken", _("A provisioning token already has this name."))
    raw = ProvisioningToken.new_raw_key()
    with transaction.atomic():
        token = ProvisioningToken.objects.create(
            name=name, key_hash=hash_token(raw), hint=raw[:12], created_by=actor
        )
        audit_record(actor=actor, action=ScimAudit.TOKEN_CREATE, obj=token, ip_address=ip_address)
    return token, raw


def token_revoke(*, actor, token: ProvisioningToken, ip_address=None) -> None:
    with transaction.atomic():
        if ProvisioningToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        ):
            audit_record(actor=actor, action=ScimAudit.TOKEN_REVOKE, obj=token, ip_address=ip_address)
