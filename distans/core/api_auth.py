"""API authentication: the browser session, or a personal token as `Authorization: Bearer …`."""

from datetime import timedelta

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth

from distans.core.errors import NotAllowed
from distans.core.models import ApiToken, hash_token

READING = {"GET", "HEAD", "OPTIONS"}


class BearerToken(HttpBearer):
    def authenticate(self, request, token: str):
        found = (
            ApiToken.objects.select_related("person")
            .filter(key_hash=hash_token(token), revoked_at__isnull=True, person__is_active=True)
            .first()
        )
        if found is None:
            return None
        now = timezone.now()
        # Record use at most once a minute, so busy integrations do not write on every call.
        if found.last_used_at is None or now - found.last_used_at > timedelta(minutes=1):
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.person
        request.api_token = found
        translation.activate(found.person.language)
        if request.method not in READING and not found.can_write:
            raise NotAllowed(
                "token_read_only",
                _("This token can only read. Create a token with read and write access to make changes."),
            )
        return found.person


class SignedInSession(SessionAuth):
    """The browser session, CSRF checked. Without a signed-in session there is nothing to check: the
    caller is told to sign in (401), not that a CSRF token is missing."""

    def __call__(self, request):
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


# A leaver's session stops by itself: Django's ModelBackend no longer loads an inactive user.
# The token comes first: ninja's session auth checks CSRF before it looks for a session, and refuses a
# token client's POST (which has no CSRF cookie, and needs none) when it is tried first.
api_auth = [BearerToken(), SignedInSession()]
