"""Every write to follow-up: evaluations scheduled from each agreement, opened with the follow-up
checklist, held with an outcome that may amend or end the agreement; deviations reported, answered,
escalated and closed with their consequence; the wellbeing pulse sent every N weeks."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.agreements import services as agreement_services
from distans.agreements.models import Agreement, AgreementStatus, VersionStatus
from distans.agreements.terms import AgreementTerms
from distans.checklists import services as checklist_services
from distans.checklists.models import Assignment, ChecklistTemplate
from distans.checklists.rules import reminder_moments
from distans.core.audit import audit_record
from distans.core.errors import Conflict, DomainError, require_allowed
from distans.followup import rules, tasks
from distans.followup.audit_actions import FollowupAudit
from distans.followup.models import (
    Consequence,
    Deviation,
    DeviationNote,
    Evaluation,
    EvaluationKind,
    Outcome,
)
from distans.followup.permissions import can_book_evaluation, can_handle_deviation, can_hold, can_report_about
from distans.org.models import Person
from distans.policy import queries as policy_queries

OPEN_DAYS_BEFORE = 14  # the follow-up checklist goes out this long before the evaluation
SCHEDULED = Evaluation.Status.SCHEDULED


def _signed_terms(agreement: Agreement) -> AgreementTerms:
    version = agreement.versions.filter(status=VersionStatus.SIGNED).first()
    return version.agreement_terms if version else AgreementTerms()


def _create(agreement: Agreement, kind: str, due: datetime.date, actor=None) -> Evaluation:
    evaluation = Evaluation.objects.create(
        agreement=agreement, person=agreement.person, kind=kind, due_date=due
    )
    audit_record(
        actor=actor,
        action=FollowupAudit.EVALUATION_SCHEDULE,
        obj=evaluation,
        changes={"due_date": [None, due.isoformat()], "kind": [None, kind]},
    )
    # Two weeks ahead, at the reminder hour in the person's time zone, on a working day.
    moment = reminder_moments(
        due,
        days_before=OPEN_DAYS_BEFORE,
        time_zone=agreement.person.time_zone,
        hour=settings.REMINDER_LOCAL_HOUR,
    )[0]
    tasks.evaluation_open.using(run_after=moment).enqueue(evaluation.pk)
    return evaluation


def evaluation_schedule_first(agreement: Agreement) -> Evaluation | None:
    """The end of the trial, or the first regular evaluation, counted from the agreement's start."""
    if agreement.evaluations.filter(status=SCHEDULED).exists():
        return None
    terms = _signed_terms(agreement)
    policy = policy_queries.in_force(agreement.start_date) or policy_queries.in_force()
    months = terms.evaluation_months or (policy.evaluation_months if policy else 6)
    last = agreement.evaluations.filter(status=Evaluation.Status.HELD).order_by("-held_at").first()
    kind: str
    if last is not None and last.held_at is not None:  # after a conversation, the next counts from then
        kind, due = EvaluationKind.PERIODIC, rules.next_evaluation(last.held_at.date(), months)
    else:
        trial_weeks = terms.trial_weeks if terms.trial else None
        kind, due = rules.first_evaluation(agreement.start_date, trial_weeks, months)
    return _create(agreement, kind, max(due, timezone.localdate()))


def evaluations_cancel(*, agreement: Agreement, today: datetime.date) -> int:
    """The agreement has ended (subscribed to `agreements.hooks.agreement_finished`): the evaluations
    still booked are not held."""
    return _cancel_booked(agreement, None)


def _cancel_booked(agreement: Agreement, actor) -> int:
    """Cancel the agreement's booked evaluations, each with its audit row."""
    cancelled = 0
    for evaluation in agreement.evaluations.select_for_update().filter(status=SCHEDULED):
        evaluation.status = Evaluation.Status.CANCELLED
        evaluation.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action=FollowupAudit.EVALUATION_CANCEL,
            obj=evaluation,
            changes={"status": [SCHEDULED, Evaluation.Status.CANCELLED]},
        )
        cancelled += 1
    return cancelled


def evaluation_on_demand(*, actor, agreement: Agreement, due: datetime.date) -> Evaluation:
    """Bring the next evaluation forward to a date either side asks for."""
    require_allowed(
        can_hold(actor, agreement.person), _("Only the line manager or HR can book an evaluation.")
    )
    if due < timezone.localdate():
        raise DomainError("due_in_past", _("Choose today or a later day."), field="due")
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().select_related("person").get(pk=agreement.pk)
        if not can_book_evaluation(actor, agreement):
            raise Conflict("not_in_effect", _("An evaluation is booked only for an agreement in effect."))
        _cancel_booked(agreement, actor)
        return _create(agreement, EvaluationKind.ON_DEMAND, due, actor)


def evaluation_open(evaluation: Evaluation) -> Assignment | None:
    """Send the follow-up checklist to the employee and the manager, due on the evaluation date."""
    if evaluation.status != SCHEDULED or evaluation.assignment_id:
        return None
    person = evaluation.person
    with transaction.atomic():
        assignment = checklist_services.assignment_create(
            actor=None,
            template=ChecklistTemplate.objects.get(key="follow-up"),
            person=person,
            assessor=person.manager,
            due_date=max(evaluation.due_date, timezone.localdate()),
            context=evaluation,
        )
        evaluation.assignment = assignment
        evaluation.save(update_fields=["assignment"])
    return assignment


def evaluation_hold(
    *, actor, evaluation: Evaluation, outcome: str, note: str = "", days: Decimal | None = None
) -> Evaluation:
    """Record the outcome. One that changes the terms starts an amendment (both sign again); "end"
    gives notice on the agreement. Otherwise the next evaluation is booked."""
    if outcome not in Outcome.values:
        raise DomainError("bad_outcome", _("Choose an outcome."), field="outcome")
    with transaction.atomic():
        evaluation = (
            Evaluation.objects.select_for_update().select_related("agreement__person").get(pk=evaluation.pk)
        )
        agreement = evaluation.agreement
        require_allowed(
            can_hold(actor, agreement.person), _("Only the line manager or HR can hold the evaluation.")
        )
        if evaluation.status != SCHEDULED:
            raise Conflict("held", _("This evaluation has already been held."))
        current = _signed_terms(agreement).days
        if outcome in (Outcome.MORE_DAYS, Outcome.FEWER_DAYS):
            if (
                days is None
                or (outcome == Outcome.MORE_DAYS) != (days > current)
                or days == current
                or days <= 0
            ):
                raise DomainError(
                    "days",
                    _("Give the new number of days a week: more or fewer than %(days)s.")
                    % {"days": current.normalize()},
                    field="days",
                )
        if outcome != Outcome.CONTINUE and not note.strip():
            raise DomainError("note_required", _("Write down what was agreed."), field="note")
        evaluation.status = Evaluation.Status.HELD
        evaluation.outcome, evaluation.note, evaluation.outcome_days = outcome, note.strip(), days
        evaluation.held_at, evaluation.held_by = timezone.now(), actor
        evaluation.save()
        audit_record(
            actor=actor,
            action=FollowupAudit.EVALUATION_HOLD,
            obj=evaluation,
            changes={"outcome": [None, outcome], "days": [None, str(days) if days else None]},
        )
        if outcome == Outcome.END:
            agreement_services.agreement_end(
                actor=actor, agreement=agreement, last_day=None, reason=note.strip()
            )
            return evaluation
        if outcome in (Outcome.MORE_DAYS, Outcome.FEWER_DAYS, Outcome.CHANGE):
            version = agreement_services.agreement_amend(
                actor=actor, agreement=agreement, change_note=note.strip()
            )
            if days is not None:
                agreement_services.agreement_terms_update(
                    actor=actor, agreement=agreement, values=_days_terms(version.agreement_terms, days)
                )
        evaluation_schedule_first(agreement)
    return evaluation


def _days_terms(terms: AgreementTerms, days: Decimal) -> dict:
    """New days on the amendment, as terms are stored: fewer fixed days keep the first ones; more become
    flexible days."""
    weekdays = terms.weekdays
    whole = int(days.to_integral_value(rounding="ROUND_CEILING"))
    if weekdays and not terms.flexible and whole <= len(weekdays):
        return {"days_per_week": str(days), "weekdays": sorted(weekdays)[:whole], "flexible": False}
    return {"days_per_week": str(days), "weekdays": [], "flexible": True}


# Deviations


def deviation_report(
    *, actor, person: Person, kind: str, description: str, occurred_on: datetime.date, loan=None
) -> Deviation:
    require_allowed(
        can_report_about(actor, person), _("You can report deviations about yourself and your reports.")
    )
    if not description.strip():
        raise DomainError("description_required", _("Describe what happened."), field="description")
    if occurred_on > timezone.localdate():
        raise DomainError("future", _("The date cannot be in the future."), field="occurred_on")
    today = timezone.localdate()
    with transaction.atomic():
        agreement = Agreement.objects.filter(
            person=person,
            status__in=(AgreementStatus.SIGNED, AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED),
        ).first()
        deviation = Deviation.objects.create(
            person=person,
            agreement=agreement,
            loan=loan,
            kind=kind,
            description=description.strip(),
            occurred_on=occurred_on,
            reported_by=actor,
            handler=person.manager,
            respond_by=rules.add_working_days(today, settings.DEVIATION_RESPONSE_DAYS),
        )
        audit_record(
            actor=actor,
            action=FollowupAudit.DEVIATION_REPORT,
            obj=deviation,
            changes={"kind": [None, kind], "person": [None, person.pk]},
        )
        tasks.deviation_notify.enqueue(deviation.pk, "reported")
        # The working day after the first-response date, at the reminder hour in the handler's zone.
        moment = reminder_moments(
            deviation.respond_by,
            days_before=0,
            time_zone=(person.manager or person).time_zone,
            hour=settings.REMINDER_LOCAL_HOUR,
        )[1]
        tasks.deviation_escalate.using(run_after=moment).enqueue(deviation.pk)
    return deviation


def _locked(deviation: Deviation) -> Deviation:
    return (
        Deviation.objects.select_for_update(of=("self",))
        .select_related("person__manager", "agreement")
        .get(pk=deviation.pk)
    )


def _handling(actor, deviation: Deviation) -> Deviation:
    """The deviation locked for its handler, refused when it is closed or not theirs."""
    deviation = _locked(deviation)
    require_allowed(
        can_handle_deviation(actor, deviation), _("Only the personnel manager or HR can handle this.")
    )
    if deviation.status == Deviation.Status.CLOSED:
        raise Conflict("closed", _("This deviation is closed."))
    return deviation


def _log(deviation: Deviation, actor, text: str) -> None:
    DeviationNote.objects.create(deviation=deviation, author=actor, text=text.strip())


def deviation_respond(*, actor, deviation: Deviation, note: str) -> Deviation:
    """The first response: the handler takes the case and says what happens next."""
    if not note.strip():
        raise DomainError("note_required", _("Say what happens next."), field="note")
    with transaction.atomic():
        deviation = _handling(actor, deviation)
        _log(deviation, actor, note)
        deviation.status = Deviation.Status.IN_PROGRESS
        deviation.first_response_at = deviation.first_response_at or timezone.now()
        deviation.save()
        audit_record(
            actor=actor,
            action=FollowupAudit.DEVIATION_RESPOND,
            obj=deviation,
            changes={"status": [None, "in_progress"]},
        )
    return deviation


def deviation_close(
    *, actor, deviation: Deviation, actions_taken: str, consequence: str, reason: str = ""
) -> Deviation:
    """Close with what was done. A suspension or reinstatement goes through the agreement's own steps."""
    if consequence not in Consequence.values:
        raise DomainError("bad_consequence", _("Choose the consequence."), field="consequence")
    if not actions_taken.strip():
        raise DomainError("actions_required", _("Write down the actions taken."), field="actions_taken")
    with transaction.atomic():
        deviation = _handling(actor, deviation)
        agreement = deviation.agreement
        changes_agreement = consequence in (
            Consequence.SUSPENDED,
            Consequence.REINSTATED,
            Consequence.CHANGED,
        )
        if agreement is None:
            if changes_agreement:
                raise DomainError("no_agreement", _("There is no agreement to change."), field="consequence")
        elif consequence == Consequence.SUSPENDED:
            agreement_services.agreement_suspend(
                actor=actor, agreement=agreement, reason=reason or actions_taken
            )
        elif consequence == Consequence.REINSTATED:
            agreement_services.agreement_reinstate(
                actor=actor, agreement=agreement, reason=reason or actions_taken
            )
        elif consequence == Consequence.CHANGED:
            agreement_services.agreement_amend(
                actor=actor, agreement=agreement, change_note=reason or actions_taken
            )
        _log(deviation, actor, actions_taken)
        deviation.consequence = consequence
        deviation.status = Deviation.Status.CLOSED
        deviation.first_response_at = deviation.first_response_at or timezone.now()
        deviation.closed_at, deviation.closed_by = timezone.now(), actor
        deviation.save()
        audit_record(
            actor=actor,
            action=FollowupAudit.DEVIATION_CLOSE,
            obj=deviation,
            changes={"status": [None, "closed"], "consequence": [None, consequence]},
        )
        tasks.deviation_notify.enqueue(deviation.pk, "closed")
    return deviation


def deviation_escalate(deviation_id: int) -> bool:
    """No first response by the due date: tell the handler's manager and HR."""
    with transaction.atomic():
        deviation = Deviation.objects.select_for_update().filter(pk=deviation_id).first()
        if deviation is None or deviation.first_response_at or deviation.status == Deviation.Status.CLOSED:
            return False
        if deviation.escalated_at:
            return False
        deviation.escalated_at = timezone.now()
        deviation.save(update_fields=["escalated_at"])
        audit_record(
            actor=None,
            action=FollowupAudit.DEVIATION_ESCALATE,
            obj=deviation,
            changes={"escalated": [None, True]},
        )
        tasks.deviation_notify.enqueue(deviation.pk, "escalated")
    return True


# Sweep: evaluations for every agreement in effect, and the wellbeing pulse


def followup_sweep(*, today: datetime.date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    scheduled = 0
    for agreement in (
        Agreement.objects.filter(status=AgreementStatus.ACTIVE, ends_on__isnull=True)
        .exclude(evaluations__status=SCHEDULED)
        .select_related("person")
    ):
        with transaction.atomic():
            scheduled += evaluation_schedule_first(agreement) is not None
    return {"evaluations": scheduled, "pulses": pulses_send_due(today=today)}


def pulses_send_due(*, today: datetime.date) -> int:
    """Everyone with remote work in effect gets the pulse when the last one is N weeks old (policy)."""
    policy = policy_queries.in_force(today)
    if policy is None or not policy.pulse_weeks:
        return 0
    template = ChecklistTemplate.objects.filter(key="pulse").first()
    if template is None:
        return 0
    recent = Assignment.objects.filter(
        version__template=template, created_at__date__gt=today - datetime.timedelta(weeks=policy.pulse_weeks)
    ).values("person_id")
    people = (
        Person.objects.filter(is_active=True, agreements__status=AgreementStatus.ACTIVE)
        .exclude(pk__in=recent)
        .distinct()
    )
    sent = 0
    for person in people:
        checklist_services.assignment_create(
            actor=None, template=template, person=person, due_date=today + datetime.timedelta(days=7)
        )
        sent += 1
    return sent
