"""Two-factor sign-in for password accounts: after the password, the session may reach only the pages
that ask for a code (or set up an app) until one is given. The state lives in the session; a session
without a second factor is asked again on each request whether its roles now require one, from the
roles every page loads anyway (`TwoFactorMiddleware`)."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY

from distans.identity.env import OIDC_BACKEND as BACKEND
from distans.identity.otp import login as otp_login
from distans.identity.permissions import has_two_factor, two_factor_required

PENDING = "identity_two_factor"  # "verify": a code is asked for; "enrol": an app must be set up first
VERIFY, ENROL = "verify", "enrol"


def _owed(session, user) -> str | None:
    """What a password session that has given no second factor owes now: a code, an app, or nothing.
    The identity provider does its own second factor."""
    if DEVICE_ID_SESSION_KEY in session or session.get(BACKEND_SESSION_KEY) == BACKEND:
        return None
    if has_two_factor(user):
        return VERIFY
    return ENROL if two_factor_required(user) else None


def ask_at_sign_in(sender, request, user, **kwargs) -> None:
    """At a password sign-in: a code when she has an app, an app when her role requires one."""
    if request is not None and (state := _owed(request.session, user)):
        request.session[PENDING] = state


def pending(request) -> str | None:
    """The step the session still owes. A role that requires two-factor sign-in, gained while signed in
    (made HR), is asked for from the next request on, not at the next sign-in; one taken away while
    an app was still to be set up no longer holds her there."""
    if not request.user.is_authenticated:
        return None
    state = request.session.get(PENDING)
    if state == ENROL or (state is None and two_factor_required(request.user)):
        state = _owed(request.session, request.user)
        if state:
            request.session[PENDING] = state
        else:
            request.session.pop(PENDING, None)
    return state


def passed(request, device) -> None:
    request.session.pop(PENDING, None)
    otp_login(request, device)


class TwoFactorMiddleware:
    """Keeps a session that still owes its second factor on the pages that take it."""

    ALLOWED = ("identity:two_factor", "identity:two_factor_verify", "logout", "core:language")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        state = pending(request)
        if state is None or request.path_info in {reverse(name) for name in self.ALLOWED}:
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            message = _("Finish signing in with your second factor first.")
            return JsonResponse({"code": "two_factor_required", "message": message}, status=403)
        target = reverse("identity:two_factor_verify" if state == VERIFY else "identity:two_factor")
        return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
