import math

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone


def login_username(request, credentials) -> str | None:
    """The account a sign-in attempt is for, as django-axes counts failures per account."""
    name = (credentials or {}).get("username") or request.POST.get("username")
    return name.strip().lower() if name else None


class AddressLimitHandler(AxesDatabaseHandler):
    """Axes counts failures per (account, address); this also stops one address trying many accounts.

    Axes has one failure limit for all its lockout parameters, so the address's own, higher limit
    (`AXES_ADDRESS_FAILURE_LIMIT`, failures within the cool-off across every account) is checked here.
    """

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self.address_locked(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        # A failure without an account name is a single sign-on refused after the provider checked the
        # person (unknown, deactivated): nothing was guessed, and counted under "no name" a few of them
        # would lock single sign-on for everyone at the address.
        if request is not None and login_username(request, credentials) is None:
            return
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and self.address_locked(request):
            request.axes_locked_out = True  # AxesMiddleware answers with the lockout page

    def address_locked(self, request) -> bool:
        return self.address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT

    @staticmethod
    def address_failures(request) -> int:
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return 0
        recent = AccessAttempt.objects.filter(
            ip_address=address, attempt_time__gte=get_cool_off_threshold(request)
        )
        return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0


def _recent(request, username: str | None):
    """Failures from this address within the cool-off: the account's own, or all of them (the address's
    limit) when no account was named."""
    attempts = AccessAttempt.objects.filter(
        ip_address=getattr(request, "axes_ip_address", None),
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return attempts.filter(username=username) if username else attempts


def tries_left(request, username: str | None) -> int:
    """Wrong passwords this account may still type from this address before signing in is paused."""
    failures = _recent(request, username).aggregate(total=Sum("failures_since_start"))["total"] or 0
    return max(0, settings.AXES_FAILURE_LIMIT - failures)


def lockout_page(request, original_response=None, credentials=None):
    """Axes's lockout page, with the time really left: the pause runs from the last wrong password
    (tries while paused do not restart it, `AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT`)."""
    username = login_username(request, credentials)
    attempts = _recent(request, username)
    if username and not attempts.exists():  # paused by the address's limit, not this account's
        attempts = _recent(request, None)
    return _paused(request, attempts)


def paused_page(request):
    """The lockout page again on a GET (`?paused` after the language was switched on it), while a pause
    from this address lasts: an account's, or the address's own; else None."""
    ensure_address(request)
    recent = _recent(request, None)
    locked = recent.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    if locked.exists():
        return _paused(request, locked)
    return (
        _paused(request, recent)
        if AddressLimitHandler.address_failures(request) >= (settings.AXES_ADDRESS_FAILURE_LIMIT)
        else None
    )


def _paused(request, attempts):
    last = attempts.aggregate(last=Max("attempt_time"))["last"] or timezone.now()
    left = (last + get_cool_off(request) - timezone.now()).total_seconds()
    minutes = max(1, math.ceil(left / 60))
    # The language switched on this page comes back to it, not to a plain sign-in form.
    context = {"minutes": minutes, "language_next": f"{reverse('login')}?paused=1"}
    return render(request, "registration/locked_out.html", context, status=429)


def ensure_address(request) -> None:
    """The client's address as axes reads it, for a request axes has not seen (a GET of the form)."""
    AxesProxyHandler.update_request(request)
