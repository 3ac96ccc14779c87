"""Writes owned by core: a person's own settings (language and time zone, which every page reads) and
personal API tokens."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.core.audit import audit_record, field_changes
from distans.core.audit_actions import CoreAudit
from distans.core.errors import DomainError
from distans.core.models import ApiToken, hash_token

MAX_ACTIVE_TOKENS = 10


def person_preferences_set(*, actor, person, language: str, time_zone: str):
    before = {"language": person.language, "time_zone": person.time_zone}
    after = {"language": language, "time_zone": time_zone}
    if before == after:
        return person
    with transaction.atomic():
        person.language, person.time_zone = language, time_zone
        person.full_clean(validate_unique=False, validate_constraints=False)
        person.save(update_fields=["language", "time_zone", "updated_at"])
        audit_record(
            actor=actor, action=CoreAudit.PERSON_PREFERENCES, obj=person, changes=field_changes(before, after)
        )
    return person


def token_create(
    *, actor, person, name: str, scope: str = ApiToken.Scope.READ, ip_address=None
) -> tuple[ApiToken, str]:
    """Create a token and return it with the raw key, which is never stored or shown again.

    A token only reads unless it is asked for with `scope=ApiToken.Scope.READ_WRITE`.
    """
    name = name.strip()
    if scope not in ApiToken.Scope.values:
        raise DomainError("invalid_scope", _("Choose read only, or read and write."), field="scope")
    if not name:
        raise DomainError("token_name_required", _("Give the token a name."), field="name")
    with transaction.atomic():
        active = person.api_tokens.select_for_update().filter(revoked_at__isnull=True)
        if active.count() >= MAX_ACTIVE_TOKENS:
            raise DomainError(
                "too_many_tokens",
                _("You already have %(count)s active tokens. Revoke one you no longer use first.")
                % {"count": MAX_ACTIVE_TOKENS},
            )
        raw = ApiToken.new_raw_key()
        token = ApiToken.objects.create(
            person=person, name=name[:100], key_hash=hash_token(raw), hint=raw[:8], scope=scope
        )
        audit_record(
            actor=actor,
            action=CoreAudit.TOKEN_CREATE,
            obj=token,
            changes={"scope": scope},
            ip_address=ip_address,
        )
    return token, raw


def token_revoke(*, actor, token: ApiToken, ip_address=None) -> ApiToken:
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_record(actor=actor, action=CoreAudit.TOKEN_REVOKE, obj=token, ip_address=ip_address)
    return token
