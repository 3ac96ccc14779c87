"""Password sign-in, which an organisation on single sign-on turns off (SSO_ONLY) for all but one
break-glass administrator account (SSO_BREAK_GLASS_EMAIL)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from distans.core.permissions import person_with_roles


class PasswordBackend(ModelBackend):
    def get_user(self, user_id):
        """The signed-in person with her roles, on every request: read in one query with SQL compiled
        once (`core.rows`), which the ORM's `get` took twice as long to compile as to run."""
        user = person_with_roles(get_user_model(), user_id) if user_id is not None else None
        return user if user is not None and self.user_can_authenticate(user) else None

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        if not settings.SSO_ONLY:
            return True
        return bool(settings.SSO_BREAK_GLASS_EMAIL) and user.email.lower() == settings.SSO_BREAK_GLASS_EMAIL
