"""Rate limits for the API (answered with 429 and Retry-After by django-ninja).

Each token has its own budget, so one busy integration does not stop its owner's others; a session
counts per person, and a caller who is not signed in per address. The rates are read on every call
from `NINJA_DEFAULT_THROTTLE_RATES` (settings, with environment overrides), not once at import.
"""

from django.conf import settings
from ninja.throttling import AnonRateThrottle, AuthRateThrottle, BaseThrottle, SimpleRateThrottle


class _RateFromSettings(SimpleRateThrottle):
    scope: str  # "auth" or "anon", set by the class beside this one

    def allow_request(self, request) -> bool:
        self.rate = settings.NINJA_DEFAULT_THROTTLE_RATES[self.scope]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class CallerThrottle(_RateFromSettings, AuthRateThrottle):
    """Per token, or per person for a session."""

    def get_cache_key(self, request):
        token = getattr(request, "api_token", None)
        if token is not None:
            ident = f"token{token.pk}"
        elif getattr(request, "auth", None) is not None:
            ident = f"person{request.auth.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AnonymousThrottle(_RateFromSettings, AnonRateThrottle):
    """Per address, for the routes open without signing in."""


api_throttle: list[BaseThrottle] = [CallerThrottle(), AnonymousThrottle()]
