from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.checklists.permissions import can_view_checklists_of
from distans.core.audit import client_address
from distans.core.errors import DomainError
from distans.core.htmx import is_htmx
from distans.core.permissions import require
from distans.org import importing, queries, services
from distans.org.forms import DirectorySearchForm, ImportForm
from distans.org.permissions import (
    can_change_person,
    can_import_org,
    can_view_person_details,
    get_person_for_user,
    get_unit_for_user,
)

PAGE_SIZE = 50


@login_required
def directory(request):
    form = DirectorySearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    people = queries.directory(
        query=filters.get("q", ""),
        unit_id=filters["unit"].pk if filters.get("unit") else None,
        site_id=filters["site"].pk if filters.get("site") else None,
    )
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "org/directory.html#results" if is_htmx(request) else "org/directory.html"
    return render(request, template, {"form": form, "page": page})


@login_required
def person_detail(request, pk: int):
    person = get_person_for_user(request.user, pk)
    details = can_view_person_details(request.user, person)
    return render(request, "org/person_detail.html", {
        "person": person,
        "details": details,
        "reports": queries.reports_of(person) if details else [],
        "can_change": can_change_person(request.user, person),
        "can_view_checklists": can_view_checklists_of(request.user, person),
    })


@login_required
@require_POST
def person_set_active(request, pk: int):
    person = get_person_for_user(request.user, pk)
    require(can_change_person(request.user, person))
    try:
        if request.POST.get("active") == "1":
            services.person_reactivate(actor=request.user, person=person,
                                       ip_address=client_address(request))
            messages.success(request, _("%(name)s can sign in again.") % {"name": person})
        else:
            services.person_deactivate(actor=request.user, person=person,
                                       ip_address=client_address(request))
            messages.success(request, _(
                "%(name)s is deactivated: signed out everywhere, and API tokens revoked."
            ) % {"name": person})
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("org:person", pk=person.pk)


@login_required
def unit_list(request):
    return render(request, "org/unit_list.html", {"tree": queries.unit_tree()})


@login_required
def unit_detail(request, pk: int):
    unit = get_unit_for_user(request.user, pk)
    return render(request, "org/unit_detail.html", {
        "unit": unit,
        "path": queries.unit_path(unit),
        "children": queries.units_with_counts().filter(parent=unit),
        "members": queries.directory(unit_id=unit.pk),
    })


@login_required
def site_list(request):
    return render(request, "org/site_list.html", {"sites": queries.sites_with_counts()})


@login_required
def import_upload(request):
    require(can_import_org(request.user))
    form = ImportForm(request.POST or None, request.FILES or None)
    problems, summary = [], None
    if request.method == "POST" and form.is_valid():
        try:
            summary = services.org_import(
                actor=request.user, data=form.cleaned_data["file"].read(),
                dry_run=form.cleaned_data["dry_run"], ip_address=client_address(request))
        except importing.ImportRejected as rejected:
            problems = rejected.problems
    status = 400 if problems or form.errors else 200
    return render(request, "org/import.html", {
        "form": form, "problems": problems, "summary": summary,
        "dry_run": summary is not None and form.cleaned_data["dry_run"],
        "required_columns": importing.REQUIRED_COLUMNS,
        "optional_columns": importing.OPTIONAL_COLUMNS,
    }, status=status)
