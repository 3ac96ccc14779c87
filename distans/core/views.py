import datetime
from email.utils import parseaddr

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.core import home, permissions, services
from distans.core.audit import change_rows, client_address, object_name, referenced_names
from distans.core.forms import AuditFilterForm, LanguageForm, PreferencesForm, TokenForm
from distans.core.models import ApiToken, AuditEntry
from distans.core.profile import profile_links
from distans.core.refusals import refusal_on


@login_required
def my_page(request):
    user = request.user
    today = timezone.localdate()
    context = {
        "today": today,
        "week": today.isocalendar().week,
        "attention": home.attention_for(user),
        "sections": home.sections_for(user),
    }
    return render(request, "core/my_page.html", context)


@require_POST
def language_set(request):
    """The language switcher: saved on the profile when signed in, in a cookie otherwise."""
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return redirect("core:my_page")
    language = form.cleaned_data["language"]
    if request.user.is_authenticated:
        services.person_preferences_set(
            actor=request.user, person=request.user, language=language, time_zone=request.user.time_zone
        )
    target = form.cleaned_data["next"]
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


@login_required
def profile(request):
    user = request.user
    form = PreferencesForm(
        request.POST or None, initial={"language": user.language, "time_zone": user.time_zone}
    )
    if request.method == "POST" and form.is_valid():
        services.person_preferences_set(actor=user, person=user, **form.cleaned_data)
        translation.activate(user.language)  # the confirmation in the language just chosen
        messages.success(request, _("Your preferences are saved."))
        return redirect("core:profile")
    return _profile_page(request, form=form, status=400 if form.errors else 200)


def _profile_page(request, *, form=None, token_form=None, new_key=None, status=200):
    user = request.user
    return render(
        request,
        "core/profile.html",
        {
            "form": form or PreferencesForm(initial={"language": user.language, "time_zone": user.time_zone}),
            "token_form": token_form or TokenForm(),
            "tokens": user.api_tokens.all(),
            "new_key": new_key,
            "roles": [permissions.ROLE_LABELS[role] for role in permissions.roles_of(user)],
            "links": [link for link in profile_links.collect(user=user) if link],
        },
        status=status,
    )


@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST)
    new_key = None
    if form.is_valid():
        with refusal_on(form, field="name"):
            _token, new_key = services.token_create(
                actor=request.user,
                person=request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                ip_address=client_address(request),
            )
    return _profile_page(
        request, token_form=None if new_key else form, new_key=new_key, status=200 if new_key else 400
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, person=request.user)
    services.token_revoke(actor=request.user, token=token, ip_address=client_address(request))
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("core:profile")


@login_required
def audit_log(request):
    permissions.require(permissions.can_view_audit_log(request.user))
    form = AuditFilterForm(request.GET or None)
    entries = AuditEntry.objects.all()  # the actor's name is kept on the entry, as it was then
    if form.is_valid():
        if action := form.cleaned_data["action"]:
            entries = entries.filter(action=action)
        if object_type := form.cleaned_data["object_type"]:
            entries = entries.filter(object_type=object_type)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    names = referenced_names(page)  # what the changes refer to, named in one query per kind
    rows = [(entry, object_name(entry, names), change_rows(entry, names)) for entry in page]
    return render(request, "core/audit_log.html", {"form": form, "page": page, "rows": rows})


# When the accessibility statement was last checked against the product; change it with the statement.
ACCESSIBILITY_REVIEWED = datetime.date(2026, 11, 30)


def accessibility(request):
    """The accessibility statement (EU Web Accessibility Directive 2016/2102), open to everyone, signed in
    or not: those who cannot sign in must be able to read it and report the problem."""
    contact = settings.ACCESSIBILITY_CONTACT_EMAIL or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return render(
        request, "core/accessibility.html", {"contact": contact, "reviewed": ACCESSIBILITY_REVIEWED}
    )
