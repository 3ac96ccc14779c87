from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.checklists.models import Kind
from distans.core.permissions import require
from distans.core.refusals import refusal_message, refusal_on
from distans.policy import hooks, queries, services
from distans.policy.forms import PolicyVersionForm
from distans.policy.models import PolicyVersion
from distans.policy.permissions import can_edit_policy


def _page(request, version, *, preview=False):
    kinds = dict(Kind.choices)
    return render(
        request,
        "policy/page.html",
        {
            "version": version,
            "preview": preview,
            "can_edit": can_edit_policy(request.user),
            "actions": [action for action in hooks.page_actions.collect(user=request.user) if action],
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
    require(can_edit_policy(request.user))
    if request.method == "POST":
        draft = services.policy_draft_create(actor=request.user)
        return redirect("policy:version", pk=draft.pk)
    return render(
        request, "policy/versions.html", {"versions": queries.versions(), "in_force": queries.in_force()}
    )


@login_required
def version_edit(request, pk: int):
    require(can_edit_policy(request.user))
    version = get_object_or_404(PolicyVersion, pk=pk)
    form = PolicyVersionForm(request.POST or None, instance=version) if version.is_draft else None
    if form is not None and request.method == "POST" and form.is_valid():
        with refusal_on(form):
            services.policy_draft_update(actor=request.user, version=version, **form.values())
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
    require(can_edit_policy(request.user))
    return _page(request, get_object_or_404(PolicyVersion, pk=pk), preview=True)


@login_required
@require_POST
def version_publish(request, pk: int):
    require(can_edit_policy(request.user))
    version = get_object_or_404(PolicyVersion, pk=pk)
    with refusal_message(request):
        services.policy_publish(actor=request.user, version=version)
        messages.success(
            request,
            _("Published. Requests starting on or after %(date)s are judged by it.")
            % {"date": version.effective_from},
        )
    return redirect("policy:version", pk=version.pk)
