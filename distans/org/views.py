from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetConfirmView
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from distans.core.audit import client_address
from distans.core.errors import Conflict
from distans.core.htmx import is_htmx
from distans.core.permissions import require
from distans.core.refusals import refusal_message, refusal_on
from distans.org import hooks, importing, invitations, person_picker, queries, services
from distans.org.forms import DeactivateForm, DirectorySearchForm, ImportForm, InviteForm
from distans.org.models import Person
from distans.org.permissions import (
    can_change_person,
    can_import_org,
    can_invite_people,
    can_list_leavers,
    can_view_person_details,
    get_person_for_user,
    get_unit_for_user,
)
from distans.org.tokens import invitation_days, invitation_tokens

PAGE_SIZE = 50


@login_required
def directory(request):
    form = DirectorySearchForm(request.GET or None, leavers=can_list_leavers(request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    people = queries.directory(
        query=filters.get("q", ""),
        unit_id=filters["unit"].pk if filters.get("unit") else None,
        site_id=filters["site"].pk if filters.get("site") else None,
        left=bool(filters.get("left")),  # the form has no such field for those who may not
    )
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "org/directory.html#results" if is_htmx(request) else "org/directory.html"
    return render(
        request, template, {"form": form, "page": page, "can_invite": can_invite_people(request.user)}
    )


@login_required
def person_search(request):
    """Suggestions for a person picker (htmx): only people the user may pick for the purpose."""
    people = person_picker.choices_for(request.GET.get("purpose", ""), request.user)
    query = (request.GET.get(request.GET.get("field") or "q") or "").strip()[: person_picker.MAX_TEXT]
    found = [
        {
            "pk": person.pk,
            "label": person_picker.label(person),
            "full_name": person.full_name,
            "unit": person.unit.name if person.unit else "",
            "email": person.email,
            "has_left": not person.is_active,
        }
        for person in (person_picker.search(people, query) if query else [])
    ]
    return render(request, "org/_person_options.html", {"found": found, "query": query})


@login_required
def person_detail(request, pk: int):
    person = get_person_for_user(request.user, pk)
    details = can_view_person_details(request.user, person)
    return render(
        request,
        "org/person_detail.html",
        {
            "person": person,
            "left_at": None if person.is_active else queries.left_at(person),
            "details": details,
            "sections": [
                section
                for section in hooks.person_page_sections.collect(user=request.user, person=person)
                if section
            ],
            "reports": queries.reports_of(person) if details else [],
            "can_change": can_change_person(request.user, person),
            "links": [link for link in hooks.person_links.collect(user=request.user, person=person) if link],
            "can_invite": can_invite_people(request.user),
            "invitable": invitations.can_be_invited(person),
            "has_password": person.has_usable_password(),
            "invitation_days": invitation_days(),
        },
    )


@login_required
@require_POST
def person_invite(request, pk: int):
    person = get_person_for_user(request.user, pk)
    require(can_invite_people(request.user))
    _invite(request, [person.pk])
    return redirect("org:person", pk=person.pk)


@login_required
@require_POST
def people_invite(request):
    """A selection from the people list or the import result."""
    require(can_invite_people(request.user))
    form = InviteForm(request.POST)
    if form.is_valid():
        _invite(request, [person.pk for person in form.cleaned_data["people"]])
    else:
        messages.error(request, " ".join(form.errors.get("people", [])) or _("Tick the people to invite."))
    return redirect("org:import" if request.POST.get("next") == "import" else "org:directory")


def _invite(request, person_ids: list[int]) -> None:
    sent = invitations.person_invite(
        actor=request.user, person_ids=person_ids, ip_address=client_address(request)
    )
    if sent:
        messages.success(
            request,
            ngettext(
                "An invitation to choose a password is on its way to %(count)s person. The link works for "
                "%(days)s days.",
                "Invitations to choose a password are on their way to %(count)s people. The link works "
                "for %(days)s days.",
                sent,
            )
            % {"count": sent, "days": invitation_days()},
        )
    if skipped := len(person_ids) - sent:
        messages.warning(
            request,
            ngettext(
                "%(count)s person was not invited: deactivated, or already has a password (which they "
                "can reset on the sign-in page).",
                "%(count)s people were not invited: deactivated, or they already have a password (which "
                "they can reset on the sign-in page).",
                skipped,
            )
            % {"count": skipped},
        )


class InvitationAcceptView(PasswordResetConfirmView):
    """The link in an invitation: a welcome, and the person's first password."""

    token_generator = invitation_tokens
    template_name = "registration/invitation_confirm.html"
    success_url = reverse_lazy("login")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def get_form(self, form_class=None):
        # A valid link names the person: from here on the page speaks their language, as the
        # invitation did.
        if self.validlink:
            translation.activate(self.user.language)
        return super().get_form(form_class)

    def form_valid(self, form):
        messages.success(
            self.request, _("Your password is saved: sign in with your e-mail address and your new password.")
        )
        response = super().form_valid(form)
        # So that the sign-in page speaks it too.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            self.user.language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response


def _managed_elsewhere(person: Person) -> None:
    if system := queries.managed_by(person):
        raise Conflict(
            "managed_elsewhere",
            _("%(name)s is kept up to date by %(system)s: deactivate or reactivate them there.")
            % {"name": person, "system": system},
        )


@login_required
def person_deactivate(request, pk: int):
    """Deactivating, first step: what will happen, and a box to tick (it posts to `person_set_active`)."""
    person = get_person_for_user(request.user, pk, for_write=True)
    if not person.is_active:
        return redirect("org:person", pk=person.pk)
    return _deactivate_page(request, person, DeactivateForm())


def _deactivate_page(request, person: Person, form: DeactivateForm, status: int = 200):
    return render(request, "org/person_deactivate.html", {"person": person, "form": form}, status=status)


@login_required
@require_POST
def person_set_active(request, pk: int):
    person = get_person_for_user(request.user, pk, for_write=True)
    if request.POST.get("active") == "1":
        with refusal_message(request):
            _managed_elsewhere(person)
            services.person_reactivate(actor=request.user, person=person, ip_address=client_address(request))
            messages.success(request, _("%(name)s can sign in again.") % {"name": person})
        return redirect("org:person", pk=person.pk)
    # Deactivating ends much at once: only once confirmed, and a refusal is shown on the confirmation page.
    form = DeactivateForm(request.POST)
    with refusal_on(form) as refusal:
        _managed_elsewhere(person)
        if form.is_valid():
            services.person_deactivate(actor=request.user, person=person, ip_address=client_address(request))
            messages.success(
                request,
                _("%(name)s is deactivated: signed out everywhere, and API tokens revoked.")
                % {"name": person},
            )
            return redirect("org:person", pk=person.pk)
    return _deactivate_page(request, person, form, status=refusal.status if refusal else 400)


@login_required
def unit_list(request):
    return render(request, "org/unit_list.html", {"tree": queries.unit_tree()})


@login_required
def unit_detail(request, pk: int):
    unit = get_unit_for_user(request.user, pk)
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "path": queries.unit_path(unit),
            "children": queries.units_with_counts().filter(parent=unit),
            "members": queries.directory(unit_id=unit.pk),
        },
    )


@login_required
def site_list(request):
    sites = [
        (site, [link for link in hooks.site_links.collect(user=request.user, site=site) if link])
        for site in queries.sites_with_counts()
    ]
    links = [link for link in hooks.site_list_links.collect(user=request.user) if link]
    return render(request, "org/site_list.html", {"sites": sites, "links": links})


@login_required
def import_upload(request):
    require(can_import_org(request.user))
    form = ImportForm(request.POST or None, request.FILES or None)
    problems, summary = [], None
    if request.method == "POST" and form.is_valid():
        try:
            summary = services.org_import(
                actor=request.user,
                data=form.cleaned_data["file"].read(),
                dry_run=form.cleaned_data["dry_run"],
                ip_address=client_address(request),
            )
        except importing.ImportRejected as rejected:
            problems = rejected.problems
    status = 400 if problems or form.errors else 200
    return render(
        request,
        "org/import.html",
        {
            "form": form,
            "problems": problems,
            "summary": summary,
            "dry_run": summary is not None and form.cleaned_data["dry_run"],
            "can_invite": can_invite_people(request.user),
            "required_columns": importing.REQUIRED_COLUMNS,
            "optional_columns": importing.OPTIONAL_COLUMNS,
        },
        status=status,
    )
