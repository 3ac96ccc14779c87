from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.agreements.permissions import get_agreement_for_user
from distans.core.permissions import require
from distans.core.refusals import refusal_message, refusal_on
from distans.equipment.models import Condition, Loan
from distans.followup import charts, queries, routes, services
from distans.followup.forms import (
    MAX_PEOPLE_IN_SELECT,
    BookForm,
    CloseForm,
    DeviationForm,
    HoldForm,
    RespondForm,
)
from distans.followup.models import Deviation, Evaluation, Outcome
from distans.followup.permissions import (
    can_handle_now,
    can_hold,
    can_hold_now,
    can_report_about,
    can_view_pulse,
    can_watch_attachment,
    get_deviation_for_user,
    get_evaluation_for_user,
)
from distans.org.models import Person
from distans.planning import queries as plan_queries
from distans.planning.forms import UnitFilterForm
from distans.planning.permissions import can_view_organisation_plans


@login_required
def overview(request):
    user, today = request.user, timezone.localdate()
    evaluations = queries.evaluations_for(user).order_by("status", "due_date")
    can_watch = can_watch_attachment(user)
    return render(
        request,
        "followup/overview.html",
        {
            "mine": [e for e in evaluations if e.person_id == user.pk],
            "reports": [
                e for e in evaluations if e.person_id != user.pk and e.status == Evaluation.Status.SCHEDULED
            ],
            "deviations": queries.deviations_for(user).exclude(status=Deviation.Status.CLOSED)[:50],
            "closed": queries.deviations_for(user, status=Deviation.Status.CLOSED)[:20],
            "today": today,
            "can_watch": can_watch,
            "can_view_pulse": can_view_pulse(user),
            # Charts only for those who follow others: one's own few conversations need none.
            "charts": [
                charts.evaluations_by_month(queries.evaluations_per_month(user, today)),
                charts.deviations_by_kind(queries.deviations_per_kind(user, today)),
            ]
            if can_watch
            else [],
        },
    )


@login_required
def evaluation(request, pk: int):
    evaluation = get_evaluation_for_user(request.user, pk, for_write=request.method == "POST")
    form = HoldForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            days = form.cleaned_data["days"]
            with refusal_on(form):
                services.evaluation_hold(
                    actor=request.user,
                    evaluation=evaluation,
                    outcome=form.cleaned_data["outcome"],
                    note=form.cleaned_data["note"],
                    days=Decimal(days) if days else None,
                )
                outcome = form.cleaned_data["outcome"]
                if outcome in (Outcome.MORE_DAYS, Outcome.FEWER_DAYS, Outcome.CHANGE):
                    messages.success(
                        request, _("Held. The amendment is drafted: check it and send it for signature.")
                    )
                    return redirect("agreements:detail", pk=evaluation.agreement_id)
                messages.success(request, _("Held. The outcome is recorded."))
                return redirect("followup:evaluation", pk=pk)
    conversation = queries.conversation(evaluation, timezone.localdate())
    return render(
        request,
        "followup/evaluation.html",
        {
            "evaluation": evaluation,
            "form": form,
            "can_hold": can_hold_now(request.user, evaluation),
            "plan_chart": charts.planned_weeks(conversation["plan"]),
            **conversation,
        },
    )


@login_required
@require_POST
def book(request, agreement_pk: int):
    agreement = get_agreement_for_user(request.user, agreement_pk)
    require(can_hold(request.user, agreement.person))  # an agreement not in effect: the service says so
    form = BookForm(request.POST)
    if form.is_valid():
        with refusal_message(request):
            evaluation = services.evaluation_on_demand(
                actor=request.user, agreement=agreement, due=form.cleaned_data["due"]
            )
            services.evaluation_open(evaluation)
            messages.success(request, _("Booked. The follow-up checklist is sent to both of you."))
            return redirect("followup:evaluation", pk=evaluation.pk)
    else:
        messages.error(request, _("Choose a date."))
    return redirect("agreements:detail", pk=agreement_pk)


@login_required
def attachment(request):
    """A manager watches her reports; HR and HR approvers the whole organisation, or a unit with the
    units under it (?unit=)."""
    require(can_watch_attachment(request.user))
    organisation = can_view_organisation_plans(request.user)
    form = UnitFilterForm(request.GET or None) if organisation else None
    chosen = form.cleaned_data["unit"] if form is not None and form.is_valid() else None
    people, too_large, today = None, False, timezone.localdate()
    if chosen is not None:
        people = Person.objects.filter(unit__in=plan_queries.unit_and_below(chosen), is_active=True)
    elif organisation:
        people = Person.objects.filter(is_active=True)
        too_large = people.count() > plan_queries.WHOLE_ORGANISATION_LIMIT
    warning = queries.warning_level(today)
    watched = (
        [] if too_large else queries.attachment_watch(request.user, today, people=people, warning=warning)
    )
    mondays = [week[0] for week in queries.weeks_before(today, queries.WATCH_WEEKS)]
    return render(
        request,
        "followup/attachment.html",
        {
            "watched": watched,
            "chart": charts.attachment_trend(watched, mondays, warning),
            "all_drawn": len(watched) <= charts.MOST_LINES,
            "weeks": queries.WATCH_WEEKS,
            "form": form,
            "chosen": chosen,
            "too_large": too_large,
            "limit": plan_queries.WHOLE_ORGANISATION_LIMIT,
        },
    )


PULSE_PERIOD_DAYS = 90


@login_required
def pulse(request):
    require(can_view_pulse(request.user))
    periods = queries.pulse_next_to_remote_share(timezone.localdate(), PULSE_PERIOD_DAYS)
    return render(
        request,
        "followup/pulse.html",
        {
            "latest": periods[-1],
            "earlier": periods[-2::-1],
            "charts": charts.pulse_trend(periods, PULSE_PERIOD_DAYS),
            "min_group": settings.PULSE_MIN_GROUP,
        },
    )


@login_required
def deviation_new(request):
    people = queries.visible_people(request.user).filter(is_active=True)
    # Loans out, lost or returned damaged, of the person the report is about (of everyone visible
    # when that is a short list): what a report about equipment can be about. The people
    # themselves are never listed: the form's person picker searches them.
    about = request.POST.get("person") or request.GET.get("person")
    if request.method == "POST" and str(about).isdigit():  # a colleague she may see, not report about: 403
        person = Person.objects.filter(pk=about).first()
        require(person is None or can_report_about(request.user, person))
    owners = (
        people
        if people.count() <= MAX_PEOPLE_IN_SELECT
        else people.filter(pk=about if str(about).isdigit() else 0)
    )
    loans = Loan.objects.filter(person__in=owners).exclude(
        Q(status=Loan.Status.RETURNED) & ~Q(return_condition=Condition.DAMAGED)
    )
    form = DeviationForm(
        request.POST or None,
        user=request.user,
        loans=loans,
        initial={
            "person": request.GET.get("person") or request.user.pk,
            "loan": request.GET.get("loan"),
            "kind": request.GET.get("kind"),
            "occurred_on": timezone.localdate(),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_on(form):
            deviation = services.deviation_report(
                actor=request.user,
                person=data["person"],
                kind=data["kind"],
                description=data["description"],
                occurred_on=data["occurred_on"],
                loan=data["loan"],
            )
            messages.success(request, _("Reported. The personnel manager has been told."))
            return redirect("followup:deviation", pk=deviation.pk)
    return render(request, "followup/deviation_new.html", {"form": form})


@login_required
def deviation(request, pk: int):
    deviation = get_deviation_for_user(request.user, pk, for_write=request.method == "POST")
    respond_form, close_form = RespondForm(), CloseForm()
    if request.method == "POST":
        action = request.POST.get("action")
        form: RespondForm | CloseForm
        if action == "respond":
            form = respond_form = RespondForm(request.POST)
        else:
            form = close_form = CloseForm(request.POST)
        if form.is_valid():
            with refusal_on(form):
                if action == "respond":
                    services.deviation_respond(actor=request.user, deviation=deviation, **form.cleaned_data)
                else:
                    services.deviation_close(actor=request.user, deviation=deviation, **form.cleaned_data)
                messages.success(request, _("Saved."))
                return redirect("followup:deviation", pk=pk)
    route = routes.route_for(deviation.kind, deviation.person.country)
    return render(
        request,
        "followup/deviation.html",
        {
            "deviation": deviation,
            "can_handle": can_handle_now(request.user, deviation),
            "respond_form": respond_form,
            "close_form": close_form,
            "route": route,
            "overdue": deviation.first_response_at is None and deviation.respond_by < timezone.localdate(),
        },
    )
