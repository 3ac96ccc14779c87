from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.checklists.models import Kind
from distans.core.errors import DomainError
from distans.core.permissions import is_hr, require
from distans.policy import queries, services
from distans.policy.forms import PolicyVersionForm
from distans.policy.models import PolicyVersion


def _page(request, version, *, preview=False):
    kinds = dict(Kind.choices)
    return render(
        request,
        "policy/page.html",
        {
            "version": version,
            "preview": preview,
            "can_edit": is_hr(request.user),
            "required_checklists": [
                kinds[kind] for kind in (version.required_checklists if version else []) if kind in kinds
            ],
        },
    )


@login_required
def page(request):
    """Our remote work policy: the version in force, for everyone."""
    return _page(request, queries.in_force())


@login_required
def versions(request):
    require(is_hr(request.user))
    if request.method == "POST":
        draft = services.draft_create(actor=request.user)
        return redirect("policy:version", pk=draft.pk)
    return render(
        request, "policy/versions.html", {"versions": queries.versions(), "in_force": queries.in_force()}
    )


@login_required
def version_edit(request, pk: int):
    require(is_hr(request.user))
    version = get_object_or_404(PolicyVersion, pk=pk)
    form = PolicyVersionForm(request.POST or None, instance=version) if version.is_draft else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.draft_update(actor=request.user, version=version, **form.values())
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("policy:version", pk=version.pk)
    return render(
        request,
        "policy/version.html",
        {"version": version, "form": form},
        status=400 if form is not None and form.errors else 200,
    )


@login_required
def version_preview(request, pk: int):
    require(is_hr(request.user))
    return _page(request, get_object_or_404(PolicyVersion, pk=pk), preview=True)


@login_required
@require_POST
def version_publish(request, pk: int):
    require(is_hr(request.user))
    version = get_object_or_404(PolicyVersion, pk=pk)
    try:
        services.publish(actor=request.user, version=version)
        messages.success(
            request,
            _("Published. Requests starting on or after %(date)s are judged by it.")
            % {"date": version.effective_from},
        )
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("policy:version", pk=version.pk)
