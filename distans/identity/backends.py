"""Password sign-in, which an organisation on single sign-on turns off (SSO_ONLY) for all but one
break-glass administrator account (SSO_BREAK_GLASS_EMAIL)."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        if not settings.SSO_ONLY:
            return True
        return bool(settings.SSO_BREAK_GLASS_EMAIL) and user.email.lower() == settings.SSO_BREAK_GLASS_EMAIL
