"""Two-factor sign-in for password accounts: after the password, the session may reach only the pages
that ask for a code (or set up an app) until one is given. The state lives in the session, so the
check costs no query per request (`TwoFactorMiddleware`)."""

from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from distans.core.errors import DomainError
from distans.identity.otp import StaticDevice, TOTPDevice
from distans.identity.otp import login as otp_login
from distans.identity.permissions import has_two_factor, two_factor_required
from distans.identity.services import WAIT

PENDING = "identity_two_factor"  # "verify": a code is asked for; "enrol": an app must be set up first
VERIFY, ENROL = "verify", "enrol"


def ask_at_sign_in(sender, request, user, **kwargs) -> None:
    """On every sign-in except through the identity provider, which does its own second factor."""
    from distans.identity.oidc import BACKEND

    if request is None or getattr(user, "backend", "") == BACKEND:
        return
    if has_two_factor(user):
        request.session[PENDING] = VERIFY
    elif two_factor_required(user):
        request.session[PENDING] = ENROL


def pending(request) -> str | None:
    return request.session.get(PENDING) if request.user.is_authenticated else None


def passed(request, device) -> None:
    request.session.pop(PENDING, None)
    otp_login(request, device)


def code_verify(user, code: str) -> TOTPDevice | StaticDevice:
    """Six digits are the app's code; anything else a recovery code (used once). Each wrong code makes
    the next wait longer (django-otp's throttling)."""
    code = "".join(code.split()).lower()
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in kind.objects.filter(user=user, confirmed=True):
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            raise DomainError("two_factor_wait", str(WAIT))
        if device.verify_token(code):
            return device
    raise DomainError(
        "two_factor_wrong_code",
        _("That code does not work. Type the six digits your app shows now, or an unused recovery code."),
    )


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
