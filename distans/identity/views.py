"""The sign-in and sign-out pages, single sign-on's start and return, and two-factor sign-in."""

import logging
from base64 import b32encode
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from distans.core import throttling
from distans.core.audit import client_address
from distans.core.errors import DomainError, NotAllowed
from distans.identity import oidc, permissions, queries, services, two_factor
from distans.identity.forms import CodeForm, SetUpCodeForm, SignInForm
from distans.org.permissions import get_person_for_user

logger = logging.getLogger(__name__)

# Why single sign-on let nobody in: (heading, explanation, status).
REFUSALS = {
    "unknown": (
        gettext_lazy("Distans does not know this account"),
        gettext_lazy(
            "You signed in at %(provider)s, but nobody in Distans matches that account. Distans does not "
            "create accounts by itself: ask HR to add you, or to check your e-mail address."
        ),
        403,
    ),
    "inactive": (
        gettext_lazy("Your access to Distans has ended"),
        gettext_lazy("Your account in Distans is deactivated. If you think this is a mistake, contact HR."),
        403,
    ),
    "unverified": (
        gettext_lazy("The sign-in could not be checked"),
        gettext_lazy(
            "Distans could not confirm the answer from %(provider)s, so you are not signed in. Start again "
            "from the sign-in page; if it keeps happening, tell your administrator."
        ),
        400,
    ),
    "unavailable": (
        gettext_lazy("The sign-in service cannot be reached"),
        gettext_lazy(
            "%(provider)s does not answer Distans at the moment. Please try again in a few minutes."
        ),
        503,
    ),
}


def refused(request, code: str):
    """Why single sign-on let nobody in, at an address of its own: the provider's answer in the callback's
    address is spent, so reloading the page or changing its language must not send it again."""
    return HttpResponseRedirect(reverse("identity:sso_refused", args=[code]))


def sso_refused(request, code: str):
    if code not in REFUSALS or not oidc.enabled():
        raise Http404
    heading, text, status = REFUSALS[code]
    context = {"heading": heading, "text": text % {"provider": oidc.provider_name()}}
    return render(request, "identity/refused.html", context, status=status)


def _safe_next(request, target: str | None) -> str:
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


class SignInView(auth_views.LoginView):
    """The password form, and "Sign in with <provider>" when single sign-on is on. With SSO_ONLY the
    password form is there only for the break-glass administrator (?password=1)."""

    redirect_authenticated_user = True
    authentication_form = SignInForm

    def get(self, request, *args, **kwargs):
        if "paused" in request.GET and (paused := throttling.paused_page(request)) is not None:
            return paused
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        password_shown = (
            not settings.SSO_ONLY or self.request.GET.get("password") == "1" or self.request.method == "POST"
        )
        context.update(
            sso=oidc.enabled(),
            provider=oidc.provider_name(),
            sso_url=f"{reverse('identity:sso_start')}?{urlencode({'next': context.get('next') or ''})}",
            password_shown=password_shown,
            sso_only=settings.SSO_ONLY,
        )
        return context


class SignOutView(auth_views.LogoutView):
    """Ends the Distans session and, where the provider supports it, the provider's (RP-initiated logout)."""

    def post(self, request, *args, **kwargs):
        id_token = request.session.get("oidc_id_token")
        response = super().post(request, *args, **kwargs)
        if not (id_token and oidc.enabled()):
            return response
        try:
            end_session = oidc.discovery().get("end_session_endpoint")
        except oidc.ProviderUnavailable:
            return response
        if not end_session:
            return response
        query = {
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
        }
        return HttpResponseRedirect(f"{end_session}?{urlencode(query)}")


class SSOStartView(OIDCAuthenticationRequestView):
    get_settings = staticmethod(oidc.oidc_setting)

    def __init__(self, **kwargs):
        # The library reads the provider's endpoint here; Distans reads it when asked (see get).
        View.__init__(self, **kwargs)

    def get(self, request):
        if not oidc.enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = oidc.oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except oidc.ProviderUnavailable as exc:
            logger.warning("SSO: %s", exc)
            return refused(request, "unavailable")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)

    def get_extra_params(self, request):
        return {"ui_locales": get_language()}


class SSOCallbackView(OIDCAuthenticationCallbackView):
    get_settings = staticmethod(oidc.oidc_setting)

    def get(self, request):
        if not oidc.enabled():
            raise Http404
        # The sign-in below loads the backend anyway; importing it here keeps it off start-up.
        from distans.identity.oidc_backend import UNVERIFIED

        try:
            return super().get(request)
        except oidc.ProviderUnavailable as exc:
            logger.warning("SSO: %s", exc)
            return refused(request, "unavailable")
        except UNVERIFIED as exc:
            logger.warning("SSO sign-in refused: %s", exc)
            return refused(request, "unverified")

    def login_failure(self):
        return refused(self.request, getattr(self.request, "identity_refusal", "unverified"))


def _signing_in(request) -> dict:
    """While a code is still owed, the page shows no menu (its pages would send her straight back): the
    header keeps the product's name, the languages and signing out."""
    return {"nav_groups": [], "signing_in": True} if two_factor.pending(request) else {}


def _again(request, **query) -> str:
    """This page's address with `query` added (keeping `next`)."""
    return f"{request.path}?{urlencode({**request.GET.dict(), **query})}"


@login_required
def two_factor_page(request):
    """Set up an authenticator app (QR code and key), or, once on: new recovery codes, a new phone, off.
    A secret is made only when she asks to set up an app (a POST): opening the page writes nothing."""
    if two_factor.pending(request) == two_factor.VERIFY:
        return redirect("identity:two_factor_verify")
    if request.method == "POST" and "start" in request.POST:
        change_form = CodeForm(request.POST)
        try:
            services.app_device_start(person=request.user, code=request.POST.get("code", ""))
        except DomainError as exc:
            if not change_form.errors:  # an empty code is said as such
                change_form.add_error("code", exc.message)
            return _two_factor_render(request, off_form=change_form, status=400)
        return redirect(_again(request, new=1))
    if request.method == "POST" and permissions.has_two_factor(request.user):
        if queries.app_device_unconfirmed(request.user) is None:
            # The recovery codes' page sent again (a reload): its code is spent and nothing is being set up.
            return redirect("identity:two_factor")
    form = SetUpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.app_device_confirm(
                actor=request.user, token=form.cleaned_data["code"], ip_address=client_address(request)
            )
        except DomainError as exc:
            form.add_error("code", exc.message)
        else:
            two_factor.passed(request, device)
            return _codes_page(request, codes, next_url=_safe_next(request, request.GET.get("next")))
    return _two_factor_render(request, form=form, status=400 if form.errors else 200)


def _two_factor_render(request, *, form=None, off_form=None, status=200):
    user = request.user
    is_on = permissions.has_two_factor(user)
    # A refused change (`off_form` bound) shows the card it was asked from, with its error.
    asked_new = request.GET.get("new") == "1" and not (off_form is not None and off_form.is_bound)
    asked = not is_on or asked_new or (form is not None and form.is_bound)
    device = queries.app_device_unconfirmed(user) if asked else None
    context = {
        "is_on": is_on,
        # While on, the set-up shows only once a new phone was asked for with a code (?new=1 alone is not).
        "setting_up": not is_on or device is not None,
        "required": permissions.two_factor_required(user),
        "enrolling": two_factor.pending(request) == two_factor.ENROL,
        "form": form or CodeForm(),
        "off_form": off_form or CodeForm(),
        "device": device,
        **_signing_in(request),
    }
    if device is not None:
        import segno  # only this page draws a QR code, so it loads here rather than at start-up

        context["qr"] = segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)
        key = b32encode(device.bin_key).decode()
        context["key"] = " ".join(key[i : i + 4] for i in range(0, len(key), 4))
    return render(request, "identity/two_factor.html", context, status=status)


def _codes_page(request, codes: list[str], *, next_url: str):
    return render(request, "identity/recovery_codes.html", {"codes": codes, "next_url": next_url})


@login_required
def two_factor_verify(request):
    """The second step of a password sign-in: a code from the app, or a recovery code."""
    if two_factor.pending(request) != two_factor.VERIFY:
        return redirect(_safe_next(request, request.GET.get("next")))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.code_verify(person=request.user, code=form.cleaned_data["code"])
        except DomainError as exc:
            form.add_error("code", exc.message)
        else:
            two_factor.passed(request, device)
            return redirect(_safe_next(request, request.GET.get("next")))
    context = {"form": form, **_signing_in(request)}
    return render(request, "identity/two_factor_verify.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def recovery_codes_new(request):
    """New recovery codes, with a code from the app or a recovery code (the form that turns it off)."""
    if not permissions.has_two_factor(request.user):
        messages.error(request, _("Turn on two-factor sign-in first."))
        return redirect("identity:two_factor")
    form = CodeForm(request.POST)
    try:
        codes = services.recovery_codes_new(
            actor=request.user, code=request.POST.get("code", ""), ip_address=client_address(request)
        )
    except DomainError as exc:
        if not form.errors:
            form.add_error("code", exc.message)
        return _two_factor_render(request, off_form=form, status=400)
    return _codes_page(request, codes, next_url=reverse("identity:two_factor"))


@login_required
@require_POST
def two_factor_off(request):
    """Off with a code from the app or a recovery code; refused where her role requires it."""
    form = CodeForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            services.two_factor_off(
                actor=request.user, code=form.cleaned_data["code"], ip_address=client_address(request)
            )
        except DomainError as exc:
            form.add_error("code", exc.message)
            status = 403 if isinstance(exc, NotAllowed) else 400
        else:
            messages.success(request, _("Two-factor sign-in is off."))
            return redirect("identity:two_factor")
    return _two_factor_render(request, off_form=form, status=status)


@login_required
def two_factor_reset(request, pk: int):
    """An administrator resets someone's two-factor sign-in (asked to confirm first)."""
    person = get_person_for_user(request.user, pk)
    if not permissions.can_reset_two_factor(request.user, person):
        raise PermissionDenied
    if request.method == "POST":
        services.two_factor_reset(actor=request.user, person=person, ip_address=client_address(request))
        messages.success(request, _("Two-factor sign-in is reset for %(name)s.") % {"name": person.full_name})
        return redirect("org:person", pk=person.pk)
    return render(
        request,
        "identity/two_factor_reset.html",
        {"person": person, "is_on": permissions.has_two_factor(person)},
    )
