import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.arrangements import queries, rules, services
from distans.arrangements.forms import DecisionForm, OverviewFilterForm, RequestForm
from distans.arrangements.models import Status, Step
from distans.arrangements.permissions import (
    can_act,
    can_assess_suitability,
    can_decide,
    can_edit,
    can_start_for,
    can_view_overview,
    get_request_for_user,
)
from distans.checklists import services as checklist_services
from distans.checklists.models import ChecklistTemplate, Kind
from distans.core.exports import csv_export
from distans.core.permissions import require
from distans.core.refusals import refusal_message, refusal_on
from distans.org.permissions import get_person_for_user

ACTIONS = {
    rules.SUBMIT: lambda actor, request: services.request_submit(actor=actor, request=request),
    rules.CONFIRM: lambda actor, request: services.request_submit(
        actor=actor, request=request, action=rules.CONFIRM
    ),
    rules.SEND_FOR_CONFIRMATION: lambda actor, request: services.request_send_for_confirmation(
        actor=actor, request=request
    ),
    rules.WITHDRAW: lambda actor, request: services.request_withdraw(actor=actor, request=request),
    rules.ACCEPT_CHANGES: lambda actor, request: services.request_answer_changes(
        actor=actor, request=request, accept=True
    ),
    rules.DECLINE_CHANGES: lambda actor, request: services.request_answer_changes(
        actor=actor, request=request, accept=False
    ),
}


def _person_from(request):
    """Whom a new request is for: the user, or (for a manager or HR) the person in ?person=."""
    person_id = request.GET.get("person") or request.POST.get("person")
    person = (
        get_person_for_user(request.user, int(person_id))
        if person_id and person_id.isdigit()
        else request.user
    )
    require(can_start_for(request.user, person))
    return person


@login_required
def mine(request):
    return render(request, "arrangements/mine.html", {"requests": queries.my_requests(request.user)})


@login_required
def request_new(request):
    person = _person_from(request)
    form = RequestForm(
        request.POST or None, initial={"start_date": timezone.localdate() + datetime.timedelta(days=14)}
    )
    refused = False
    if request.method == "POST" and form.is_valid():
        # A request already in review is said with a link to it, above the form.
        with refusal_on(form, elsewhere={"request_in_review"}) as refusal:
            created = services.request_create(actor=request.user, person=person, **form.values())
            return redirect("arrangements:detail", pk=created.pk)
        refused = refusal.code == "request_in_review"
    waiting = queries.request_in_review(person)
    return render(
        request,
        "arrangements/form.html",
        {
            "form": form,
            "person": person,
            "evaluation": _live(person, form) if form.is_bound else None,
            "waiting": waiting,
            "waiting_reason": queries.in_review_refusal(request.user, person, waiting) if waiting else "",
            "refused": refused,
        },
        status=409 if refused else 400 if form.errors else 200,
    )


def _live(person, form):
    if not form.is_valid():
        return None
    evaluation, version = queries.evaluate(person, form.values())
    return {
        "findings": queries.described_findings(evaluation, version),
        "route": evaluation.route,
        "version": version,
    }


@login_required
@require_POST
def evaluate(request):
    """The findings for the form as it stands, for the live panel, and the chosen country's time zones
    for the form (htmx)."""
    person = _person_from(request)
    form = RequestForm(request.POST)
    return render(request, "arrangements/_live.html", {"evaluation": _live(person, form), "form": form})


@login_required
def request_edit(request, pk: int):
    remote = get_request_for_user(request.user, pk, for_write=True)
    form = RequestForm(request.POST or None, initial=RequestForm.initial_from(remote))
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            services.request_update(actor=request.user, request=remote, **form.values())
            return redirect("arrangements:detail", pk=remote.pk)
    return render(
        request,
        "arrangements/form.html",
        {
            "form": form,
            "person": remote.person,
            "remote": remote,
            "evaluation": _live(remote.person, form) if form.is_bound else None,
        },
        status=400 if form.errors else 200,
    )


@login_required
def request_detail(request, pk: int):
    remote = get_request_for_user(request.user, pk)
    user = request.user
    findings = queries.findings_of(remote)
    deciding = can_decide(user, remote)
    actions = [action for action in ACTIONS if can_act(user, remote, action)]
    sending = {rules.SUBMIT, rules.CONFIRM} & set(actions)
    waiting = queries.request_in_review(remote.person, besides=remote) if sending else None
    if waiting:  # sending would be refused: say why instead, with the way to the request in review
        actions = [action for action in actions if action not in sending]
    return render(
        request,
        "arrangements/detail.html",
        {
            "remote": remote,
            "Status": Status,
            "findings": findings,
            "steps": [
                {
                    "role": Step(role).label,
                    "done": index < remote.step or remote.status == rules.APPROVED,
                    "current": remote.current_step is not None and index == remote.step,
                }
                for index, role in enumerate(remote.route)
            ],
            "decisions": remote.decisions.select_related("decided_by"),
            "timeline": queries.timeline(remote),
            "actions": actions,
            "waiting": waiting,
            "waiting_reason": queries.in_review_refusal(user, remote.person, waiting) if waiting else "",
            "can_edit": can_edit(user, remote),
            "deciding": deciding,
            "decision_form": DecisionForm(initial={"round": remote.round, "step": remote.step})
            if deciding
            else None,
            "assessment": queries.suitability_outcome(remote.person)
            if remote.current_step == Step.MANAGER
            else None,
            "can_assess": can_assess_suitability(user, remote),
        },
    )


@login_required
@require_POST
def request_act(request, pk: int, action: str):
    remote = get_request_for_user(request.user, pk)
    if action not in ACTIONS:
        raise Http404
    require(can_act(request.user, remote, action))
    with refusal_message(request):
        ACTIONS[action](request.user, remote)
        messages.success(request, _("Done."))
    return redirect("arrangements:detail", pk=remote.pk)


@login_required
@require_POST
def request_decide(request, pk: int):
    remote = get_request_for_user(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        require(can_decide(request.user, remote))
        messages.error(request, _("Choose a decision."))
        return redirect("arrangements:detail", pk=remote.pk)
    # The service tells a decider who lost the race that someone else has just decided (shown on the
    # request's page), and refuses anyone else (403).
    with refusal_message(request):
        services.request_decide(
            actor=request.user,
            request=remote,
            decision=form.cleaned_data["decision"],
            comment=form.cleaned_data["comment"],
            changes=form.changes(),
            expected_round=form.cleaned_data["round"],
            expected_step=form.cleaned_data["step"],
        )
        messages.success(request, _("Your decision is recorded, and the employee is told."))
    return redirect("arrangements:detail", pk=remote.pk)


@login_required
@require_POST
def request_assess(request, pk: int):
    """The manager opens the suitability assessment from the request: the one already waiting for her,
    or a new one linked to the request."""
    remote = get_request_for_user(request.user, pk)
    require(can_assess_suitability(request.user, remote))
    waiting = queries.open_assessment(remote.person, request.user)
    if waiting is not None:
        return redirect("checklists:answer", pk=waiting.pk, role="manager")
    template = (
        ChecklistTemplate.objects.filter(kind=Kind.SUITABILITY, key="suitability").first()
        or ChecklistTemplate.objects.filter(kind=Kind.SUITABILITY).first()
    )
    assert template is not None, "the built-in suitability checklist is always there"
    with refusal_message(request):
        assignment = checklist_services.assignment_create(
            actor=request.user,
            template=template,
            person=remote.person,
            assessor=request.user,
            due_date=timezone.localdate() + datetime.timedelta(days=7),
            context=remote,
        )
        return redirect("checklists:answer", pk=assignment.pk, role="manager")
    return redirect("arrangements:detail", pk=remote.pk)


@login_required
def to_decide(request):
    waiting = [
        {"request": remote, "age": queries.age_in_days(remote), "findings": queries.stored_findings(remote)}
        for remote in queries.to_decide(request.user)
    ]
    return render(request, "arrangements/to_decide.html", {"waiting": waiting})


@login_required
def overview(request):
    require(can_view_overview(request.user))
    form = OverviewFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    requests = queries.overview(
        status=filters.get("status", ""),
        country=filters.get("country", ""),
        q=filters.get("q", ""),
        unit_id=filters["unit"].pk if filters.get("unit") else None,
    )
    if request.GET.get("format") == "csv":
        return _csv(requests)
    page = Paginator(requests, 50).get_page(request.GET.get("page"))
    return render(request, "arrangements/overview.html", {"form": form, "page": page})


def _csv(requests) -> HttpResponse:
    return csv_export(
        "remote-work-requests.csv",
        [
            _("Employee number"),
            _("Name"),
            _("Unit"),
            _("Country of employment"),
            _("Days a week"),
            _("Place of work"),
            _("Start"),
            _("End"),
            _("Status"),
            _("Policy version"),
            _("Submitted"),
        ],
        map(_csv_row, requests.iterator(chunk_size=500)),
    )


def _csv_row(remote) -> list:
    person = remote.person
    return [
        person.employee_number or "",
        person.full_name,
        person.unit.name if person.unit else "",
        person.country,
        str(remote.days_per_week).replace(".", ","),
        remote.get_location_display(),
        remote.start_date.isoformat(),
        remote.end_date.isoformat() if remote.end_date else "",
        remote.get_status_display(),
        remote.policy_version.number if remote.policy_version else "",
        remote.submitted_at.date().isoformat() if remote.submitted_at else "",
    ]
