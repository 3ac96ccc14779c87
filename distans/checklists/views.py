import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.checklists import queries, services, template_services
from distans.checklists.forms import (
    AssignForm,
    AssignUnitForm,
    ItemForm,
    ResponseForm,
    TemplateCreateForm,
    VersionForm,
)
from distans.checklists.models import ChecklistTemplate, Item, Role
from distans.checklists.permissions import (
    can_answer,
    can_assign,
    can_cancel,
    can_manage_templates,
    can_view_checklists_of,
    can_view_organisation_reports,
    can_view_reports,
    get_action_for_user,
    get_assignment_for_user,
    get_version_for_user,
)
from distans.core.permissions import require
from distans.core.refusals import refusal_message, refusal_on
from distans.core.translated import LANGUAGE_CODES
from distans.org.permissions import get_person_for_user

# Respondents -----------------------------------------------------------------------------------


@login_required
def mine(request):
    user = request.user
    return render(
        request,
        "checklists/mine.html",
        {
            "to_answer": queries.to_answer(user),
            "actions": queries.open_actions_for(user),
            "about_me": queries.assignments_about(user, viewer=user),
        },
    )


@login_required
def person_checklists(request, pk: int):
    person = get_person_for_user(request.user, pk)
    require(can_view_checklists_of(request.user, person))
    return render(
        request,
        "checklists/person.html",
        {
            "person": person,
            "assignments": queries.assignments_about(person, viewer=request.user),
            "can_assign": can_assign(request.user, person),
        },
    )


@login_required
def assign(request, pk: int):
    person = get_person_for_user(request.user, pk)
    require(can_assign(request.user, person))
    form = AssignForm(request.POST or None, versions=queries.published_templates(), user=request.user)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            assignment = services.assignment_create(
                actor=request.user,
                template=form.versions[form.cleaned_data["template"]].template,
                person=person,
                due_date=form.cleaned_data["due_date"],
                assessor=form.cleaned_data["assessor"],
                self_view=form.cleaned_data["self_view"],
            )
            messages.success(
                request, _("The checklist is assigned; %(person)s is told by e-mail.") % {"person": person}
            )
            return redirect("checklists:assignment", pk=assignment.pk)
    return render(
        request,
        "checklists/assign.html",
        {"person": person, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def assignment_detail(request, pk: int):
    assignment = get_assignment_for_user(request.user, pk)
    items = services.applicable_items(assignment)
    responses = {
        response.role: response
        for response in assignment.responses.prefetch_related("actions__owner").select_related("respondent")
    }
    submitted = [
        responses[role] for role in assignment.roles() if role in responses and responses[role].is_submitted
    ]
    return render(
        request,
        "checklists/assignment.html",
        {
            "assignment": assignment,
            "columns": [
                {
                    "role": role,
                    "label": Role(role).label,
                    "response": responses.get(role),
                    "can_answer": can_answer(request.user, assignment, role),
                }
                for role in assignment.roles()
            ],
            "rows": queries.answer_rows(assignment, items, responses),
            "actions": [action for response in submitted for action in response.actions.all()],
            "can_cancel": can_cancel(request.user, assignment),
            "today": timezone.localdate(),
        },
    )


@login_required
def answer(request, pk: int, role: str):
    assignment = get_assignment_for_user(request.user, pk)
    if role not in Role.values:
        raise Http404
    require(can_answer(request.user, assignment, role))
    items = services.applicable_items(assignment)
    draft = assignment.responses.filter(role=role).first()
    submitting = request.method == "POST" and "submit" in request.POST
    form = ResponseForm(
        request.POST or None,
        items=items,
        answers=draft.answers if draft else None,
        known=queries.known_answers(assignment.person, items, timezone.localdate()),
        submitting=submitting,
    )
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            if submitting:
                response = services.response_submit(
                    actor=request.user, assignment=assignment, role=role, answers=form.answers()
                )
                messages.success(
                    request,
                    _("Your answers are submitted. Result: %(outcome)s.")
                    % {"outcome": response.get_outcome_display()},
                )
                return redirect("checklists:assignment", pk=assignment.pk)
            services.response_save(
                actor=request.user, assignment=assignment, role=role, answers=form.answers()
            )
            messages.success(request, _("Draft saved. You can come back and submit it later."))
            return redirect("checklists:answer", pk=assignment.pk, role=role)
    return render(
        request,
        "checklists/answer.html",
        {
            "assignment": assignment,
            "role": role,
            "form": form,
            "preview": False,
            "version": assignment.version,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def action_done(request, pk: int):
    action = get_action_for_user(request.user, pk, for_write=True)
    with refusal_message(request):
        services.action_complete(actor=request.user, action=action)
        messages.success(request, _("The action is marked as done."))
    return redirect(
        request.POST.get("next") if request.POST.get("next", "").startswith("/") else "checklists:mine"
    )


@login_required
@require_POST
def assignment_cancel(request, pk: int):
    assignment = get_assignment_for_user(request.user, pk, for_write=True)
    services.assignment_cancel(actor=request.user, assignment=assignment)
    messages.success(request, _("The checklist is cancelled."))
    return redirect("checklists:person", pk=assignment.person_id)


# HR: templates ---------------------------------------------------------------------------------


@login_required
def template_list(request):
    require(can_manage_templates(request.user))
    form = TemplateCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            version = template_services.checklist_template_create(
                actor=request.user, kind=form.cleaned_data["kind"], title=form.translated_value("title")
            )
            return redirect("checklists:version", pk=version.pk)
    return render(
        request,
        "checklists/template_list.html",
        {
            "templates": queries.templates_with_versions(),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
def assign_unit(request):
    """HR assigns a checklist to everyone in a unit at once, for example the IT-security check."""
    require(can_manage_templates(request.user))
    form = AssignUnitForm(request.POST or None, versions=queries.published_templates())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        counts = services.assignments_for_unit(
            actor=request.user,
            template=form.versions[data["template"]].template,
            unit=data["unit"],
            due_date=data["due_date"],
            subunits=data["subunits"],
        )
        messages.success(
            request,
            _(
                "Assigned to %(assigned)s people. Left out: %(other_country)s employed in a country the "
                "checklist is not for, %(no_assessor)s without a line manager to assess them."
            )
            % counts,
        )
        return redirect("checklists:template_list")
    return render(request, "checklists/assign_unit.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def version_detail(request, pk: int):
    """The editor for a draft; a read-only view of a published version."""
    version = get_version_for_user(request.user, pk, for_write=True)
    form = VersionForm(request.POST or None, version=version)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            template_services.checklist_version_update(actor=request.user, version=version, **form.values())
            messages.success(request, _("Saved."))
            return redirect("checklists:version", pk=version.pk)
    items = list(version.items.all())
    return render(
        request,
        "checklists/version.html",
        {
            "version": version,
            "form": form,
            "items": items,
            "problems": template_services.publish_problems(version, items) if version.is_draft else [],
            "versions": version.template.versions.order_by("-number"),
        },
        status=400 if form.errors else 200,
    )


@login_required
def item_edit(request, pk: int, item_pk: int | None = None):
    version = get_version_for_user(request.user, pk, for_write=True)
    item = get_object_or_404(Item, pk=item_pk, version=version) if item_pk else None
    form = ItemForm(request.POST or None, item=item)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            template_services.checklist_item_save(
                actor=request.user, version=version, item=item, **form.values()
            )
            messages.success(request, _("Question saved."))
            return redirect("checklists:version", pk=version.pk)
    return render(
        request,
        "checklists/item_form.html",
        {"version": version, "item": item, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def item_change(request, pk: int, item_pk: int):
    """Move a question up or down, or delete it."""
    version = get_version_for_user(request.user, pk, for_write=True)
    item = get_object_or_404(Item.objects.select_related("version"), pk=item_pk, version=version)
    operation = request.POST.get("operation")
    with refusal_message(request):
        if operation == "delete":
            template_services.checklist_item_delete(actor=request.user, item=item)
        elif operation in ("up", "down"):
            template_services.checklist_item_move(actor=request.user, item=item, up=operation == "up")
    return redirect("checklists:version", pk=version.pk)


@login_required
def version_preview(request, pk: int):
    """The checklist as a respondent sees it, in any of the four languages."""
    version = get_version_for_user(request.user, pk, for_write=True)
    language = request.GET.get("language")
    if language not in LANGUAGE_CODES:
        language = translation.get_language()
    with translation.override(language):
        form = ResponseForm(items=list(version.items.all()))
        return render(
            request,
            "checklists/answer.html",
            {
                "version": version,
                "form": form,
                "preview": True,
                "preview_language": language,
            },
        )


@login_required
@require_POST
def version_publish(request, pk: int):
    version = get_version_for_user(request.user, pk, for_write=True)
    with refusal_message(request):
        template_services.checklist_version_publish(actor=request.user, version=version)
        messages.success(
            request,
            _("Published. New assignments use this version; earlier answers keep the version they answered."),
        )
    return redirect("checklists:version", pk=version.pk)


@login_required
@require_POST
def draft_create(request, pk: int):
    require(can_manage_templates(request.user))
    template = get_object_or_404(ChecklistTemplate, pk=pk)
    draft = template_services.checklist_draft_create(actor=request.user, template=template)
    return redirect("checklists:version", pk=draft.pk)


# Reports ---------------------------------------------------------------------------------------


@login_required
def reports(request):
    require(can_view_reports(request.user))
    since = timezone.localdate() - datetime.timedelta(days=90)
    organisation = can_view_organisation_reports(request.user)
    return render(
        request,
        "checklists/reports.html",
        {
            "completion": queries.completion(request.user),
            "actions": queries.open_actions(request.user),
            "consistency": queries.consistency() if organisation else None,
            "pulse": queries.pulse_by_unit(since=since) if organisation else None,
            "today": timezone.localdate(),
        },
    )
