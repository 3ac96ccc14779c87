"""The token in an invitation's link: its own salt and lifetime, not the password reset's.

Like a reset link it dies once a password is set, because the token hashes the stored password, and
once the person is invited again.
"""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


def invitation_days() -> int:
    return settings.INVITATION_DAYS


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "distans.org.tokens.InvitationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        # A new invitation replaces the one before: its link stops working.
        return f"{super()._make_hash_value(user, timestamp)}{user.invited_at}"

    def check_token(self, user, token):
        """Django's check, with the invitation's lifetime in place of PASSWORD_RESET_TIMEOUT."""
        if not (user and token):
            return False
        try:
            stamp, _ = token.split("-")
            timestamp = base36_to_int(stamp)
        except ValueError:
            return False
        if self._num_seconds(self._now()) - timestamp > invitation_days() * 24 * 60 * 60:
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_tokens = InvitationTokenGenerator()
